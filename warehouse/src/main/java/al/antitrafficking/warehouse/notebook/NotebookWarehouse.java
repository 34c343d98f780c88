package al.antitrafficking.warehouse.notebook;

import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.disclosure.DisclosureControl;
import al.antitrafficking.warehouse.indicator.Audience;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.Completeness;
import al.antitrafficking.warehouse.indicator.Indicator;
import al.antitrafficking.warehouse.indicator.IndicatorQuery;
import al.antitrafficking.warehouse.indicator.IndicatorResult;
import al.antitrafficking.warehouse.indicator.Population;
import al.antitrafficking.warehouse.query.LatestSnapshotQueries;
import al.antitrafficking.warehouse.query.SnapshotSummary;
import al.antitrafficking.warehouse.reference.County;
import al.antitrafficking.warehouse.reference.Territory;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/**
 * The analyst's door into the warehouse from a notebook: the published snapshot, through the same query layer,
 * catalogue and disclosure control as the portal. Figures are for the public audience; a notebook that needs
 * unsuppressed figures opens the warehouse with {@link #openInternal(String)}, which says why in its output and
 * marks every table it draws as internal.
 *
 * <p>The warehouse is the one {@code NOTEBOOK_WAREHOUSE_DIR} names, else the demo's ({@code data/demo/warehouse},
 * made by {@code bin/demo}); configuration comes from the project's {@code conf/application.properties}, found
 * from the notebook's folder upwards.
 */
public final class NotebookWarehouse implements AutoCloseable {
    private final LatestSnapshotQueries queries;
    private final Territory territory;
    private final Population population;
    private final Optional<String> internalReason;

    private NotebookWarehouse(LatestSnapshotQueries queries, Territory territory, Population population, Optional<String> internalReason) {
        this.queries = queries;
        this.territory = territory;
        this.population = population;
        this.internalReason = internalReason;
    }

    /** The published snapshot for the public audience: every figure passes disclosure control. */
    public static NotebookWarehouse open() {
        return open(Optional.empty());
    }

    /** The published snapshot, unsuppressed figures allowed; {@code why} is printed and must say why they are needed. */
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
        AppConfig config = AppConfig.load(conf, Map.of("warehouse.dir", dir));
        Territory territory = Territory.load(config.referenceDir());
        Population population = Population.load(territory, config.referenceDir());
        LatestSnapshotQueries queries = new LatestSnapshotQueries(new Snapshots(config.warehouseDir()),
                new DisclosureControl(config.disclosureMinCount()), Catalogue.load(config.catalogueFile()), population,
                config.deadlineDays(), Clock.systemUTC(), Duration.ofSeconds(10));
        return new NotebookWarehouse(queries, territory, population, internalReason);
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

    /** One call of the query layer. An internal query needs {@link #openInternal(String)}. */
    public IndicatorResult query(IndicatorQuery q) {
        if (q.audience() == Audience.INTERNAL && internalReason.isEmpty()) {
            throw new IllegalStateException("Cannot query unsuppressed figures: open the warehouse with openInternal(why)");
        }
        return queries.run(q);
    }

    public Catalogue catalogue() {
        return queries.catalogue();
    }

    /** The catalogue's definition of an indicator. */
    public Indicator indicator(String id) {
        return catalogue().find(id).orElseThrow(() -> new IllegalArgumentException("No indicator " + id + " in the catalogue"));
    }

    public SnapshotSummary snapshot() {
        return queries.snapshot();
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

    public Completeness.Report completeness(YearMonth from, YearMonth to) {
        return queries.completeness(from, to);
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

    @Override
    public void close() {
        queries.close();
    }
}
