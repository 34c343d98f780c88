package al.antitrafficking.warehouse.forum;

import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.reference.Territory;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Command: writes a consistent backup of the forum store into {@code forums.backup-dir}. DuckDB allows one
 * writing process per file, so while the portal runs the backup is taken by the portal (asked over
 * {@code POST /api/v1/admin/forum-backups}); when no portal answers, this command opens the file itself.
 */
public final class BackupCommand {
    private BackupCommand() {}

    public static void main(String[] args) {
        try {
            AppConfig config = AppConfig.fromArgs(args);
            String throughPortal = askPortal(config);
            if (throughPortal != null) {
                System.out.println("Backup written by the running portal: " + throughPortal);
                return;
            }
            ForumRules rules = ForumRules.load(config, Territory.load(config.referenceDir()), Set.of());
            try (DuckDbForumStore store = DuckDbForumStore.open(config.forumStoreFile(), rules, Clock.systemUTC())) {
                Path backup = ForumBackups.backup(store, config.forumBackupDir(), Clock.systemUTC(), config.forumBackupsKept());
                System.out.println("Backup written: " + backup);
            }
        } catch (RuntimeException e) {
            System.err.println("Backup failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The backup file the portal wrote, or null when no portal listens on the configured address. */
    private static String askPortal(AppConfig config) {
        String host = config.httpHost().equals("0.0.0.0") ? "127.0.0.1" : config.httpHost();
        URI uri = URI.create("http://" + host + ":" + config.httpPort() + "/api/v1/admin/forum-backups");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("Cannot back up through the portal: it answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body();
        } catch (ConnectException e) {
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot back up through the portal at " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Backup interrupted", e);
        }
    }
}
