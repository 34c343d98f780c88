package al.antitrafficking.warehouse.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Supplier;

/**
 * The last file read whole, kept in memory while the file keeps its identity (inode, size and time): the ingestion
 * service reads the release and the computed cells it has just published once, while it waits, and the next
 * correction finds them here instead of parsing 24 MB of text again. A file written anew (the ledger and the kept
 * cells are renamed into place, never changed in place) is read again.
 */
final class FileMemo<T> {
    private Path file;
    private String identity;
    private T value;

    /** The file's contents as {@code reader} makes them: kept from the last read while the file is the same. */
    synchronized T read(Path file, Supplier<T> reader) {
        String now = identity(file);
        if (now != null && file.equals(this.file) && now.equals(identity)) {
            return value;
        }
        // The identity is taken before reading: a file replaced meanwhile is read again next time.
        T read = reader.get();
        this.file = now == null ? null : file;
        this.identity = now;
        this.value = now == null ? null : read;
        return read;
    }

    private static String identity(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.fileKey() == null ? null : a.fileKey() + "|" + a.size() + "|" + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return null;
        }
    }
}
