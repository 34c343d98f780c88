package al.antitrafficking.warehouse.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.indicator.Audience;
import al.antitrafficking.warehouse.indicator.IndicatorQuery;
import al.antitrafficking.warehouse.indicator.IndicatorResult;
import al.antitrafficking.warehouse.indicator.PeriodType;
import al.antitrafficking.warehouse.indicator.QueryRefusedException;
import al.antitrafficking.warehouse.indicator.ResultRow;
import al.antitrafficking.warehouse.indicator.Unit;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attacks that recovered withheld counts from the portal before there was one protected release, each as an outsider
 * would run it on the generated warehouse: answers combined, written down as an attacker knows they are linked, and every
 * withheld figure bounded by exact linear programs (see {@link PublicAttacker}). Each test fails on per-answer protection.
 */
class ReleaseAttacksTest {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final YearMonth FIRST = YearMonth.of(2025, 1);
    static final YearMonth LAST = YearMonth.of(2026, 6);
    static TestWarehouse warehouse;
    static PublishedRelease release;

    @BeforeAll
    static void build() throws Exception {
        warehouse = SharedWarehouse.get();
        release = warehouse.release();
    }

    /** One published answer read into the attacker: every figure named by what it counts. */
    private static void read(PublicAttacker attacker, IndicatorQuery q) {
        IndicatorResult published = release.indicator(q, NOW);
        IndicatorResult truth = warehouse.internal().run(q.forAudience(Audience.INTERNAL));
        Map<List<Object>, ResultRow> trueRows = new HashMap<>();
        truth.rows().forEach(t -> trueRows.put(List.of(t.period(), t.group()), t));
        String place = q.filters().containsKey("county") ? q.filters().get("county").get(0) : "AL";
        for (ResultRow row : published.rows()) {
            Map<String, String> groups = new TreeMap<>(row.group());
            String territory = groups.containsKey("county") ? groups.remove("county") : place;
            ResultRow t = trueRows.get(List.of(row.period(), row.group()));
            String name = name(q.indicator(), territory, row.period(), groups);
            if (published.unit() == Unit.PERCENT) {
                long n = t == null ? 0 : t.numerator();
                long d = t == null || t.denominator() == null ? 0 : t.denominator().longValue();
                // A withheld percentage may still show one of its counts: the attacker takes whatever is printed.
                attacker.read(name + "#numerator", figure(row, row.numerator()), n);
                attacker.read(name + "#denominator", figure(row, row.denominator() == null ? null : row.denominator().longValue()), d);
                attacker.unprinted(name + "#rest", d - n);
                attacker.sum(name + "#denominator", List.of(name + "#numerator", name + "#rest"), true);
            } else {
                attacker.read(name, row, t == null ? 0L : t.numerator());
            }
        }
    }

    private static ResultRow figure(ResultRow row, Long value) {
        CellStatus status = value != null ? CellStatus.PUBLISHED : row.status() == CellStatus.PUBLISHED ? CellStatus.WITHHELD : row.status();
        return new ResultRow(row.period(), row.group(), value == null ? null : value.doubleValue(), value, null, status, Set.of());
    }

    static String name(String indicator, String territory, String period, Map<String, String> groups) {
        return indicator + "|" + territory + "|" + period + "|" + groups;
    }

