package al.antitrafficking.warehouse.release;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.PeriodType;
import al.antitrafficking.warehouse.indicator.Population;
import al.antitrafficking.warehouse.reference.County;
import al.antitrafficking.warehouse.reference.Municipality;
import al.antitrafficking.warehouse.reference.Territory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * One published release as readers see it, read from the ledger's public files only: every printed cell (a value, the
 * one withheld mark, or not reported), each table's grains and values, and which files came. Immutable, so one answer,
 * export or notebook cell that holds it reads one release from start to end. Every public figure is a lookup here;
 * nothing is computed from the facts for the public.
 */
public final class PublishedRelease {
    /** A printed cell: its value and median when published. */
    public record Figure(Long value, Double median, CellStatus status) {}

    /** The published snapshot the release was made from: id, months covered, files loaded and refused. */
    public record Summary(String id, String firstMonth, String lastMonth, long filesLoaded, long filesRejected) {}

    private final String id;
    private final Properties properties;
    private final ReleasePlan plan;
    /** The tables published over the rolling windows too. */
    private final java.util.Set<String> rolling;
    private final Catalogue catalogue;
    private final Population population;
    private final Territory territory;
    private final Map<CellKey, Figure> cells;
    private final Map<String, Map<Level, PeriodType>> grains;
    private final Map<String, List<List<String>>> domains;
    private final List<ReleaseBuilder.Submission> submissions;
    private final Path dir;

    private PublishedRelease(String id, Path dir, Properties properties, Catalogue catalogue, Population population, Territory territory,
                             Map<CellKey, Figure> cells,
                             Map<String, Map<Level, PeriodType>> grains, Map<String, List<List<String>>> domains,
                             List<ReleaseBuilder.Submission> submissions) {
        this.id = id;
        this.dir = dir;
        this.properties = properties;
        this.plan = ReleasePlan.of(catalogue);
        this.rolling = plan.tables().stream().filter(ReleaseTable::rolling).map(ReleaseTable::id).collect(java.util.stream.Collectors.toSet());
        this.catalogue = catalogue;
        this.population = population;
        this.territory = territory;
        this.cells = cells;
        this.grains = grains;
        this.domains = domains;
        this.submissions = submissions;
    }

