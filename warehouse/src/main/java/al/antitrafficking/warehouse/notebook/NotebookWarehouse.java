package al.antitrafficking.warehouse.notebook;

import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.config.DuckDbLimits;
import al.antitrafficking.warehouse.indicator.Audience;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.Indicator;
import al.antitrafficking.warehouse.indicator.IndicatorQuery;
import al.antitrafficking.warehouse.indicator.IndicatorResult;
import al.antitrafficking.warehouse.indicator.InternalIndicators;
import al.antitrafficking.warehouse.indicator.Population;
import al.antitrafficking.warehouse.reference.County;
import al.antitrafficking.warehouse.reference.Territory;
import al.antitrafficking.warehouse.release.CompletenessAnswers;
import al.antitrafficking.warehouse.release.PublishedRelease;
import al.antitrafficking.warehouse.release.PublishedReleases;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.duckdb.DuckDBConnection;

/**
 * The analyst's door into the warehouse from a notebook. By default the public release: the same protected cells every
 * page and export reads, one release pinned for the notebook's whole run (so figures of two cells never come from two
 * releases). A notebook that needs unsuppressed figures opens the warehouse with {@link #openInternal(String)}, which
 * says why in its output, answers from the published snapshot's facts, and marks every table it draws as internal.
 *
 * <p>The warehouse is the one {@code NOTEBOOK_WAREHOUSE_DIR} names, else the demo's ({@code data/demo/warehouse},
 * made by {@code bin/demo}); configuration comes from the project's {@code conf/application.properties}, found
 * from the notebook's folder upwards.
 */
public final class NotebookWarehouse implements AutoCloseable {
    private final PublishedRelease release;
    private final Territory territory;
    private final Population population;
    private final Optional<String> internalReason;
    private final Optional<Connection> facts;
    private final Optional<InternalIndicators> internal;
    private final Optional<al.antitrafficking.warehouse.snapshot.FileLease> lease;

    private NotebookWarehouse(PublishedRelease release, Territory territory, Population population, Optional<String> internalReason,
                              Optional<Connection> facts, Optional<InternalIndicators> internal,
                              Optional<al.antitrafficking.warehouse.snapshot.FileLease> lease) {
        this.release = release;
        this.territory = territory;
        this.population = population;
        this.internalReason = internalReason;
        this.facts = facts;
        this.internal = internal;
        this.lease = lease;
    }

    /** The published release, for the public audience: every figure is a protected cell of it. */
    public static NotebookWarehouse open() {
        return open(Optional.empty());
    }

