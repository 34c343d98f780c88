package al.antitrafficking.warehouse.indicator;

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
import java.util.function.Supplier;
import al.antitrafficking.warehouse.disclosure.CellStatus;

/**
 * Unsuppressed figures from a snapshot's facts, for the internal audience only: a notebook opened with a stated reason,
 * the release build's own checks, benchmarks. Public figures never come from here: they are cells of the protected
 * release. A query is checked ({@link QueryCheck}), answered by SQL from resources ({@link FactSql}) and assembled
 * here: cells no row reached are zero where the source reported for the period (and county), not reported where not.
 */
public final class InternalIndicators {
    /** The group value of rows whose dimension is empty (a Border Police encounter at a crossing has no municipality). */
    public static final String NOT_RECORDED = "not_recorded";

    private final Catalogue catalogue;
    private final Supplier<Connection> connections;
    private final Population population;
    private final String snapshot;

    public InternalIndicators(Catalogue catalogue, Population population, Supplier<Connection> connections, String snapshot) {
        this.catalogue = catalogue;
        this.population = population;
        this.connections = connections;
        this.snapshot = snapshot;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public IndicatorResult run(IndicatorQuery q) {
        if (q.audience() != Audience.INTERNAL) {
            throw new IllegalArgumentException("Cannot answer from the facts for the public: public figures come from the release");
        }
        Indicator indicator = QueryCheck.check(catalogue, q);
        List<Object> params = new ArrayList<>();
        String sql = FactSql.of(q, indicator, params);
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
                    raw.computeIfAbsent(group, k -> new HashMap<>()).put(rs.getString(1), new long[] {rs.getLong(at), rs.getLong(at + 1)});
                    Object median = rs.getObject(at + 2);
                    medians.computeIfAbsent(group, k -> new HashMap<>()).put(rs.getString(1), median == null ? null : ((Number) median).doubleValue());
                }
            }
            return assemble(q, indicator, groups(c, q, raw.keySet()), raw, medians, reported(c, indicator, q));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot query indicator " + indicator.id() + ": " + e.getMessage(), e);
        }
    }

    /** Period labels (with ":county" when the query is by county) for which the indicator's source sent a file. */
    private static Set<String> reported(Connection c, Indicator indicator, IndicatorQuery q) throws SQLException {
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
                    if (!month.isBefore(q.from()) && !month.isAfter(q.to())) {
                        String period = q.periodType().label(month, q.from(), q.to());
                        reported.add(period);
                        reported.add(period + ":" + rs.getString(2));
                    }
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

    private IndicatorResult assemble(IndicatorQuery q, Indicator indicator, List<List<String>> groups, Map<List<String>, Map<String, long[]>> raw,
                                     Map<List<String>, Map<String, Double>> medians, Set<String> reported) {
        int county = q.groupBy().indexOf("county");
        List<String> filteredCounties = q.filters().getOrDefault("county", List.of());
        List<ResultRow> rows = new ArrayList<>();
        for (List<String> group : groups) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int d = 0; d < q.groupBy().size(); d++) {
                values.put(q.groupBy().get(d), group.get(d));
            }
            String place = county >= 0 ? group.get(county) : filteredCounties.size() == 1 ? filteredCounties.get(0) : "";
            for (String period : q.periodType().labels(q.from(), q.to())) {
                long[] v = raw.getOrDefault(group, Map.of()).get(period);
                boolean isReported = county >= 0 ? reported.contains(period + ":" + group.get(county))
                        : filteredCounties.isEmpty() ? reported.contains(period)
                        : filteredCounties.stream().anyMatch(cc -> reported.contains(period + ":" + cc));
                if (v == null && !isReported) {
                    rows.add(new ResultRow(period, values, null, null, null, CellStatus.NOT_REPORTED, Set.of()));
                    continue;
                }
                long main = v == null ? 0 : v[0];
                long second = v == null ? 0 : v[1];
                Double median = medians.getOrDefault(group, Map.of()).get(period);
                rows.add(Figures.row(indicator.unit(), period, values, main, second, median, population, place));
            }
        }
        return new IndicatorResult(indicator.id(), indicator.unit(), q.periodType(), q.groupBy(), rows, 0, Audience.INTERNAL, snapshot);
    }
}
