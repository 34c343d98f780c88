package al.antitrafficking.warehouse.indicator;

import al.antitrafficking.warehouse.disclosure.Cell;
import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.disclosure.DisclosureControl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The one query layer: indicator × period range × period type × filters × group-by → a typed result.
 * The SQL is assembled only from the catalogue's allow-listed columns; every value a caller sends is bound.
 * Cells no row reached are zero where the source reported for the period (and county) and NOT_REPORTED
 * where it did not. For the public audience every count, numerator and denominator passes
 * {@link DisclosureControl} as one table (groups × periods), and percentages, rates and medians whose
 * counts are withheld are withheld too.
 */
public final class IndicatorEngine {
    /** The group value of rows whose dimension is empty (a Border Police encounter at a crossing has no municipality). */
    public static final String NOT_RECORDED = "not_recorded";
    private static final int MAX_GROUPS = 2;
    private static final int MAX_FILTER_VALUES = 100;
    private static final int MAX_MONTHS = 20 * 12;

    private final Catalogue catalogue;
    private final Supplier<Connection> connections;
    private final DisclosureControl disclosure;
    private final String snapshot;
    private final Population population;

    public IndicatorEngine(Catalogue catalogue, Population population, Supplier<Connection> connections, DisclosureControl disclosure,
                           String snapshot) {
        this.catalogue = catalogue;
        this.population = population;
        this.connections = connections;
        this.disclosure = disclosure;
        this.snapshot = snapshot;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public IndicatorResult run(IndicatorQuery q) {
        Indicator indicator = catalogue.find(q.indicator()).orElseThrow(() -> new QueryRefusedException(
                "Cannot query: unknown indicator; see /api/v1/indicators for the catalogue"));
        check(q, indicator);
        List<Object> params = new ArrayList<>();
        boolean aggregated = aggregated(q, indicator);
        String sql = aggregated ? aggregateRead(q, catalogue.aggregateSource(indicator), params) : sql(q, indicator, params);
        List<String> periods = q.periodType().labels(q.from(), q.to());
        Map<List<String>, Map<String, long[]>> raw = new LinkedHashMap<>();
        Map<List<String>, Map<String, Double>> medians = new HashMap<>();
        try (Connection c = connections.get(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                p.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    List<String> group = new ArrayList<>();
                    for (int g = 0; g < q.groupBy().size(); g++) {
                        String value = rs.getString(2 + g);
                        group.add(value == null ? NOT_RECORDED : value);
                    }
                    int at = 2 + q.groupBy().size();
                    long main = rs.getLong(at);
                    long second = rs.getLong(at + 1);
                    raw.computeIfAbsent(group, k -> new HashMap<>()).put(rs.getString(1), new long[] {main, second});
                    if (indicator.unit() == Unit.MEDIAN_DAYS) {
                        Object median = rs.getObject(at + 2);
                        medians.computeIfAbsent(group, k -> new HashMap<>()).put(rs.getString(1),
                                median == null ? null : ((Number) median).doubleValue());
                    }
                }
            }
            Set<String> reported = reported(c, indicator, q);
            List<List<String>> groups = groups(c, q, raw.keySet());
            return assemble(q, indicator, periods, groups, raw, medians, reported);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot query indicator " + indicator.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The SQL that answers {@code q} from the facts, its bound values added to {@code params} in order: for
     * inspection and for benchmarks that run the same statement elsewhere. The query is checked as {@link #run} does.
     */
    public String factSql(IndicatorQuery q, List<Object> params) {
        Indicator indicator = catalogue.find(q.indicator()).orElseThrow(() -> new QueryRefusedException(
                "Cannot query: unknown indicator; see /api/v1/indicators for the catalogue"));
        check(q, indicator);
        return sql(q, indicator, params);
    }

    /** Whether {@code q} would be answered from the pre-aggregated cells rather than from the facts. */
    public boolean readsAggregates(IndicatorQuery q) {
        Indicator indicator = catalogue.find(q.indicator()).orElseThrow(() -> new QueryRefusedException(
                "Cannot query: unknown indicator; see /api/v1/indicators for the catalogue"));
        return aggregated(q, indicator);
    }

    private boolean aggregated(IndicatorQuery q, Indicator indicator) {
        // A pre-aggregated cell covers a whole period: only ranges that start and end on period boundaries may use it.
        boolean aligned = q.periodType() != PeriodType.RANGE
                && !label(q, q.from()).equals(label(q, q.from().minusMonths(1))) && !label(q, q.to()).equals(label(q, q.to().plusMonths(1)));
        return aligned && q.filters().isEmpty() && indicator.preaggregate().contains(q.groupBy()) && hasAggregates();
    }

    private static void check(IndicatorQuery q, Indicator indicator) {
        if (q.from().isAfter(q.to())) {
            throw new QueryRefusedException("Cannot query: from " + q.from() + " is after to " + q.to());
        }
        if (q.from().plusMonths(MAX_MONTHS).isBefore(q.to())) {
            throw new QueryRefusedException("Cannot query: a period range longer than 20 years");
        }
        if (q.groupBy().size() > MAX_GROUPS || new HashSet<>(q.groupBy()).size() != q.groupBy().size()) {
            throw new QueryRefusedException("Cannot query: group by at most " + MAX_GROUPS + " different dimensions");
        }
        for (String g : q.groupBy()) {
            if (!indicator.dimensions().contains(g)) {
                throw new QueryRefusedException("Cannot query " + indicator.id() + ": it cannot be grouped by that dimension; allowed: "
                        + indicator.dimensions());
            }
        }
        for (Map.Entry<String, List<String>> f : q.filters().entrySet()) {
            if (!indicator.dimensions().contains(f.getKey())) {
                throw new QueryRefusedException("Cannot query " + indicator.id() + ": it cannot be filtered by that dimension; allowed: "
                        + indicator.dimensions());
            }
            if (f.getValue().isEmpty() || f.getValue().size() > MAX_FILTER_VALUES) {
                throw new QueryRefusedException("Cannot query: a filter needs 1 to " + MAX_FILTER_VALUES + " values");
            }
        }
    }

    private static String label(IndicatorQuery q, YearMonth month) {
        return q.periodType().label(month, q.from(), q.to());
    }

    private static String sql(IndicatorQuery q, Indicator indicator, List<Object> params) {
        FactTable fact = indicator.fact();
        if (q.periodType() == PeriodType.RANGE) {
            params.add(label(q, q.from()));
        }
        // Rows are grouped by the first day of their period and the label is made once per group, not once per row.
        StringBuilder groups = new StringBuilder();
        StringBuilder inner = new StringBuilder("SELECT ").append(q.periodType().truncated(indicator.date())).append(" AS period");
        for (int g = 0; g < q.groupBy().size(); g++) {
            groups.append(", g").append(g + 1);
            inner.append(", ").append(fact.dimensionColumn(q.groupBy().get(g)).orElseThrow()).append(" AS g").append(g + 1);
        }
        String select = "SELECT " + (q.periodType() == PeriodType.RANGE ? "period" : q.periodType().sql("period")) + " AS period" + groups
                + ", main, second, median FROM (";
        if (indicator.unit() == Unit.PERCENT && indicator.measure() == Indicator.Measure.DISTINCT_CHILDREN && !fact.oneRowPerChild()) {
            // A share of distinct children: one group per child first, then two counts, instead of two distinct counts.
            List<String> numerator = new ArrayList<>();
            for (Condition c : indicator.numeratorWhere()) {
                numerator.add(c.sql(params));
            }
            inner.append(", child_pseudonym, bool_or(").append(String.join(" AND ", numerator)).append(") AS hit");
            return select + "SELECT period" + groups + ", count(*) AS main, count(*) FILTER (WHERE hit) AS second, NULL::DOUBLE AS median FROM ("
                    + inner + " FROM " + fact.table() + " WHERE " + where(indicator, params, q.from(), q.to(), q.filters())
                    + " GROUP BY ALL) AS per_child GROUP BY ALL) AS cells";
        }
        inner.append(", ").append(measures(indicator, params));
        return select + inner + " FROM " + fact.table() + " WHERE " + where(indicator, params, q.from(), q.to(), q.filters())
                + " GROUP BY ALL) AS cells";
    }

    /** The measure columns: main (a count, a percent's denominator, a median's observations), second (a percent's numerator), median. */
    private static String measures(Indicator indicator, List<Object> params) {
        FactTable fact = indicator.fact();
        // A fact with one row per child (the pathway) counts its children by counting rows.
        String measure = indicator.measure() == Indicator.Measure.DISTINCT_CHILDREN && !fact.oneRowPerChild()
                ? "count(DISTINCT child_pseudonym)" : "count(*)";
        return switch (indicator.unit()) {
            case PERCENT -> {
                List<String> numerator = new ArrayList<>();
                for (Condition c : indicator.numeratorWhere()) {
                    numerator.add(c.sql(params));
                }
                yield measure + " AS main, " + measure + " FILTER (WHERE " + String.join(" AND ", numerator)
                        + ") AS second, NULL::DOUBLE AS median";
            }
            case MEDIAN_DAYS -> {
                String days = fact.daysExpression(indicator.days().orElseThrow()).orElseThrow();
                yield "count(" + days + ") AS main, 0 AS second, median(" + days + ") AS median";
            }
            default -> measure + " AS main, 0 AS second, NULL::DOUBLE AS median";
        };
    }

    /** The conditions: the date present (and in the month range, when given), the indicator's own, the caller's filters. */
    private static String where(Indicator indicator, List<Object> params, YearMonth from, YearMonth to, Map<String, List<String>> filters) {
        List<String> where = new ArrayList<>();
        where.add(indicator.date() + " IS NOT NULL");
        if (from != null) {
            where.add(indicator.date() + " BETWEEN ? AND ?");
            params.add(from.atDay(1));
            params.add(to.atEndOfMonth());
        }
        for (Condition c : indicator.where()) {
            where.add(c.sql(params));
        }
        for (Map.Entry<String, List<String>> f : new TreeMap<>(filters).entrySet()) {
            where.add(new Condition(indicator.fact().dimensionColumn(f.getKey()).orElseThrow(), Condition.Test.IN,
                    List.copyOf(f.getValue())).sql(params));
        }
        return String.join(" AND ", where);
    }

    /**
     * Computes, at warehouse build, every pre-aggregated grouping of every indicator for the three period
     * types into {@code indicator_aggregate}, before disclosure control, which runs at query time.
     */
    public static void preaggregate(Catalogue catalogue, Connection c) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE indicator_aggregate (indicator VARCHAR, period_type VARCHAR, group_by VARCHAR, "
                    + "period VARCHAR, g1 VARCHAR, g2 VARCHAR, main BIGINT, second BIGINT, median DOUBLE)");
        }
        for (Indicator indicator : catalogue.indicators()) {
            // An indicator whose cells another one already holds (a rate and its count) is not computed twice.
            if (!indicator.preaggregate().isEmpty() && catalogue.aggregateSource(indicator).equals(indicator.id())) {
                preaggregate(indicator, c);
            }
        }
    }

    /**
     * One scan of the facts for all of an indicator's groupings and period types, as grouping sets. GROUPING()
     * tells which set a row belongs to, so a dimension value that is NULL is never taken for a total.
     */
    private static void preaggregate(Indicator indicator, Connection c) throws SQLException {
        List<String> dims = indicator.preaggregate().stream().flatMap(List::stream).distinct().toList();
        List<Object> params = new ArrayList<>();
        StringBuilder cells = new StringBuilder("SELECT ");
        for (PeriodType type : PeriodType.CALENDAR) {
            String p = "p_" + type.name().toLowerCase(java.util.Locale.ROOT);
            cells.append(type.sql(indicator.date())).append(" AS ").append(p).append(", GROUPING(").append(type.sql(indicator.date()))
                    .append(") AS is_").append(p).append(", ");
        }
        for (String d : dims) {
            String column = indicator.fact().dimensionColumn(d).orElseThrow();
            cells.append(column).append(" AS d_").append(d).append(", GROUPING(").append(column).append(") AS is_d_").append(d).append(", ");
        }
        cells.append(measures(indicator, params)).append(" FROM ").append(indicator.fact().table())
                .append(" WHERE ").append(where(indicator, params, null, null, Map.of()));
        List<String> sets = new ArrayList<>();
        StringBuilder groupBy = new StringBuilder("CASE");
        StringBuilder g1 = new StringBuilder("CASE");
        StringBuilder g2 = new StringBuilder("CASE");
        for (List<String> grouping : indicator.preaggregate()) {
            for (PeriodType type : PeriodType.CALENDAR) {
                List<String> set = new ArrayList<>(List.of("p_" + type.name().toLowerCase(java.util.Locale.ROOT)));
                grouping.forEach(d -> set.add("d_" + d));
                sets.add("(" + String.join(", ", set) + ")");
            }
            List<String> test = new ArrayList<>();
            for (String d : dims) {
                test.add("is_d_" + d + " = " + (grouping.contains(d) ? 0 : 1));
            }
            String when = " WHEN " + (test.isEmpty() ? "TRUE" : String.join(" AND ", test)) + " THEN ";
            groupBy.append(when).append("'").append(String.join(",", grouping)).append("'");
            g1.append(when).append(grouping.size() > 0 ? "d_" + grouping.get(0) : "NULL");
            g2.append(when).append(grouping.size() > 1 ? "d_" + grouping.get(1) : "NULL");
        }
        String insert = "INSERT INTO indicator_aggregate SELECT ?, CASE WHEN is_p_month = 0 THEN 'MONTH' WHEN is_p_quarter = 0 "
                + "THEN 'QUARTER' ELSE 'YEAR' END, " + groupBy + " END, CASE WHEN is_p_month = 0 THEN p_month WHEN is_p_quarter = 0 "
                + "THEN p_quarter ELSE p_year END, " + g1 + " END, " + g2 + " END, main, second, median FROM (" + cells
                + " GROUP BY GROUPING SETS (" + String.join(", ", sets) + ")) AS cells";
        try (PreparedStatement p = c.prepareStatement(insert)) {
            p.setString(1, indicator.id());
            for (int i = 0; i < params.size(); i++) {
                p.setObject(i + 2, params.get(i));
            }
            p.executeUpdate();
        }
    }

    private Boolean aggregates;

    /** Whether this snapshot's database holds pre-aggregated cells (snapshots built before they existed do not). */
    private synchronized boolean hasAggregates() {
        if (aggregates == null) {
            try (Connection c = connections.get(); PreparedStatement p = c.prepareStatement(
                    "SELECT count(*) FROM information_schema.tables WHERE table_name = 'indicator_aggregate'"); ResultSet rs = p.executeQuery()) {
                rs.next();
                aggregates = rs.getLong(1) > 0;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read warehouse: " + e.getMessage(), e);
            }
        }
        return aggregates;
    }

    private static String aggregateRead(IndicatorQuery q, String source, List<Object> params) {
        StringBuilder sql = new StringBuilder("SELECT period");
        for (int g = 0; g < q.groupBy().size(); g++) {
            sql.append(", g").append(g + 1);
        }
        sql.append(", main, second, median FROM indicator_aggregate WHERE indicator = ? AND period_type = ? AND group_by = ? "
                + "AND period BETWEEN ? AND ?");
        params.addAll(List.of(source, q.periodType().name(), String.join(",", q.groupBy()),
                label(q, q.from()), label(q, q.to())));
        return sql.toString();
    }

    /** Period labels (with ":county" when the query is by county) for which the indicator's source sent a file. */
    private Set<String> reported(Connection c, Indicator indicator, IndicatorQuery q) throws SQLException {
        Set<String> reported = new HashSet<>();
        String sourceTest = indicator.fact().source().map(s -> "source = ?").orElse("TRUE");
        try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT month, county_code FROM ingest_file WHERE status IN "
                + "('LOADED', 'NIL_RETURN') AND " + sourceTest)) {
            if (indicator.fact().source().isPresent()) {
                p.setString(1, indicator.fact().source().get());
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    YearMonth month = YearMonth.parse(rs.getString(1));
                    if (month.isBefore(q.from()) || month.isAfter(q.to())) {
                        continue;
                    }
                    String period = label(q, month);
                    reported.add(period);
                    reported.add(period + ":" + rs.getString(2));
                }
            }
        }
        return reported;
    }

    /** The groups to show: every county when grouped by county, else every combination seen. */
    private static List<List<String>> groups(Connection c, IndicatorQuery q, Set<List<String>> seen) throws SQLException {
        if (q.groupBy().isEmpty()) {
            return List.of(List.of());
        }
        Set<List<String>> groups = new LinkedHashSet<>(seen);
        if (q.groupBy().equals(List.of("county"))) {
            groups.clear();
            try (PreparedStatement p = c.prepareStatement("SELECT code FROM dim_county ORDER BY code"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String county = rs.getString(1);
                    if (!q.filters().containsKey("county") || q.filters().get("county").contains(county)) {
                        groups.add(List.of(county));
                    }
                }
            }
        }
        List<List<String>> sorted = new ArrayList<>(groups);
        sorted.sort((a, b) -> String.join("|", a).compareTo(String.join("|", b)));
        return sorted;
    }

    private IndicatorResult assemble(IndicatorQuery q, Indicator indicator, List<String> periods, List<List<String>> groups,
                                     Map<List<String>, Map<String, long[]>> raw, Map<List<String>, Map<String, Double>> medians,
                                     Set<String> reported) {
        int county = q.groupBy().indexOf("county");
        List<String> filteredCounties = q.filters().getOrDefault("county", List.of());
        // main: the count, the percent's denominator, or the median's number of observations; second: the percent's numerator.
        List<List<Long>> main = new ArrayList<>();
        List<List<Long>> second = new ArrayList<>();
        for (List<String> group : groups) {
            List<Long> m = new ArrayList<>();
            List<Long> s = new ArrayList<>();
            for (String period : periods) {
                long[] v = raw.getOrDefault(group, Map.of()).get(period);
                boolean isReported = county >= 0 ? reported.contains(period + ":" + group.get(county))
                        : filteredCounties.isEmpty() ? reported.contains(period)
                        : filteredCounties.stream().anyMatch(cc -> reported.contains(period + ":" + cc));
                m.add(v != null ? Long.valueOf(v[0]) : isReported ? Long.valueOf(0) : null);
                s.add(v != null ? Long.valueOf(v[1]) : isReported ? Long.valueOf(0) : null);
            }
            main.add(m);
            second.add(s);
        }
        boolean open = q.audience() == Audience.INTERNAL;
        List<List<Cell>> mainCells = open ? raw(main) : disclosure.protectTable(main);
        List<List<Cell>> secondCells = indicator.unit() == Unit.PERCENT ? (open ? raw(second) : disclosure.protectTable(second)) : null;
        List<ResultRow> rows = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Map<String, String> groupValues = new LinkedHashMap<>();
            for (int d = 0; d < q.groupBy().size(); d++) {
                groupValues.put(q.groupBy().get(d), groups.get(g).get(d));
            }
            for (int p = 0; p < periods.size(); p++) {
                Cell cell = mainCells.get(g).get(p);
                rows.add(switch (indicator.unit()) {
                    case COUNT -> new ResultRow(periods.get(p), groupValues, cell.value() == null ? null : cell.value().doubleValue(),
                            cell.value(), null, cell.status(), Set.of());
                    case PERCENT -> percent(periods.get(p), groupValues, secondCells.get(g).get(p), cell);
                    case RATE_PER_100K_RESIDENTS -> rate(periods.get(p), groupValues, cell, population.residents(
                            county >= 0 ? groups.get(g).get(county) : "", year(periods.get(p))), 100_000);
                    case RATE_PER_10K_CHILDREN -> rate(periods.get(p), groupValues, cell, population.children(
                            county >= 0 ? groups.get(g).get(county) : "", year(periods.get(p))), 10_000);
                    case RATE_PER_100K_CHILDREN -> rate(periods.get(p), groupValues, cell, population.children(
                            county >= 0 ? groups.get(g).get(county) : "", year(periods.get(p))), 100_000);
                    case MEDIAN_DAYS -> median(periods.get(p), groupValues, cell,
                            medians.getOrDefault(groups.get(g), Map.of()).get(periods.get(p)));
                });
            }
        }
        return new IndicatorResult(indicator.id(), indicator.unit(), q.periodType(), q.groupBy(), rows, disclosure.minCount(),
                q.audience(), snapshot);
    }

    private static ResultRow percent(String period, Map<String, String> group, Cell numerator, Cell denominator) {
        if (numerator.status() != CellStatus.PUBLISHED || denominator.status() != CellStatus.PUBLISHED) {
            CellStatus status = denominator.status() == CellStatus.NOT_REPORTED ? CellStatus.NOT_REPORTED
                    : numerator.suppressed() ? numerator.status() : denominator.status();
            return new ResultRow(period, group, null, numerator.value(), denominator.value() == null ? null
                    : denominator.value().doubleValue(), status == CellStatus.PUBLISHED ? CellStatus.SUPPRESSED_COMPLEMENTARY : status, Set.of());
        }
        if (denominator.value() == 0) {
            return new ResultRow(period, group, null, 0L, 0.0, CellStatus.PUBLISHED, Set.of("NO_OBSERVATIONS"));
        }
        return new ResultRow(period, group, 100.0 * numerator.value() / denominator.value(), numerator.value(),
                denominator.value().doubleValue(), CellStatus.PUBLISHED, Set.of());
    }

    /** A rate per {@code per} people; missing (never zero) without a denominator, flagged when that is an estimate. */
    private static ResultRow rate(String period, Map<String, String> group, Cell numerator, java.util.Optional<Population.Figure> denominator,
                                  int per) {
        if (denominator.isEmpty() || denominator.get().value() <= 0) {
            return new ResultRow(period, group, null, numerator.value(), null, numerator.status(), Set.of("DENOMINATOR_MISSING"));
        }
        double population = denominator.get().value();
        Double value = numerator.value() == null ? null : numerator.value() * (double) per / population;
        return new ResultRow(period, group, value, numerator.value(), population, numerator.status(),
                denominator.get().estimate() ? Set.of("POPULATION_ESTIMATE") : Set.of());
    }

    private static int year(String period) {
        return Integer.parseInt(period.substring(0, 4));
    }

    private static ResultRow median(String period, Map<String, String> group, Cell observations, Double median) {
        if (observations.status() != CellStatus.PUBLISHED) {
            return new ResultRow(period, group, null, null, null, observations.status(), Set.of());
        }
        if (observations.value() == 0) {
            return new ResultRow(period, group, null, 0L, null, CellStatus.PUBLISHED, Set.of("NO_OBSERVATIONS"));
        }
        return new ResultRow(period, group, median, observations.value(), null, CellStatus.PUBLISHED, Set.of());
    }

    /** The internal audience's cells: values as they are, not reported still apart. */
    private static List<List<Cell>> raw(List<List<Long>> table) {
        List<List<Cell>> cells = new ArrayList<>();
        for (List<Long> row : table) {
            cells.add(row.stream().map(v -> v == null ? Cell.withheld(CellStatus.NOT_REPORTED) : Cell.published(v)).toList());
        }
        return cells;
    }
}
