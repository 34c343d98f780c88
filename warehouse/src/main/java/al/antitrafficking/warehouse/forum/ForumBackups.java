package al.antitrafficking.warehouse.forum;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Where backups of the forum store go, named by their UTC time. */
public final class ForumBackups {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'forums-'yyyyMMdd'T'HHmmssSSS'Z.duckdb'")
            .withZone(ZoneOffset.UTC);

    private ForumBackups() {}

    /** Writes a backup of the store into the folder and returns its path. */
    public static Path backup(ForumStore store, Path backupDir, Clock clock) {
        Path target = backupDir.resolve(NAME.format(clock.instant()));
        store.backupTo(target);
        return target;
    }
}