    /** Reads a release's public files from the ledger. */
    public static PublishedRelease load(Ledger ledger, String id, Catalogue catalogue, Territory territory, Population population) {
        Path dir = ledger.dir(id);
        Map<CellKey, Figure> cells = new HashMap<>();
        Map<String, String> strings = new HashMap<>();
        try (Reader in = Ledger.gzipReader(dir.resolve(Ledger.PUBLIC_CELLS))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                CellKey key = CellKey.of(intern(strings, r.get("family")), intern(strings, r.get("criteria")), intern(strings, r.get("territory")),
                        intern(strings, r.get("period")));
                CellStatus status = CellStatus.valueOf(r.get("status"));
                cells.put(key, new Figure(r.get("value").isEmpty() ? null : Long.valueOf(r.get("value")), Ledger.number(r.get("median")), status));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read release " + id, e);
        }
        Map<String, Map<Level, PeriodType>> grains = new HashMap<>();
        Map<String, List<List<String>>> domains = new HashMap<>();
        for (Ledger.TableRow t : ledger.tables(id)) {
            grains.computeIfAbsent(t.table(), k -> new EnumMap<>(Level.class)).put(t.level(), t.grain());
            domains.put(t.table(), t.domains());
        }
        List<ReleaseBuilder.Submission> submissions = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(dir.resolve(Ledger.SUBMISSIONS), UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                submissions.add(new ReleaseBuilder.Submission(r.get("source"), r.get("county"), r.get("month"), r.get("status"),
                        r.get("received_at").isEmpty() ? null : r.get("received_at"), r.get("problem").isEmpty() ? null : r.get("problem")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read release " + id, e);
        }
        return new PublishedRelease(id, dir, ledger.properties(id), catalogue, population, territory, Map.copyOf(cells), grains, domains,
                List.copyOf(submissions));
    }

    private static String intern(Map<String, String> strings, String s) {
        return strings.computeIfAbsent(s, k -> k);
    }

    public String id() {
        return id;
    }

    public Summary summary() {
        return new Summary(id, properties.getProperty("first-month"), properties.getProperty("last-month"),
                Long.parseLong(properties.getProperty("files-loaded", "0")), Long.parseLong(properties.getProperty("files-rejected", "0")));
    }

    public YearMonth firstMonth() {
        return YearMonth.parse(properties.getProperty("first-month"));
    }

    public YearMonth lastMonth() {
        return YearMonth.parse(properties.getProperty("last-month"));
    }

    /** The threshold below which counts are withheld. */
    public int minCount() {
        return Integer.parseInt(properties.getProperty("min-count"));
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public ReleasePlan plan() {
        return plan;
    }

    Population population() {
        return population;
    }

    /**
     * Whether the release can draw an indicator anywhere: a rate per children needs a child population of some county in
     * some year of the release, which conf may not hold (then every value is DENOMINATOR_MISSING and a map of it is empty).
     */
    public boolean denominatorKnown(al.antitrafficking.warehouse.indicator.Indicator indicator) {
        if (indicator.unit() != al.antitrafficking.warehouse.indicator.Unit.RATE_PER_10K_CHILDREN
                && indicator.unit() != al.antitrafficking.warehouse.indicator.Unit.RATE_PER_100K_CHILDREN) {
            return true;
        }
        for (int year = firstMonth().getYear(); year <= lastMonth().getYear(); year++) {
            for (String county : counties()) {
                if (population.children(county, year).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The counties, by ISO code. */
    public List<String> counties() {
        return territory.counties().stream().map(County::code).toList();
    }

    /** A county's municipalities, and the bucket of its rows that name none ({@code AL-07~not_recorded}). */
    public List<String> municipalitiesOf(String county) {
        List<String> all = new ArrayList<>(territory.municipalitiesOf(county).stream().map(Municipality::code).sorted().toList());
        all.add(county + CellKey.NO_MUNICIPALITY + Criteria.NOT_RECORDED);
        return all;
    }

    public Territory territory() {
        return territory;
    }

    /** The figure of a cell, if the release prints it. */
    public Optional<Figure> cell(CellKey key) {
        return Optional.ofNullable(cells.get(key));
    }

    /** How many cells the release prints, and how many of them are withheld. */
    public long[] counts() {
        long[] known = counts;
        if (known == null) {
            // A release never changes: counted once (every answer about the release shows it).
            long withheld = cells.values().stream().filter(f -> f.status() == CellStatus.WITHHELD).count();
            known = new long[] {cells.size(), withheld};
            counts = known;
        }
        return known.clone();
    }

    private volatile long[] counts;

    /** The finest grain a table is published at, at a level; empty when it is not published there. */
    public Optional<PeriodType> grain(String table, Level level) {
        return Optional.ofNullable(grains.getOrDefault(table, Map.of()).get(level));
    }

    /** The values a table's split dimensions take. */
    public List<List<String>> domains(String table) {
        return domains.getOrDefault(table, List.of());
    }

    public boolean published(String table) {
        return grains.containsKey(table);
    }

    /** Whether a table publishes periods of a type at a level (rolling windows where months are). */
    public boolean publishes(String table, Level level, PeriodType type) {
        Optional<PeriodType> finest = grain(table, level);
        if (finest.isEmpty()) {
            return false;
        }
        if (type == PeriodType.RANGE) {
            return finest.get() == PeriodType.MONTH && level != Level.MUNICIPALITY && rolling.contains(table);
        }
        return type.ordinal() >= finest.get().ordinal();
    }

    /** The rolling windows the release publishes: the last twelve months, and the twelve before them when covered. */
    public List<String> windows() {
        List<String> windows = new ArrayList<>();
        YearMonth last = lastMonth();
        windows.add(last.minusMonths(11) + "/" + last);
        if (!last.minusMonths(23).isBefore(firstMonth())) {
            windows.add(last.minusMonths(23) + "/" + last.minusMonths(12));
        }
        return windows;
    }

    /**
     * The period label of a span the release publishes as one cell: a whole month, quarter or year it covers, or one of
     * its rolling windows; empty for any other span.
     */
    public Optional<String> span(YearMonth from, YearMonth to) {
        PeriodType type;
        if (from.equals(to)) {
            type = PeriodType.MONTH;
        } else if (from.getYear() == to.getYear() && from.getMonthValue() == 1 && to.getMonthValue() == 12) {
            type = PeriodType.YEAR;
        } else if (from.getYear() == to.getYear() && (from.getMonthValue() - 1) % 3 == 0 && to.equals(from.plusMonths(2))) {
            type = PeriodType.QUARTER;
        } else {
            type = PeriodType.RANGE;
        }
        String label = type == PeriodType.RANGE ? from + "/" + to : type.label(from, from, to);
        return periods(type).contains(label) ? Optional.of(label) : Optional.empty();
    }

    /** The refusal a span outside the release gets: what can be asked instead. */
    public al.antitrafficking.warehouse.indicator.QueryRefusedException notASpan(YearMonth from, YearMonth to) {
        return new al.antitrafficking.warehouse.indicator.QueryRefusedException("Cannot answer: the release publishes whole months, quarters and "
                + "years from " + firstMonth() + " to " + lastMonth() + " and the rolling windows " + windows() + ", not " + from + "/" + to
                + "; ask period=month (or quarter, year) over from..to, or one of those spans");
    }

    /** The periods of a type the release covers, in order. */
    public List<String> periods(PeriodType type) {
        return type == PeriodType.RANGE ? windows() : type.labels(firstMonth(), lastMonth());
    }

    public List<ReleaseBuilder.Submission> submissions() {
        return submissions;
    }

    /** A public file of the release, for download: cells.csv.gz, tables.csv, submissions.csv or notes.md. */
    public Optional<Path> publicFile(String name) {
        return List.of(Ledger.PUBLIC_CELLS, Ledger.TABLES, Ledger.SUBMISSIONS, Ledger.NOTES).contains(name)
                ? Optional.of(dir.resolve(name)) : Optional.empty();
    }

    public String notes() {
        try {
            return Files.readString(dir.resolve(Ledger.NOTES), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read release " + id, e);
        }
    }

    private int deadlineDay() {
        return Integer.parseInt(properties.getProperty("deadline-day", "15"));
    }

    /** An indicator query answered from the release's cells (see {@link IndicatorAnswers}). */
    public al.antitrafficking.warehouse.indicator.IndicatorResult indicator(al.antitrafficking.warehouse.indicator.IndicatorQuery q,
                                                                         java.time.Instant now) {
        return new IndicatorAnswers(this, deadlineDay(), now).answer(q);
    }

    /** Children first met by {@code start} over a published span, and where they went (see {@link ConvergenceAnswers}). */
    public ConvergenceAnswers.Flow convergence(String start, YearMonth from, YearMonth to, Optional<String> county) {
        return new ConvergenceAnswers(this).flow(start, from, to, county);
    }

    /** A standard table for a year or a quarter (see {@link StatisticsAnswers}). */
    public StatisticsAnswers.Table statistics(StandardTables.Definition d, String period, java.time.Instant now) {
        return new StatisticsAnswers(this, new IndicatorAnswers(this, deadlineDay(), now)).table(d, period);
    }

    /** An international return for a year, every figure a cell of this release (see {@link ReturnAnswers}). */
    public ReturnAnswers.Return internationalReturn(String returnId, int year) {
        var returns = catalogue.returns().orElseThrow(() -> new al.antitrafficking.warehouse.indicator.QueryRefusedException(
                "Cannot make the return: the catalogue names no international returns"));
        var r = returns.find(returnId).orElseThrow(() -> new al.antitrafficking.warehouse.indicator.QueryRefusedException(
                "Cannot make the return: no return " + returnId + "; the returns are " + returns.returns().stream()
                        .map(x -> x.id()).toList()));
        return ReturnAnswers.published(this, returns, r, year, population);
    }

    /** The years an international return can be made for: every year the release covers, whole or not. */
    public List<Integer> returnYears() {
        return periods(PeriodType.YEAR).stream().map(Integer::parseInt).toList();
    }

    /** Expected files as on time, late, refused, missing or not yet due (see {@link CompletenessAnswers}). */
    public CompletenessAnswers.Report completeness(YearMonth from, YearMonth to, java.time.Instant now) {
        return new CompletenessAnswers(this, deadlineDay()).report(from, to, now);
    }

    /** The indicators a county's trend can be shown for: counts by county. */
    public java.util.Set<String> trendIndicators() {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        // A count the release publishes by county (at whatever grain): an action's effect is followed in its county.
        catalogue.indicators().stream().filter(i -> i.unit() == al.antitrafficking.warehouse.indicator.Unit.COUNT
                && i.dimensions().contains("county")).forEach(i -> plan.indicator(i.id()).ifPresent(cells -> {
                    if (grain(ReleaseTable.idOf(cells.family(), cells.base(), List.of()), Level.COUNTY).isPresent()) {
                        ids.add(i.id());
                    }
                }));
        return ids;
    }

    /** A count in one county over the whole release, by the finest period the release publishes it at there. */
    public al.antitrafficking.warehouse.indicator.IndicatorResult countyTrend(String indicator, String county, java.time.Instant now) {
        if (!trendIndicators().contains(indicator)) {
            throw new al.antitrafficking.warehouse.indicator.QueryRefusedException("Cannot show a trend of " + indicator
                    + ": it is not a count by county; known: " + trendIndicators());
        }
        ReleasePlan.IndicatorCells cells = plan.indicator(indicator).orElseThrow();
        PeriodType grain = grain(ReleaseTable.idOf(cells.family(), cells.base(), List.of()), Level.COUNTY).orElse(PeriodType.YEAR);
        return indicator(al.antitrafficking.warehouse.indicator.IndicatorQuery.of(indicator, firstMonth(), lastMonth(), grain)
                .filtered("county", county), now);
    }

    /**
     * How an indicator is published: for Albania, by county and by municipality, and for each breakdown, the finest
     * period (month, quarter, year), absent where it is not published at all.
     */
    public Map<String, Map<String, String>> publication(String indicator) {
        ReleasePlan.IndicatorCells cells = plan.indicator(indicator).orElseThrow();
        Map<String, Map<String, String>> all = new java.util.LinkedHashMap<>();
        for (Level level : Level.values()) {
            Map<String, String> byBreakdown = new java.util.LinkedHashMap<>();
            List<String> breakdowns = new ArrayList<>(List.of(""));
            breakdowns.addAll(cells.splits());
            for (String split : breakdowns) {
                List<String> splits = split.isEmpty() ? List.of() : List.of(split);
                PeriodType finest = null;
                for (Criteria c : partsOf(cells)) {
                    Optional<PeriodType> g = grain(ReleaseTable.idOf(cells.family(), c, splits), level);
                    if (g.isEmpty()) {
                        finest = null;
                        break;
                    }
                    finest = finest == null || g.get().ordinal() > finest.ordinal() ? g.get() : finest;
                }
                if (finest != null) {
                    byBreakdown.put(split.isEmpty() ? "total" : split, finest.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            if (!byBreakdown.isEmpty()) {
                all.put(level.name().toLowerCase(java.util.Locale.ROOT), byBreakdown);
            }
        }
        return all;
    }

    private static List<Criteria> partsOf(ReleasePlan.IndicatorCells cells) {
        List<Criteria> parts = new ArrayList<>(List.of(cells.base()));
        cells.numerator().ifPresent(parts::add);
        cells.observations().ifPresent(parts::add);
        return parts;
    }

    /** When the release was built. */
    public String builtAt() {
        return properties.getProperty("built-at");
    }
}
