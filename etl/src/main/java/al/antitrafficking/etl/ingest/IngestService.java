package al.antitrafficking.etl.ingest;

import al.antitrafficking.warehouse.build.BuildWarehouseCommand;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.progress.FailureText;
import al.antitrafficking.warehouse.progress.Progress;
import al.antitrafficking.warehouse.release.Releases;
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
 * <p>Arguments are configuration overrides ({@link AppConfig}), {@code --poll-seconds=N} (default 2) and
 * {@code --quiet-seconds=N} (default 5: how long the folder must stay unchanged before a run). The first look runs at
 * once when the folder differs from what the newest snapshot was made from, as {@code bin/ingest} would (unchanged
 * files are carried over), and does nothing when it does not. A run that fails publishes nothing and is tried again a
 * minute later.
 */
public final class IngestService {
    private static final Duration RETRY = Duration.ofMinutes(1);
    private final SparkSession spark;
    private final AppConfig config;
    private final Duration quiet;
    private final java.time.Clock clock;
    private Map<String, String> seen;
    private Map<String, String> pending;
    private java.time.Instant pendingSince;
    private java.time.Instant retryAt;

    public IngestService(SparkSession spark, AppConfig config, Duration quiet, java.time.Clock clock) {
        this.spark = spark;
        this.config = config;
        this.quiet = quiet;
        this.clock = clock;
    }

    /** The outcome of one look at the folder: nothing new, or the run's and the build's reports. */
    public record Round(IngestReport ingest, BuildWarehouseCommand.Outcome build) {}

    /**
     * Looks at the incoming folder once; when its files differ from those of the last run and have not changed for the
     * quiet period, runs the ETL and the build and publishes. The first look after start-up compares the folder with what
     * the newest snapshot was made from and runs at once if they differ. A failed run is tried again after a minute,
     * whatever the folder holds.
     */
    public Optional<Round> poll() {
        java.time.Instant now = clock.instant();
        boolean retrying = retryAt != null;
        if (retrying && now.isBefore(retryAt)) {
            return Optional.empty();
        }
        boolean firstLook = seen == null;
        if (firstLook) {
            seen = lastIngested();
        }
        Map<String, String> listing = listing(config.incomingDir());
        if (!retrying) {
            if (listing.equals(seen)) {
                pending = null;
                return Optional.empty();
            }
            if (!firstLook && !settled(listing, now)) {
                return Optional.empty();
            }
        }
        try {
            IngestReport report = IngestJob.fromConfig(spark, config).run(config.incomingDir());
            BuildWarehouseCommand.Outcome outcome = BuildWarehouseCommand.buildAndPublish(config, report.snapshotId());
            seen = listing;
            pending = null;
            retryAt = null;
            return Optional.of(new Round(report, outcome));
        } catch (Exception e) {
            // SparkException too (checked, though no signature declares it): rethrown as it is, after setting the retry.
            retryAt = now.plus(RETRY);
            throw e;
        }
    }

    /**
     * Reads what was just published (the release and its snapshot's computed cells) into memory while the service
     * waits: the next correction starts from them. A failure only makes the next correction read them itself; false
     * then.
     */
    public boolean prefetch(Round round) {
        try {
            return Releases.prefetch(config, round.build().snapshot());
        } catch (Exception e) {
            System.err.println("Not read ahead (the next correction reads it): " + e.getClass().getSimpleName());
            return false;
        }
    }

    /** Whether the folder has looked like this for the quiet period: a clerk may still be copying several files. */
    private boolean settled(Map<String, String> listing, java.time.Instant now) {
        if (!listing.equals(pending)) {
            pending = listing;
            pendingSince = now;
            return false;
        }
        return Duration.between(pendingSince, now).compareTo(quiet) >= 0;
    }