    /**
     * What an attacker knows links the figures of an indicator read so far: each quarter is its months, each year its
     * quarters, each rolling window its twelve months, Albania its counties, and a total its groups of one dimension.
     */
    private static void link(PublicAttacker a, String indicator, List<String> dims, Map<String, List<String>> values, boolean exact,
                             String suffix) {
        List<String> territories = new ArrayList<>(List.of("AL"));
        territories.addAll(release.counties());
        List<String> months = release.periods(PeriodType.MONTH);
        List<String> quarters = release.periods(PeriodType.QUARTER);
        List<Map<String, String>> groups = combinations(dims, values);
        for (String t : territories) {
            for (Map<String, String> g : groups) {
                for (String q : quarters) {
                    a.sum(name(indicator, t, q, g) + suffix, months.stream().filter(m -> PeriodType.months(q).containsAll(PeriodType.months(m)))
                            .map(m -> name(indicator, t, m, g) + suffix).toList(), exact);
                }
                for (String y : release.periods(PeriodType.YEAR)) {
                    a.sum(name(indicator, t, y, g) + suffix, quarters.stream().filter(q -> q.startsWith(y)).map(q -> name(indicator, t, q, g) + suffix)
                            .toList(), exact);
                }
                for (String w : release.windows()) {
                    a.sum(name(indicator, t, w, g) + suffix, months.stream().filter(m -> PeriodType.months(w).containsAll(PeriodType.months(m)))
                            .map(m -> name(indicator, t, m, g) + suffix).toList(), exact);
                }
            }
        }
        List<String> periods = new ArrayList<>();
        for (PeriodType type : PeriodType.values()) {
            periods.addAll(release.periods(type));
        }
        for (String p : periods) {
            for (Map<String, String> g : groups) {
                a.sum(name(indicator, "AL", p, g) + suffix, release.counties().stream().map(c -> name(indicator, c, p, g) + suffix).toList(), exact);
            }
            for (String t : territories) {
                for (String d : dims) {
                    a.sum(name(indicator, t, p, Map.of()) + suffix, values.get(d).stream().map(v -> name(indicator, t, p, Map.of(d, v)) + suffix)
                            .toList(), exact);
                }
            }
        }
    }

    private static List<Map<String, String>> combinations(List<String> dims, Map<String, List<String>> values) {
        List<Map<String, String>> all = new ArrayList<>();
        all.add(Map.of());
        for (String d : dims) {
            for (String v : values.get(d)) {
                all.add(Map.of(d, v));
            }
        }
        return all;
    }

    /** Every answer of an indicator by one of {@code dims} (or none), nationally and by county, at every published period. */
    private static Map<String, List<String>> readEverything(PublicAttacker a, String indicator, List<String> dims) {
        Map<String, List<String>> values = new HashMap<>();
        for (String level : List.of("albania", "county")) {
            Map<String, String> published = release.publication(indicator).getOrDefault(level, Map.of());
            List<String> breakdowns = new ArrayList<>(List.of("total"));
            breakdowns.addAll(dims);
            for (String breakdown : breakdowns) {
                String grain = published.get(breakdown);
                if (grain == null) {
                    continue;
                }
                List<String> groupBy = new ArrayList<>();
                if (level.equals("county")) {
                    groupBy.add("county");
                }
                if (!breakdown.equals("total")) {
                    groupBy.add(breakdown);
                }
                for (PeriodType type : List.of(PeriodType.MONTH, PeriodType.QUARTER, PeriodType.YEAR)) {
                    if (type.ordinal() >= PeriodType.valueOf(grain.toUpperCase(java.util.Locale.ROOT)).ordinal()) {
                        IndicatorQuery q = IndicatorQuery.of(indicator, FIRST, LAST, type).groupedBy(groupBy.toArray(String[]::new));
                        read(a, q);
                        if (!breakdown.equals("total")) {
                            values.put(breakdown, new ArrayList<>(new LinkedHashSet<>(release.indicator(q, NOW).rows().stream()
                                    .map(r -> r.group().get(breakdown)).toList())));
                        }
                    }
                }
                for (String w : release.windows()) {
                    String[] ends = w.split("/");
                    try {
                        read(a, new IndicatorQuery(indicator, YearMonth.parse(ends[0]), YearMonth.parse(ends[1]), PeriodType.RANGE, Map.of(),
                                groupBy, Audience.PUBLIC));
                    } catch (QueryRefusedException notOverWindows) {
                        // Not published over the rolling windows at this level: nothing to read.
                    }
                }
            }
        }
        dims.forEach(d -> values.putIfAbsent(d, List.of()));
        return values;
    }

