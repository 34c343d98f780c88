package al.antitrafficking.warehouse.release;

import al.antitrafficking.warehouse.build.SqlResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * Computes the true, unprotected counts of a release table from a snapshot's facts, at warehouse build: one scan of
 * the fact for every territory level and calendar grain, and one per rolling window. Only cells some row reached come
 * back; the release fills in zeros. Nothing computed here leaves the warehouse before protection.
 */
final class CellComputer {
    static final String TABLE = SqlResource.load(CellComputer.class, "table_cells.sql");
    static final String WINDOW = SqlResource.load(CellComputer.class, "window_cells.sql");

    /**
     * One computed cell: territory, period, the split dimensions' values in the table's order, the count, for a table of
     * medians how many rows saw each number of days (else null), and how many fact rows reached it (a cell exists where
     * at least one did; a correction adds and subtracts these, and the day counts).
     */
    record Raw(Level level, String territory, String period, List<String> splitValues, long count, DayCounts days, long rows) {
        /** The key a correction matches the cell by. */
        String key() {
            return Tabulation.rawKey(level, territory, period, splitValues);
        }

        /** The median of the days, null where there are none. */
        Double median() {
            return days == null ? null : days.median();
        }
    }

    private final ReleasePlan plan;

    CellComputer(ReleasePlan plan) {
        this.plan = plan;
    }

