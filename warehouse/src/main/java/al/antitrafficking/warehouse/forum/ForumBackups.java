package al.antitrafficking.warehouse.forum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where backups of the forum store go, named by their UTC time, and how many are kept: after each backup written whole,
 * the oldest beyond the number kept are deleted (never the one just written, never a file not named as a backup).
 */
public final class ForumBackups {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'forums-'yyyyMMdd'T'HHmmssSSS'Z.duckdb'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern BACKUP = Pattern.compile("forums-\\d{8}T\\d{9}Z\\.duckdb");

    private ForumBackups() {}

    /** Writes a backup of the store into the folder, keeping every older one, and returns its path. */
    public static Path backup(ForumStore store, Path backupDir, Clock clock) {
        return backup(store, backupDir, clock, Integer.MAX_VALUE);
    }

    /** Writes a backup of the store into the folder, deletes the oldest beyond {@code kept}, and returns its path. */
    public static Path backup(ForumStore store, Path backupDir, Clock clock, int kept) {
        Path target = backupDir.resolve(NAME.format(clock.instant()));
        store.backupTo(target);
        List<Path> all = list(backupDir);
        for (Path old : all.subList(0, Math.max(0, all.size() - kept))) {
            if (!old.equals(target)) {
                try {
                    Files.deleteIfExists(old);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot delete old backup " + old, e);
                }
            }
        }
        return target;
    }

    /** The backups in the folder, oldest first. */
    public static List<Path> list(Path backupDir) {
        if (!Files.isDirectory(backupDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(backupDir)) {
            return new ArrayList<>(files.filter(p -> BACKUP.matcher(p.getFileName().toString()).matches()).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list backups in " + backupDir, e);
        }
    }
}