    @Test
    void everyCountyButOneIsRefusedAndTheCountiesWithAlbaniaGiveNoHiddenCountBack() {
        List<String> allButKukes = release.counties().stream().filter(c -> !c.equals("AL-07")).toList();
        assertThatThrownBy(() -> release.indicator(new IndicatorQuery("child_victims", FIRST, LAST, PeriodType.MONTH,
                Map.of("county", allButKukes), List.of(), Audience.PUBLIC), NOW))
                .isInstanceOf(QueryRefusedException.class).hasMessageContaining("a filter takes one value").hasMessageContaining("group_by=county");

        // Children encountered, monthly, nationally and in each county one answer at a time: Dibër's March 2025 (2 children)
        // and Gjirokastër's July 2025 (4) are withheld.
        PublicAttacker attacker = new PublicAttacker();
        Map<String, List<String>> values = readEverything(attacker, "children_encountered", List.of());
        for (String county : release.counties()) {
            read(attacker, IndicatorQuery.of("children_encountered", FIRST, LAST, PeriodType.MONTH).filtered("county", county));
        }
        link(attacker, "children_encountered", List.of(), values, false, "");

        assertThat(attacker.withheld()).isPositive();
        assertThat(attacker.exposed()).isEmpty();
    }

    @Test
    void overlappingSpansAreRefusedAndThePublishedOnesGiveNoHiddenMonthBack() {
        assertThatThrownBy(() -> release.indicator(new IndicatorQuery("children_encountered", YearMonth.of(2025, 2), YearMonth.of(2025, 7),
                PeriodType.RANGE, Map.of(), List.of(), Audience.PUBLIC), NOW))
                .isInstanceOf(QueryRefusedException.class).hasMessageContaining("rolling windows");

        PublicAttacker attacker = new PublicAttacker();
        Map<String, List<String>> values = readEverything(attacker, "children_encountered", List.of());
        link(attacker, "children_encountered", List.of(), values, false, "");

        assertThat(attacker.figures()).isGreaterThan(300);
        assertThat(attacker.withheld()).isPositive();
        assertThat(attacker.exposed()).isEmpty();
    }

    @Test
    void aBreakdownByCountyIsProtectedTogetherWithTheCountyTotalsAndTheNationalBreakdown() {
        PublicAttacker attacker = new PublicAttacker();
        List<String> dims = List.of("sex", "age_band", "accompaniment", "direction");
        Map<String, List<String>> values = readEverything(attacker, "children_encountered", dims);
        link(attacker, "children_encountered", dims, values, false, "");

        assertThat(attacker.withheld()).isPositive();
        assertThat(attacker.exposed()).isEmpty();
    }

    @Test
    void officiallyIdentifiedVictimsArePrintedExactlyAsTheIdentifiedStatusOfAllVictims() {
        // Two names for one count: read both, the attacker fails the test if one is printed and the other withheld.
        PublicAttacker attacker = new PublicAttacker();
        Map<String, String> byStatus = release.publication("child_victims").get("albania");
        Map<String, String> identified = release.publication("child_victims_officially_identified").get("albania");
        PeriodType type = PeriodType.valueOf(byStatus.get("status").toUpperCase(java.util.Locale.ROOT));
        if (PeriodType.valueOf(identified.get("total").toUpperCase(java.util.Locale.ROOT)).ordinal() > type.ordinal()) {
            type = PeriodType.valueOf(identified.get("total").toUpperCase(java.util.Locale.ROOT));
        }
        IndicatorResult statuses = release.indicator(IndicatorQuery.of("child_victims", FIRST, LAST, type).groupedBy("status"), NOW);
        IndicatorResult official = release.indicator(IndicatorQuery.of("child_victims_officially_identified", FIRST, LAST, type), NOW);

        List<ResultRow> identifiedRows = statuses.rows().stream().filter(r -> r.group().get("status").equals("identified")).toList();
        assertThat(official.rows()).hasSameSizeAs(identifiedRows);
        for (int i = 0; i < identifiedRows.size(); i++) {
            assertThat(official.rows().get(i).status()).as(official.rows().get(i).period()).isEqualTo(identifiedRows.get(i).status());
            assertThat(official.rows().get(i).numerator()).isEqualTo(identifiedRows.get(i).numerator());
        }
        assertThat(attacker.exposed()).isEmpty();
    }

