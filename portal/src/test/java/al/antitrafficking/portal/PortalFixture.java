package al.antitrafficking.portal;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.etl.ingest.IngestJob;
import al.antitrafficking.etl.ingest.IngestReport;
import al.antitrafficking.etl.ingest.SparkSessions;
import al.antitrafficking.etl.sample.SampleRegionGenerator;
import al.antitrafficking.warehouse.build.WarehouseBuilder;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.forum.DuckDbForumStore;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.Population;
import al.antitrafficking.warehouse.release.PublishedRelease;
import al.antitrafficking.warehouse.release.PublishedReleases;
import al.antitrafficking.warehouse.release.Releases;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The warehouse every HTTP and browser test reads, built once per test JVM the way {@code bin/demo} builds one: sample
 * regional files from the project's generator (12 counties, the 24 months {@link #FIRST} to {@link #LAST}, about
 * {@value #ROWS} rows), then what regions do to them (below), the Spark ETL, the DuckDB build, the protected release
 * and publication, all with the project's configuration; then the portal over it on a random port, with a forum store
 * of its own and the fixed {@link TestPortal#CLOCK} (1 March 2026). Created lazily by the first test that asks, never
 * stopped by a test: the JVM's end stops it and deletes its folder.
 *
 * <p>Why 24 months and {@value #ROWS} rows: two rolling windows (the overview compares the last twelve months with the
 * twelve before), a whole year and years covered in part; and enough children that the release publishes some
 * counties by month and most of the ministry's tables for a year (with a few thousand rows it publishes none of them).
 * The ETL's cost hardly depends on the rows (it is Spark's fixed cost per job); the release's grows with them.
 *
 * <p>What the regions did: the social services have not sent February 2026 yet (due on 15 March: not yet due), the
 * Shkodër CPU never sent June 2025 (missing), and Berat's Border Police sent a July 2025 file of the wrong columns
 * (refused).
 */
public final class PortalFixture {
    public static final YearMonth FIRST = YearMonth.of(2024, 3);
    public static final YearMonth LAST = YearMonth.of(2026, 2);
    public static final long ROWS = 40_000;
    public static final String MISSING_FILE = "cpu_AL-10_2025-06.csv";
    public static final String REFUSED_FILE = "border_AL-01_2025-07.csv";
    public static final String NOT_YET_SENT = "services_.*_2026-02\\.csv";

    public final Path dir;
    public final Path incoming;
    public final AppConfig config;
    public final Catalogue catalogue;
    public final PublishedReleases releases;
    public final String releaseId;
    public final DuckDbForumStore forums;
    public final Javalin app;
    /** How long generating, the ETL, the DuckDB build and the release took, in seconds. */
    public final Map<String, Double> seconds;

    private PortalFixture() throws IOException {
        dir = Files.createTempDirectory("portal-fixture");
        incoming = dir.resolve("incoming");
        Path key = Files.writeString(dir.resolve("warehouse.key"), "portal-test-only-warehouse-key-" + System.nanoTime(), UTF_8);
        config = AppConfig.load(TestPortal.ROOT.resolve(AppConfig.DEFAULT_CONFIG_FILE), Map.of(
                "etl.warehouse-key-file", key.toString(), "incoming.dir", incoming.toString(), "warehouse.dir", dir.resolve("warehouse").toString()));
        catalogue = Catalogue.load(config.catalogueFile());
        long t0 = System.nanoTime();
        new SampleRegionGenerator(TestPortal.TERRITORY, DataContract.load(config.contractFile()), config.sampleSeed(), FIRST, LAST)
                .generate(incoming, ROWS);
        asTheRegionsDid();
        long t1 = System.nanoTime();
        IngestReport report = IngestJob.fromConfig(Spark.SESSION, config, TestPortal.CLOCK).run(incoming);
        long t2 = System.nanoTime();
        Snapshots snapshots = new Snapshots(config.warehouseDir());
        Snapshot snapshot = snapshots.find(report.snapshotId()).orElseThrow();
        new WarehouseBuilder().build(snapshot);
        long t3 = System.nanoTime();
        Releases.build(config, snapshot, catalogue, TestPortal.TERRITORY);
        snapshots.publish(snapshot);
        long t4 = System.nanoTime();
        seconds = Map.of("generate", (t1 - t0) / 1e9, "etl", (t2 - t1) / 1e9, "duckdb", (t3 - t2) / 1e9, "release", (t4 - t3) / 1e9);
        System.err.printf("Portal test warehouse: generated in %.1f s, ETL %.1f s, DuckDB %.1f s, release %.1f s%n", seconds.get("generate"),
                seconds.get("etl"), seconds.get("duckdb"), seconds.get("release"));
        releases = new PublishedReleases(config.warehouseDir(), catalogue, TestPortal.TERRITORY,
                Population.load(TestPortal.TERRITORY, config.referenceDir()), TestPortal.CLOCK, Duration.ofHours(1));
        releaseId = releases.current().id();
        forums = TestPortal.store(dir, releases.current());
        app = PortalApp.create(TestPortal.services(releases, forums, dir)).start("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    /** The Spark session of this test JVM (for tests that run the ETL again over a warehouse of their own). */
    public static org.apache.spark.sql.SparkSession spark() {
        return Spark.SESSION;
    }

    /** The Spark session of the test JVM: created with the first fixture, never stopped (STACK-NOTES pitfall 4). */
    private static final class Spark {
        static final org.apache.spark.sql.SparkSession SESSION = SparkSessions.create(AppConfig.load(
                TestPortal.ROOT.resolve(AppConfig.DEFAULT_CONFIG_FILE), Map.of()));
    }

    private static final class Holder {
        static final PortalFixture SHARED = build();

        private static PortalFixture build() {
            try {
                return new PortalFixture();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot build the portal's test warehouse", e);
            }
        }
    }

    /** The fixture of this JVM, built on the first call. */
    public static PortalFixture get() {
        return Holder.SHARED;
    }

    /** The published release. */
    public PublishedRelease release() {
        return releases.current();
    }

    /** The ledger folder of the published release, with its public files. */
    public Path releaseDir() {
        return config.warehouseDir().resolve("releases").resolve(releaseId);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    private void asTheRegionsDid() throws IOException {
        try (Stream<Path> files = Files.list(incoming)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches(NOT_YET_SENT)).toList()) {
                Files.delete(f);
            }
        }
        Files.delete(incoming.resolve(MISSING_FILE));
        Path refused = incoming.resolve(REFUSED_FILE);
        FileTime arrived = Files.getLastModifiedTime(refused);
        Files.writeString(refused, "case,date,place\n1,2025-07-03,Berat\n", UTF_8);
        Files.setLastModifiedTime(refused, arrived);
    }

    private void close() {
        app.stop();
        forums.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("Cannot delete the portal's test warehouse " + dir + ": " + e.getMessage());
        }
    }

    /** The regional files as generated and changed, by name. */
    public List<Path> incomingFiles() throws IOException {
        try (Stream<Path> files = Files.list(incoming)) {
            return files.sorted().toList();
        }
    }
}