    /** The published snapshot's facts, unsuppressed; {@code why} is printed and must say why they are needed. */
    public static NotebookWarehouse openInternal(String why) {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("Cannot open the warehouse for internal figures without saying why");
        }
        System.out.println("INTERNAL notebook: unsuppressed figures, not for publication. Why: " + why);
        return open(Optional.of(why));
    }

    private static NotebookWarehouse open(Optional<String> internalReason) {
        Path conf = findConfiguration(Path.of("").toAbsolutePath());
        String dir = Optional.ofNullable(System.getenv("NOTEBOOK_WAREHOUSE_DIR")).filter(s -> !s.isBlank()).orElse("data/demo/warehouse");
        return open(conf, Map.of("warehouse.dir", dir), internalReason);
    }

    /** The warehouse of the configuration file with these settings over it (tests). */
    static NotebookWarehouse open(Path conf, Map<String, String> settings, Optional<String> internalReason) {
        AppConfig config = AppConfig.load(conf, settings);
        Territory territory = Territory.load(config.referenceDir());
        Population population = Population.load(territory, config.referenceDir());
        Catalogue catalogue = Catalogue.load(config.catalogueFile());
        PublishedRelease release = new PublishedReleases(config.warehouseDir(), catalogue, territory, population, Clock.systemUTC(),
                Duration.ofDays(1)).current();
        if (internalReason.isEmpty()) {
            return new NotebookWarehouse(release, territory, population, internalReason, Optional.empty(), Optional.empty(), Optional.empty());
        }
        // Recorded in the audit trail (through the inbox the portal takes in) before any figure is opened; if it cannot be, nothing opens.
        al.antitrafficking.warehouse.access.AuditInbox.of(config.warehouseDir()).append(new al.antitrafficking.warehouse.access.AuditEvent(
                0, null, "notebook:" + System.getProperty("user.name", "unknown"), null, al.antitrafficking.warehouse.access.AuditEvent.INTERNAL_FIGURES,
                "notebook", "reason=" + internalReason.get(), release.id(), "notebook", "ok"), Clock.systemUTC());
        Snapshots snapshots = new Snapshots(config.warehouseDir());
        Snapshot snapshot = snapshots.find(release.id()).orElseThrow(() -> new IllegalStateException(
                "Cannot open internal figures: the facts of snapshot " + release.id() + " are no longer kept"));
        // Leased while the notebook reads its facts: pruning leaves the snapshot alone until close().
        al.antitrafficking.warehouse.snapshot.FileLease lease = snapshots.lease(snapshot);
        DuckDBConnection connection = null;
        try {
            Properties readOnly = new Properties();
            readOnly.setProperty("duckdb.read_only", "true");
            connection = DriverManager.getConnection("jdbc:duckdb:" + snapshot.dir().resolve(Snapshots.DATABASE_FILE), readOnly)
                    .unwrap(DuckDBConnection.class);
            // Unbounded, DuckDB would take 80 % of the machine's memory, which the analyst's notebook shares with the portal
            // and the build: it gets the warehouse's limit (all cores, DuckDB's own default, as the build has).
            new DuckDbLimits(config.warehouseDuckdbMemoryLimit(), Runtime.getRuntime().availableProcessors()).apply(connection);
            DuckDBConnection facts = connection;
            InternalIndicators indicators = new InternalIndicators(catalogue, population, () -> duplicate(facts), snapshot.id());
            return new NotebookWarehouse(release, territory, population, internalReason, Optional.of(connection), Optional.of(indicators),
                    Optional.of(lease));
        } catch (SQLException | RuntimeException e) {
            // Nothing half open is left: the facts closed, then the lease given up.
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            } finally {
                lease.close();
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("Cannot open internal figures: " + e.getMessage(), e);
        }
    }

    private static Connection duplicate(DuckDBConnection connection) {
        try {
            return connection.duplicate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot query the facts: " + e.getMessage(), e);
        }
    }

    private static Path findConfiguration(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(AppConfig.DEFAULT_CONFIG_FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find conf/application.properties above " + from + ": open the notebooks from the project");
    }

    /**
     * One call of the query layer: a public query is a lookup in the release (what it does not publish is refused, saying
     * what can be asked instead); an internal query needs {@link #openInternal(String)}.
     */
    public IndicatorResult query(IndicatorQuery q) {
        if (q.audience() == Audience.INTERNAL) {
            return internal.orElseThrow(() -> new IllegalStateException(
                    "Cannot query unsuppressed figures: open the warehouse with openInternal(why)")).run(q);
        }
        return release.indicator(q, Instant.now());
    }

    /** The release's figures for the notebook's queries; the same release for every cell of the notebook. */
    public PublishedRelease release() {
        return release;
    }

    public Catalogue catalogue() {
        return release.catalogue();
    }

    /** The catalogue's definition of an indicator. */
    public Indicator indicator(String id) {
        return catalogue().find(id).orElseThrow(() -> new IllegalArgumentException("No indicator " + id + " in the catalogue"));
    }

    public PublishedRelease.Summary snapshot() {
        return release.summary();
    }

    public YearMonth firstMonth() {
        return YearMonth.parse(snapshot().firstMonth());
    }

    public YearMonth lastMonth() {
        return YearMonth.parse(snapshot().lastMonth());
    }

    /** A span of months, both ends included. */
    public record Span(YearMonth from, YearMonth to) {
        /** The twelve months before this span's start, for a year-on-year comparison of a twelve-month span. */
        public Span yearBefore() {
            return new Span(from.minusMonths(12), to.minusMonths(12));
        }

        @Override
        public String toString() {
            return from + " to " + to;
        }
    }

    /** The snapshot's last twelve months. */
    public Span lastTwelveMonths() {
        return new Span(lastMonth().minusMonths(11), lastMonth());
    }

    /** The last calendar year the snapshot covers whole: the span comparisons by county are published for. */
    public Span lastWholeYear() {
        Span years = wholeYears();
        return new Span(YearMonth.of(years.to().getYear(), 1), years.to());
    }

    /** The snapshot's whole quarters: a quarter the snapshot covers only in part is left out at either end. */
    public Span wholeQuarters() {
        return whole(3);
    }

    /** The snapshot's whole calendar years. */
    public Span wholeYears() {
        return whole(12);
    }

    private Span whole(int months) {
        YearMonth from = firstMonth();
        while ((from.getMonthValue() - 1) % months != 0) {
            from = from.plusMonths(1);
        }
        YearMonth to = lastMonth();
        while (to.getMonthValue() % months != 0) {
            to = to.minusMonths(1);
        }
        if (to.isBefore(from)) {
            throw new IllegalStateException("The snapshot " + firstMonth() + " to " + lastMonth() + " holds no whole period of " + months + " months");
        }
        return new Span(from, to);
    }

    public CompletenessAnswers.Report completeness(YearMonth from, YearMonth to) {
        return release.completeness(from, to, Instant.now());
    }

    public Territory territory() {
        return territory;
    }

    public Population population() {
        return population;
    }

    /** A county's name from its ISO code (AL-07 → Kukës). */
    public String countyName(String code) {
        return territory.findCounty(code).map(County::name).orElse(code);
    }

    public boolean internal() {
        return internalReason.isPresent();
    }

    /** The database the internal figures are read from, when opened for them (tests). */
    Optional<Connection> facts() {
        return facts;
    }

    @Override
    public void close() {
        // The facts closed before the lease: pruning may take the snapshot only once nothing reads it.
        try {
            if (facts.isPresent()) {
                facts.get().close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the facts: " + e.getMessage(), e);
        } finally {
            lease.ifPresent(al.antitrafficking.warehouse.snapshot.FileLease::close);
        }
    }
}
