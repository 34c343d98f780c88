package al.antitrafficking.etl.ingest;

import al.antitrafficking.warehouse.build.BuildWarehouseCommand;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.progress.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Command: the optional long-running ingestion service. It keeps one Spark session (and the JVM's compiled code) warm,
 * watches the incoming folder, and when its files change and then stay unchanged for a quiet period (a county's clerk
 * may copy several files), runs the ETL and the build and publishes, as {@code bin/ingest} would: a corrected file is
 * published in seconds rather than after a JVM and a Spark session have started twice. Stop it with Ctrl-C or a
 * TERM signal; a run under way finishes or leaves nothing behind, as a killed run of the commands does.
 *
 * <p>Arguments are configuration overrides ({@link AppConfig}), and {@code --poll-seconds=N} (default 2).
 */
public final class IngestService {
    private final SparkSession spark;
    private final AppConfig config;
    private Map<String, String> seen = Map.of();
    private Map<String, String> pending;

    public IngestService(SparkSession spark, AppConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /** The outcome of one look at the folder: nothing new, or the run's and the build's reports. */
    public record Round(IngestReport ingest, BuildWarehouseCommand.Outcome build) {}

    /**
     * Looks at the incoming folder once; when its files differ from those of the last run and did not change since the
     * previous look, runs the ETL and the build and publishes. The first look after start-up always runs.
     */
    public Optional<Round> poll() {
        Map<String, String> now = listing(config.incomingDir());
        if (now.equals(seen)) {
            pending = null;
            return Optional.empty();
        }
        if (!seen.isEmpty() && !now.equals(pending)) {
            // Still changing, or just changed: wait one more look.
            pending = now;
            return Optional.empty();
        }
        IngestReport report = IngestJob.fromConfig(spark, config).run(config.incomingDir());
        BuildWarehouseCommand.Outcome outcome = BuildWarehouseCommand.buildAndPublish(config, report.snapshotId());
        seen = now;
        pending = null;
        return Optional.of(new Round(report, outcome));
    }

    /** Each regular file of the folder by name, with its size and time of change. */
    static Map<String, String> listing(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> all = Files.list(dir)) {
            for (Path p : all.toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                if (a.isRegularFile()) {
                    files.put(p.getFileName().toString(), a.size() + "|" + a.lastModifiedTime().toMillis());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the incoming folder " + dir, e);
        }
        return files;
    }

    public static void main(String[] args) {
        long pollSeconds = 2;
        java.util.List<String> configArgs = new java.util.ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--poll-seconds=")) {
                pollSeconds = Long.parseLong(arg.substring("--poll-seconds=".length()));
            } else {
                configArgs.add(arg);
            }
        }
        AppConfig config = AppConfig.fromArgs(configArgs.toArray(String[]::new));
        RunFolder scratch = SparkScratch.create(config.warehouseDir());
        SparkSession spark = SparkSessions.create(config, scratch.dir());
        IngestService service = new IngestService(spark, config);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            main.interrupt();
            try {
                main.join(Duration.ofMinutes(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.printf("Ingestion service: watching %s every %d s (Spark master %s); Ctrl-C stops it%n", config.incomingDir(),
                pollSeconds, config.sparkMaster());
        try {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    long started = System.nanoTime();
                    Progress.start("service", System.out, Duration.ofSeconds(5));
                    Optional<Round> round = service.poll();
                    Progress.stop();
                    round.ifPresent(r -> {
                        System.out.print(r.ingest().summary());
                        System.out.print(r.build().summary());
                        System.out.printf("Published %s in %.1f s after the files settled%n", r.build().snapshot().id(),
                                (System.nanoTime() - started) / 1e9);
                    });
                } catch (RuntimeException e) {
                    Progress.stop();
                    // As the commands: only this project's own messages; the files stay for the next look.
                    System.err.println("Ingestion failed, nothing published: " + (e.getClass().getName().startsWith("al.antitrafficking")
                            || e instanceof IllegalStateException || e instanceof UncheckedIOException ? e.getMessage()
                            : e.getClass().getSimpleName()));
                    service.seen = listing(config.incomingDir());
                }
                Thread.sleep(Duration.ofSeconds(pollSeconds).toMillis());
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            spark.stop();
            scratch.close();
        }
    }
}