    /**
     * Runs the whole path once, in a scratch folder, on a few hundred generated rows of one month (never a region's
     * data): the ETL's conform stage and the build are compiled by the JVM before the first real correction needs them
     * (the first correction after start-up otherwise takes about half as long again). The scratch folder, inside the
     * warehouse folder so that a cluster's executors reach it, is removed.
     */
    void warmUp() {
        Path scratch = null;
        try {
            // Inside the warehouse folder, the storage executors share on a cluster (not the driver's own /tmp).
            scratch = Files.createTempDirectory(Files.createDirectories(config.warehouseDir()), ".warm-up-");
            Path incoming = scratch.resolve("incoming");
            java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1);
            new al.antitrafficking.etl.sample.SampleRegionGenerator(al.antitrafficking.warehouse.reference.Territory.load(config.referenceDir()),
                    al.antitrafficking.warehouse.contract.DataContract.load(config.contractFile()), 1, month, month).generate(incoming, 600);
            AppConfig scratchConfig = config.withWarehouseDir(scratch.resolve("warehouse")).withIncomingDir(incoming);
            IngestReport report = IngestJob.fromConfig(spark, scratchConfig).run(incoming);
            BuildWarehouseCommand.buildAndPublish(scratchConfig, report.snapshotId());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot warm up in a scratch folder", e);
        } finally {
            if (scratch != null) {
                RunFolder.deleteTree(scratch);
            }
        }
    }

    /**
     * The files the newest snapshot was made from, as {@link #listing} gives them: a service started again over a folder
     * that has not changed since does not publish the same release again.
     */
    private Map<String, String> lastIngested() {
        Map<String, String> files = new TreeMap<>();
        new al.antitrafficking.warehouse.snapshot.Snapshots(config.warehouseDir()).list().stream().reduce((a, b) -> b)
                .ifPresent(s -> InputLedger.read(s.dir()).stream().filter(r -> r.modifiedAt() != null && !r.modifiedAt().isEmpty())
                        .forEach(r -> files.put(r.fileName(), r.sizeBytes() + "|" + r.modifiedAt())));
        return files;
    }

    /** Each regular file of the folder by name, with its size and time of change (as the ETL's input ledger keeps them). */
    static Map<String, String> listing(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> all = Files.list(dir)) {
            for (Path p : all.toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                if (a.isRegularFile()) {
                    files.put(p.getFileName().toString(), a.size() + "|" + a.lastModifiedTime().toInstant());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the incoming folder " + dir, e);
        }
        return files;
    }

    public static void main(String[] args) {
        long pollSeconds = 2;
        long quietSeconds = 5;
        java.util.List<String> configArgs = new java.util.ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--poll-seconds=")) {
                pollSeconds = Long.parseLong(arg.substring("--poll-seconds=".length()));
            } else if (arg.startsWith("--quiet-seconds=")) {
                quietSeconds = Long.parseLong(arg.substring("--quiet-seconds=".length()));
            } else {
                configArgs.add(arg);
            }
        }
        AppConfig config = AppConfig.fromArgs(configArgs.toArray(String[]::new));
        RunFolder scratch = SparkScratch.create(config.warehouseDir());
        SparkSession spark;
        try {
            spark = SparkSessions.create(config, scratch.dir());
        } catch (Exception e) {
            scratch.close();
            System.err.println("Ingestion service not started: " + FailureText.of(e));
            System.exit(1);
            return;
        }
        IngestService service = new IngestService(spark, config, Duration.ofSeconds(quietSeconds), java.time.Clock.systemUTC());
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // A run under way finishes (or fails and leaves nothing behind); no new one starts.
            stopping.set(true);
            try {
                main.join(Duration.ofMinutes(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.printf("Ingestion service: warming up on generated rows in a scratch folder (Spark master %s)%n", SparkSessions.master(config));
        try {
            service.warmUp();
        } catch (Exception e) {
            // Only slower: the first run compiles what the warm-up would have.
            System.err.println("Warm-up skipped: " + e.getClass().getSimpleName());
        }
        System.out.printf("Ingestion service: watching %s every %d s, running once it is unchanged for %d s; Ctrl-C stops it%n",
                config.incomingDir(), pollSeconds, quietSeconds);
        try {
            while (!stopping.get()) {
                try {
                    long started = System.nanoTime();
                    Progress.start("service", System.out, Duration.ofSeconds(5));
                    Optional<Round> round = service.poll();
                    Progress.stop();
                    round.ifPresent(r -> {
                        System.out.print(r.ingest().summary());
                        System.out.print(r.build().summary());
                        // Until the release was published (readers see it from then), not until old snapshots were removed.
                        System.out.printf("Published %s in %.1f s after the files settled%n", r.build().snapshot().id(),
                                (r.build().publishedAt() - started) / 1e9);
                        service.prefetch(r);
                    });
                } catch (Exception e) {
                    Progress.stop();
                    // As the commands: only this project's own messages (Spark's SparkException is checked, caught too).
                    System.err.println("Ingestion failed, nothing published; trying again in a minute: " + FailureText.of(e));
                }
                for (long waited = 0; waited < pollSeconds * 10 && !stopping.get(); waited++) {
                    Thread.sleep(100);
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            spark.stop();
            scratch.close();
        }
    }
}