    @Test
    void theQuartersOfAStatisticsTableGiveNoHiddenCellOfItsYearBack() throws Exception {
        // Over the same facts released without the international returns (SharedWarehouse.withoutReturns: with them, this
        // small warehouse publishes no standard table that withholds anything).
        TestWarehouse withReturns = warehouse;
        warehouse = SharedWarehouse.withoutReturns();
        release = warehouse.release();
        try {
            quartersOfAStatisticsTable();
        } finally {
            warehouse = withReturns;
            release = warehouse.release();
        }
    }

    private void quartersOfAStatisticsTable() {
        // Every standard table of child victims by two breakdowns: the year's table with its margins, and every quarter the
        // release answers (the same cells through the indicator), linked as a reader knows them. The tables that withhold
        // nothing in this warehouse are read too; at least one must withhold something, or the test would prove nothing.
        PublicAttacker attacker = new PublicAttacker();
        for (StandardTables.Definition d : StandardTables.STANDARD) {
            if (!d.indicator().equals("child_victims") || d.columns() == null) {
                continue;
            }
            StatisticsAnswers.Table year;
            try {
                year = release.statistics(d, "2025", NOW);
            } catch (QueryRefusedException notPublished) {
                continue;
            }
            String rows = d.rows();
            String columns = d.columns();
            for (PeriodType type : List.of(PeriodType.QUARTER, PeriodType.YEAR)) {
                for (List<String> groupBy : List.of(List.of(rows, columns), List.of(rows), List.of(columns), List.<String>of())) {
                    try {
                        read(attacker, IndicatorQuery.of("child_victims", FIRST, YearMonth.of(2025, 12), type).groupedBy(groupBy.toArray(String[]::new)));
                    } catch (QueryRefusedException notAtThatGrain) {
                        assertThat(notAtThatGrain).hasMessageContaining("published");
                    }
                }
            }
            boolean byCounty = rows.equals("county");
            // The year's table prints the same cells as the indicator: the attacker checks it reads them the same way.
            for (int r = 0; r < year.rowKeys().size(); r++) {
                for (int c = 0; c < year.columnKeys().size(); c++) {
                    String row = year.rowKeys().get(r);
                    Map<String, String> group = new TreeMap<>(byCounty ? Map.of(columns, year.columnKeys().get(c))
                            : Map.of(rows, row, columns, year.columnKeys().get(c)));
                    String name = name("child_victims", byCounty ? row : "AL", "2025", group);
                    if (attacker.has(name)) {
                        StatisticsAnswers.Figure f = year.cells().get(r).get(c);
                        attacker.read(name, new ResultRow("2025", group, null, f.count(), null, f.status(), Set.of()), null);
                    }
                }
            }
            if (byCounty) {
                // Counties add up to Albania and statuses to each total: the links a reader of this table knows.
                link(attacker, "child_victims", List.of(columns), Map.of(columns, year.columnKeys()), false, "");
                continue;
            }
            Map<String, List<String>> values = Map.of(rows, year.rowKeys(), columns, year.columnKeys());
            link(attacker, "child_victims", List.of(rows, columns), values, false, "");
            for (String p : List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2025")) {
                for (String row : year.rowKeys()) {
                    attacker.sum(name("child_victims", "AL", p, Map.of(rows, row)), year.columnKeys().stream()
                            .map(col -> name("child_victims", "AL", p, new TreeMap<>(Map.of(rows, row, columns, col)))).toList(), false);
                }
                for (String col : year.columnKeys()) {
                    attacker.sum(name("child_victims", "AL", p, Map.of(columns, col)), year.rowKeys().stream()
                            .map(row -> name("child_victims", "AL", p, new TreeMap<>(Map.of(rows, row, columns, col)))).toList(), false);
                }
            }
        }

        assertThat(attacker.withheld()).isPositive();
        assertThat(attacker.exposed()).isEmpty();
    }

