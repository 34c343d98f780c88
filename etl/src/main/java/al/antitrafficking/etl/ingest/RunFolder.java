package al.antitrafficking.etl.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder one run owns: readable by its owner only, holding a lock file the run keeps locked while it lives, and
 * deleted when the run closes it. A run that dies (killed, out of memory) cannot delete its folder; the next run
 * deletes folders whose lock nobody holds ({@link #deleteAbandoned}), and never a folder whose lock is held: that
 * run is alive, and its folder is not another run's to touch.
 */
final class RunFolder implements AutoCloseable {
    static final String LOCK = ".lock";
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private RunFolder(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates {@code root/name}, owner-only, and locks it. */
    static RunFolder create(Path root, String name) {
        try {
            Files.createDirectories(root);
            Path dir = Files.createDirectory(root.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new RunFolder(dir, channel, channel.lock());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the run's own folder in " + root, e);
        }
    }

    Path dir() {
        return dir;
    }

    /** A new owner-only sub-folder. */
    Path subfolder(String name) {
        try {
            return Files.createDirectories(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder in the run's own folder", e);
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the run's lock", e);
        } finally {
            deleteTree(dir);
        }
    }

    /** Deletes the folders under {@code root} that no living run holds; returns their names. */
    static List<String> deleteAbandoned(Path root) {
        List<String> deleted = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return deleted;
        }
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                if (abandoned(child)) {
                    deleteTree(child);
                    deleted.add(child.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
        return deleted;
    }

    private static boolean abandoned(Path dir) throws IOException {
        Path lockFile = dir.resolve(LOCK);
        if (!Files.exists(lockFile)) {
            // A run creates its folder and then its lock: give a folder without one a moment before calling it dead.
            FileTime modified = Files.getLastModifiedTime(dir);
            return modified.toInstant().isBefore(Instant.now().minus(GRACE));
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
