package al.antitrafficking.warehouse.release;

import al.antitrafficking.warehouse.build.WarehouseBuilder;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.InternalIndicators;
import al.antitrafficking.warehouse.indicator.Population;
import al.antitrafficking.warehouse.query.TinySnapshotAccess;
import al.antitrafficking.warehouse.reference.Territory;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * A real warehouse for tests: a snapshot written from generated facts (SELECTs), its DuckDB database built, its public
 * release built and protected by the same code the build command runs, and published. Also opens the snapshot's facts
 * for the internal audience, the independent route to true counts.
 */
public final class TestWarehouse {
    public static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    public static final Catalogue CATALOGUE = Catalogue.load(ROOT.resolve("conf/indicators/catalogue.yaml"));
    public static final Territory TERRITORY = Territory.load(ROOT.resolve("conf/reference"));
    public static final Population POPULATION = Population.load(TERRITORY, ROOT.resolve("conf/reference"));

    public final Path dir;
    public final Snapshot snapshot;
    public final ReleaseBuilder.Built built;
    public final PublishedReleases releases;
    public final Catalogue catalogue;

    private TestWarehouse(Path dir, Snapshot snapshot, ReleaseBuilder.Built built, Catalogue catalogue) {
        this.dir = dir;
        this.snapshot = snapshot;
        this.built = built;
        this.catalogue = catalogue;
        this.releases = new PublishedReleases(dir, catalogue, TERRITORY, POPULATION, Clock.systemUTC(), Duration.ZERO);
    }

    /** Writes a snapshot of the tables into {@code dir}, builds its database and release, and publishes it. */
    public static TestWarehouse build(Path dir, Map<WarehouseTable, String> tables, Map<String, String> settings) throws Exception {
        return build(dir, tables, settings, CATALOGUE);
    }

    /** As {@link #build(Path, Map, Map)}, with the release planned from another catalogue. */
    public static TestWarehouse build(Path dir, Map<WarehouseTable, String> tables, Map<String, String> settings, Catalogue catalogue)
            throws Exception {
        Snapshot snapshot = TinySnapshotAccess.snapshot(dir, tables);
        new WarehouseBuilder().build(snapshot);
        Map<String, String> overrides = new java.util.HashMap<>(settings);
        overrides.put("warehouse.dir", dir.toString());
        AppConfig config = AppConfig.load(ROOT.resolve(AppConfig.DEFAULT_CONFIG_FILE), overrides);
        ReleaseBuilder.Built built = Releases.build(config, snapshot, catalogue, TERRITORY);
        Releases.publish(new Snapshots(dir), new Ledger(dir), snapshot);
        return new TestWarehouse(dir, snapshot, built, catalogue);
    }

    /** This warehouse's own release (not a later one published over it). */
    public PublishedRelease release() {
        return releases.find(snapshot.id()).orElseThrow();
    }

    /** The true, unprotected counts of the snapshot: the independent route to what the release withholds. */
    public InternalIndicators internal() {
        return new InternalIndicators(catalogue, POPULATION, this::open, snapshot.id());
    }

    private Connection open() {
        try {
            Properties p = new Properties();
            p.setProperty("duckdb.read_only", "true");
            return DriverManager.getConnection("jdbc:duckdb:" + snapshot.dir().resolve(Snapshots.DATABASE_FILE), p);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