    @Test
    void aPercentageAndItsComplementGiveNoHiddenCountBack() {
        PublicAttacker attacker = new PublicAttacker();
        Map<String, List<String>> values = readEverything(attacker, "border_referred_to_child_protection", List.of());
        link(attacker, "border_referred_to_child_protection", List.of(), values, true, "#numerator");
        link(attacker, "border_referred_to_child_protection", List.of(), values, true, "#denominator");

        // Fier's one child a month not referred makes a small complement: withheld there, or the county published coarser.
        assertThat(attacker.figures()).isGreaterThan(100);
        assertThat(attacker.exposed()).isEmpty();
    }

    @Test
    void everyWithheldFigureCarriesTheOneMark() {
        Set<CellStatus> seen = new java.util.HashSet<>();
        for (var indicator : release.catalogue().indicators()) {
            for (IndicatorQuery q : ReleaseBuilderTest.everyAnswer(release, indicator)) {
                release.indicator(q, NOW).rows().forEach(r -> seen.add(r.status()));
            }
        }
        assertThat(seen).contains(CellStatus.PUBLISHED, CellStatus.WITHHELD)
                .isSubsetOf(Set.of(CellStatus.PUBLISHED, CellStatus.WITHHELD, CellStatus.NOT_REPORTED, CellStatus.NOT_YET_DUE));
        assertThat(CellStatus.values()).extracting(Enum::name).noneMatch(n -> n.contains("SMALL") || n.contains("COMPLEMENT"));
    }

    @Test
    void completenessTellsStatusesAndSharesButNoRowCounts() {
        CompletenessAnswers.Report report = release.completeness(FIRST, LAST, NOW);

        assertThat(report.submissions()).hasSize(4 * 12 * 18);
        assertThat(CompletenessAnswers.Submission.class.getRecordComponents()).extracting(c -> c.getName())
                .noneMatch(n -> n.toLowerCase(java.util.Locale.ROOT).contains("row"));
        assertThat(CompletenessAnswers.SourceSummary.class.getRecordComponents()).extracting(c -> c.getName())
                .noneMatch(n -> n.toLowerCase(java.util.Locale.ROOT).contains("row") || n.toLowerCase(java.util.Locale.ROOT).contains("quarantin"));
        // Vlorë's border files came on the 20th of the next month: late; everything else on the 10th.
        assertThat(report.submissions()).filteredOn(s -> s.source().equals("border") && s.countyCode().equals("AL-12"))
                .extracting(CompletenessAnswers.Submission::arrival).containsOnly(CompletenessAnswers.Arrival.LATE);
    }

    @Test
    void aSpanNoAnswerPublishesIsRefusedSayingWhatToAskInstead() {
        assertThatThrownBy(() -> release.indicator(new IndicatorQuery("child_victims", FIRST, YearMonth.of(2025, 5), PeriodType.RANGE, Map.of(),
                List.of(), Audience.PUBLIC), NOW)).isInstanceOf(QueryRefusedException.class)
                .hasMessageContaining("ask period=month (or quarter, year)");
        assertThatThrownBy(() -> release.indicator(IndicatorQuery.of("child_victims", FIRST, LAST, PeriodType.MONTH).filtered("county", "AL-99"), NOW))
                .isInstanceOf(QueryRefusedException.class).hasMessageContaining("no county AL-99");
    }
}