    /**
     * The table's cells at every level and grain, and over each window (from/to months), over {@code relation}: the
     * fact, or a table of some of its rows with its columns made by the build (never a name from a request).
     */
    List<Raw> compute(Connection c, ReleaseTable t, List<YearMonth[]> windows, String relation) throws SQLException {
        List<Raw> cells = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        Map<String, String> slots = slots(t, params, relation);
        boolean municipalities = t.levels().contains(Level.MUNICIPALITY);
        String splits = String.join("", t.splits().stream().map(s -> ", s" + t.splits().indexOf(s)).toList());
        List<String> sets = new ArrayList<>();
        for (Level level : t.levels()) {
            String territory = switch (level) {
                case ALBANIA -> "";
                case COUNTY -> "t_county, ";
                case MUNICIPALITY -> "t_county, t_municipality, ";
            };
            for (String grain : List.of("p_month", "p_quarter", "p_year")) {
                sets.add("(" + territory + grain + splits + ")");
            }
        }
        slots.put("sets", String.join(", ", sets));
        boolean counties = t.levels().contains(Level.COUNTY) || municipalities;
        slots.put("county_grouping", counties ? "GROUPING(t_county)" : "1");
        slots.put("county_select", counties ? "t_county" : "NULL::VARCHAR");
        slots.put("municipality_grouping", municipalities ? "GROUPING(t_municipality)" : "1");
        slots.put("municipality_select", municipalities ? "t_municipality" : "NULL::VARCHAR");
        slots.put("municipality_column", municipalities ? ", coalesce(" + t.family().fact().dimensionColumn("municipality").orElseThrow()
                + ", " + slots.get("county_column") + " || '" + CellKey.NO_MUNICIPALITY + Criteria.NOT_RECORDED + "') AS t_municipality" : "");
        try (PreparedStatement p = c.prepareStatement(SqlResource.fill(TABLE, slots))) {
            bind(p, 0, params);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Level level = rs.getInt("all_counties") == 1 ? Level.ALBANIA
                            : rs.getInt("all_municipalities") == 0 ? Level.MUNICIPALITY : Level.COUNTY;
                    String territory = switch (level) {
                        case ALBANIA -> CellKey.ALBANIA;
                        case COUNTY -> rs.getString("t_county");
                        case MUNICIPALITY -> rs.getString("t_municipality");
                    };
                    String period = rs.getInt("no_month") == 0 ? rs.getString("p_month")
                            : rs.getInt("no_quarter") == 0 ? rs.getString("p_quarter") : rs.getString("p_year");
                    cells.add(new Raw(level, territory, period, splitValues(rs, t), rs.getLong("n"), days(rs), rs.getLong("row_count")));
                }
            }
        }
        if (t.rolling()) {
            for (YearMonth[] window : windows) {
                cells.addAll(window(c, t, window[0], window[1], relation));
            }
        }
        return cells;
    }

    private List<Raw> window(Connection c, ReleaseTable t, YearMonth from, YearMonth to, String relation) throws SQLException {
        List<Object> params = new ArrayList<>();
        params.add(from.atDay(1));
        params.add(to.atEndOfMonth());
        Map<String, String> slots = slots(t, params, relation);
        String splits = String.join("", t.splits().stream().map(s -> ", s" + t.splits().indexOf(s)).toList());
        List<String> sets = new ArrayList<>();
        sets.add("(" + splits.replaceFirst("^, ", "") + ")");
        if (t.levels().contains(Level.COUNTY)) {
            sets.add("(t_county" + splits + ")");
        }
        slots.put("sets", String.join(", ", sets));
        slots.put("county_grouping", t.levels().contains(Level.COUNTY) ? "GROUPING(t_county)" : "1");
        slots.put("county_select", t.levels().contains(Level.COUNTY) ? "t_county" : "NULL::VARCHAR");
        String label = from + "/" + to;
        List<Raw> cells = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(SqlResource.fill(WINDOW, slots))) {
            bind(p, 0, params);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    boolean albania = rs.getInt("all_counties") == 1;
                    cells.add(new Raw(albania ? Level.ALBANIA : Level.COUNTY, albania ? CellKey.ALBANIA : rs.getString("t_county"), label,
                            splitValues(rs, t), rs.getLong("n"), days(rs), rs.getLong("row_count")));
                }
            }
        }
        return cells;
    }

    /** The slots both statements share; the where clause's values are added to {@code params}. */
    private Map<String, String> slots(ReleaseTable t, List<Object> params, String relation) {
        Map<String, String> slots = new LinkedHashMap<>();
        var fact = t.family().fact();
        slots.put("fact", relation);
        slots.put("date", t.family().date());
        slots.put("county_column", fact.dimensionColumn("county").orElseThrow());
        slots.put("measure", t.family().measureSql());
        slots.put("day_counts", t.medianDays().isPresent() ? "histogram(days)" : "NULL");
        slots.put("days_column", t.medianDays().map(d -> ", " + fact.daysExpression(d).orElseThrow() + " AS days").orElse(""));
        StringBuilder columns = new StringBuilder();
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < t.splits().size(); i++) {
            String split = t.splits().get(i);
            String column = fact.dimensionColumn(split).orElseThrow(() -> new IllegalStateException(
                    "Cannot compute release table " + t.id() + ": the fact has no dimension " + split));
            columns.append(", coalesce(CAST(").append(column).append(" AS VARCHAR), '").append(Criteria.NOT_RECORDED).append("') AS s").append(i);
            select.append(", s").append(i);
        }
        slots.put("split_columns", columns.toString());
        slots.put("split_select", select.toString());
        List<String> where = new ArrayList<>();
        where.add("TRUE");
        for (Map.Entry<String, SortedSet<String>> d : t.criteria().dimensions().entrySet()) {
            String column = fact.dimensionColumn(d.getKey()).orElseThrow();
            List<String> values = d.getValue().stream().filter(v -> !v.equals(Criteria.NOT_RECORDED)).toList();
            String test = values.isEmpty() ? "FALSE" : column + " IN (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")";
            params.addAll(values);
            where.add(d.getValue().contains(Criteria.NOT_RECORDED) ? "(" + test + " OR " + column + " IS NULL)" : test);
        }
        for (String flag : t.criteria().flags()) {
            where.add(plan.flag(flag).sql(params));
        }
        slots.put("where", String.join(" AND ", where));
        return slots;
    }

    private static List<String> splitValues(ResultSet rs, ReleaseTable t) throws SQLException {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < t.splits().size(); i++) {
            values.add(rs.getString("s" + i));
        }
        return values;
    }

    private static DayCounts days(ResultSet rs) throws SQLException {
        Object counts = rs.getObject("day_counts");
        if (counts == null || counts instanceof Map<?, ?>) {
            return DayCounts.of((Map<?, ?>) counts);
        }
        // A driver that gave the histogram as something else would otherwise leave every median blank.
        throw new IllegalStateException("Cannot read a cell's day counts: DuckDB gave a " + counts.getClass().getSimpleName());
    }

    private static void bind(PreparedStatement p, int offset, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            p.setObject(offset + i + 1, params.get(i));
        }
    }
}
