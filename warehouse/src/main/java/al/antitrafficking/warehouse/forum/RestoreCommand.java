package al.antitrafficking.warehouse.forum;

import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.progress.FailureText;
import al.antitrafficking.warehouse.reference.Territory;
import al.antitrafficking.warehouse.snapshot.FileLease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Command: {@code --from=BACKUP} replaces the forum store with a backup. The portal must be stopped: the restore
 * refuses while a process holds the store's lock. The backup is checked by opening it as a store first; the file it
 * replaces is kept beside it as {@code <store>.replaced-<time>}, so a restore never loses data.
 */
public final class RestoreCommand {
    private RestoreCommand() {}

    public static void main(String[] args) {
        try {
            Path from = null;
            List<String> configArgs = new ArrayList<>();
            for (String arg : args) {
                if (arg.startsWith("--from=")) {
                    from = Path.of(arg.substring("--from=".length()));
                } else {
                    configArgs.add(arg);
                }
            }
            if (from == null) {
                throw new IllegalArgumentException("Cannot restore: say which backup with --from=PATH");
            }
            AppConfig config = AppConfig.fromArgs(configArgs.toArray(String[]::new));
            Path replaced = restore(from, config.forumStoreFile(), ForumRules.load(config, Territory.load(config.referenceDir()), Set.of()),
                    config.portal().duckDbLimits());
            System.out.println("Forum store restored from " + from + (replaced == null ? "" : "; the previous store is kept as " + replaced));
        } catch (RuntimeException e) {
            System.err.println("Restore failed: " + FailureText.of(e));
            System.exit(1);
        }
    }

    /**
     * Replaces the store with the backup; returns where the replaced store was kept, or null if there was none. Holds the
     * store's lock throughout: it refuses while a portal (or a backup) holds the store, and a portal starting meanwhile
     * refuses to open it until the restore is done.
     */
    public static Path restore(Path backup, Path store, ForumRules rules) {
        return restore(backup, store, rules, null);
    }

    /** As {@link #restore(Path, Path, ForumRules)}, the backup's check within these DuckDB limits (null: DuckDB's own). */
    public static Path restore(Path backup, Path store, ForumRules rules, al.antitrafficking.warehouse.config.DuckDbLimits limits) {
        if (!Files.isRegularFile(backup)) {
            throw new IllegalArgumentException("Cannot restore: no backup file " + backup);
        }
        Path staged = store.resolveSibling(store.getFileName() + ".restoring");
        Optional<FileLease> held = FileLease.take(DuckDbForumStore.lockFile(store), Duration.ZERO, false);
        if (held.isEmpty()) {
            throw new IllegalStateException("Cannot restore: the forum store " + store + " is in use (stop the portal first); nothing was changed");
        }
        try (FileLease lease = held.get()) {
            Files.createDirectories(store.toAbsolutePath().getParent());
            Files.copy(backup, staged, StandardCopyOption.REPLACE_EXISTING);
            // Opening checks the backup is a forum store this program can read (and brings its schema up to date).
            try (DuckDbForumStore check = DuckDbForumStore.open(staged, rules, Clock.systemUTC(), limits)) {
                check.forums();
            }
            Path replaced = null;
            if (Files.exists(store)) {
                replaced = store.resolveSibling(store.getFileName() + ".replaced-" + System.currentTimeMillis());
                Files.move(store, replaced, StandardCopyOption.ATOMIC_MOVE);
                Path wal = store.resolveSibling(store.getFileName() + ".wal");
                if (Files.exists(wal)) {
                    Files.move(wal, replaced.resolveSibling(replaced.getFileName() + ".wal"), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Files.move(staged, store, StandardCopyOption.ATOMIC_MOVE);
            return replaced;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restore forum store from " + backup, e);
        } finally {
            try {
                Files.deleteIfExists(staged);
                Files.deleteIfExists(staged.resolveSibling(staged.getFileName() + ".wal"));
                Files.deleteIfExists(DuckDbForumStore.lockFile(staged));
            } catch (IOException e) {
                System.err.println("Could not remove " + staged + ": " + FailureText.of(e));
            }
        }
    }
}
