package al.antitrafficking.warehouse.forum;

import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.progress.FailureText;
import al.antitrafficking.warehouse.reference.Territory;
import al.antitrafficking.warehouse.snapshot.FileLease;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Command: writes a consistent backup of the operational store (forums, actions, accounts, the audit trail) into
 * {@code forums.backup-dir}, keeping the newest {@code forums.backups-kept}. DuckDB allows one writing process per file:
 * while the portal runs it holds the store and takes the backups itself (every {@code forums.backup-every-hours}, and when
 * an administrator asks on the Administration page), so this command is for a stopped portal and says so otherwise.
 */
public final class BackupCommand {
    private BackupCommand() {}

    public static void main(String[] args) {
        try {
            AppConfig config = AppConfig.fromArgs(args);
            ForumRules rules = ForumRules.load(config, Territory.load(config.referenceDir()), Set.of());
            if (FileLease.take(DuckDbForumStore.lockFile(config.forumStoreFile()), Duration.ZERO, false).map(lease -> {
                lease.close();
                return false;
            }).orElse(true)) {
                System.err.println("Backup not taken here: a running portal holds the store. It takes backups itself (every "
                        + config.forumBackupEveryHours() + " hours); an administrator can take one now on the Administration page.");
                System.exit(2);
            }
            try (DuckDbForumStore store = DuckDbForumStore.open(config.forumStoreFile(), rules, Clock.systemUTC(), config.portal().duckDbLimits())) {
                Path backup = ForumBackups.backup(store, config.forumBackupDir(), Clock.systemUTC(), config.forumBackupsKept());
                System.out.println("Backup written: " + backup);
            }
        } catch (RuntimeException e) {
            System.err.println("Backup failed: " + FailureText.of(e));
            System.exit(1);
        }
    }
}
