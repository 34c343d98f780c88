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
        String sql = sql(q, indicator, params);
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
                        group.add(rs.getString(2 + g));
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

    private static String sql(IndicatorQuery q, Indicator indicator, List<Object> params) {
        FactTable fact = indicator.fact();
        StringBuilder select = new StringBuilder("SELECT ").append(q.periodType().sql(indicator.date())).append(" AS period");
        for (String g : q.groupBy()) {
            select.append(", ").append(fact.dimensionColumn(g).orElseThrow());
        }
        String measure = indicator.measure() == Indicator.Measure.DISTINCT_CHILDREN ? "count(DISTINCT child_pseudonym)" : "count(*)";
        List<Object> selectParams = new ArrayList<>();
        switch (indicator.unit()) {
            case PERCENT -> {
                List<String> numerator = new ArrayList<>();
                for (Condition c : indicator.numeratorWhere()) {
                    numerator.add(c.sql(selectParams));
                }
                select.append(", ").append(measure).append(", ").append(measure).append(" FILTER (WHERE ")
                        .append(String.join(" AND ", numerator)).append(")");
            }
            case MEDIAN_DAYS -> {
                String days = fact.daysExpression(indicator.days().orElseThrow()).orElseThrow();
                select.append(", count(").append(days).append("), 0, median(").append(days).append(")");
            }
            default -> select.append(", ").append(measure).append(", 0");
        }
        params.addAll(selectParams);
        List<String> where = new ArrayList<>();
        where.add(indicator.date() + " BETWEEN ? AND ?");
        params.add(q.from().atDay(1));
        params.add(q.to().atEndOfMonth());
        for (Condition c : indicator.where()) {
            where.add(c.sql(params));
        }
        for (Map.Entry<String, List<String>> f : new TreeMap<>(q.filters()).entrySet()) {
            where.add(new Condition(fact.dimensionColumn(f.getKey()).orElseThrow(), Condition.Test.IN,
                    List.copyOf(f.getValue())).sql(params));
        }
        return select + " FROM " + fact.table() + " WHERE " + String.join(" AND ", where) + " GROUP BY ALL";
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
                    String period = q.periodType().label(YearMonth.parse(rs.getString(1)));
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
