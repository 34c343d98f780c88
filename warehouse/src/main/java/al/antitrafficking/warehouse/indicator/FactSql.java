package al.antitrafficking.warehouse.indicator;

import al.antitrafficking.warehouse.build.SqlResource;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SQL that answers a checked query from the facts ({@code indicator_facts.sql}, or
 * {@code indicator_share_of_children.sql} for a share of distinct children), its slots filled from the catalogue's
 * allow-listed columns and its values added to the parameters in order. Columns: period, g1, g2, main (a count, a
 * percent's denominator, a median's observations), second (a percent's numerator), median.
 */
public final class FactSql {
    private static final String FACTS = SqlResource.load(FactSql.class, "indicator_facts.sql");
    private static final String SHARE = SqlResource.load(FactSql.class, "indicator_share_of_children.sql");

    private FactSql() {}

    public static String of(IndicatorQuery q, Indicator indicator, List<Object> params) {
        FactTable fact = indicator.fact();
        Map<String, String> slots = new LinkedHashMap<>();
        List<Object> before = new ArrayList<>();
        if (q.periodType() == PeriodType.RANGE) {
            before.add(q.periodType().label(q.from(), q.from(), q.to()));
        }
        slots.put("period_label", q.periodType() == PeriodType.RANGE ? "period" : q.periodType().sql("period"));
        slots.put("period_start", q.periodType().truncated(indicator.date()));
        StringBuilder groups = new StringBuilder();
        StringBuilder columns = new StringBuilder();
        for (int g = 0; g < q.groupBy().size(); g++) {
            groups.append(", g").append(g + 1);
            columns.append(", ").append(fact.dimensionColumn(q.groupBy().get(g)).orElseThrow()).append(" AS g").append(g + 1);
        }
        slots.put("groups", groups.toString());
        slots.put("group_columns", columns.toString());
        slots.put("fact", fact.table());
        boolean share = indicator.unit() == Unit.PERCENT && indicator.measure() == Indicator.Measure.DISTINCT_CHILDREN && !fact.oneRowPerChild();
        List<Object> inner = new ArrayList<>();
        if (share) {
            slots.put("numerator", conjunction(indicator.numeratorWhere(), inner));
        } else {
            slots.put("measures", measures(indicator, inner));
        }
        slots.put("where", where(indicator, inner, q.from(), q.to(), q.filters()));
        params.addAll(before);
        params.addAll(inner);
        return SqlResource.fill(share ? SHARE : FACTS, slots);
    }

    /** The measure columns: main, second and median. */
    private static String measures(Indicator indicator, List<Object> params) {
        FactTable fact = indicator.fact();
        // A fact with one row per child (the pathway) counts its children by counting rows.
        String measure = indicator.measure() == Indicator.Measure.DISTINCT_CHILDREN && !fact.oneRowPerChild()
                ? "count(DISTINCT child_pseudonym)" : "count(*)";
        return switch (indicator.unit()) {
            case PERCENT -> measure + " AS main, " + measure + " FILTER (WHERE " + conjunction(indicator.numeratorWhere(), params)
                    + ") AS second, NULL::DOUBLE AS median";
            case MEDIAN_DAYS -> {
                String days = fact.daysExpression(indicator.days().orElseThrow()).orElseThrow();
                yield "count(" + days + ") AS main, 0 AS second, median(" + days + ") AS median";
            }
            default -> measure + " AS main, 0 AS second, NULL::DOUBLE AS median";
        };
    }

    private static String conjunction(List<Condition> conditions, List<Object> params) {
        List<String> sql = new ArrayList<>();
        for (Condition c : conditions) {
            sql.add(c.sql(params));
        }
        return String.join(" AND ", sql);
    }

    /** The date present and in the months asked, the indicator's own conditions, the caller's filters. */
    private static String where(Indicator indicator, List<Object> params, YearMonth from, YearMonth to, Map<String, List<String>> filters) {
        List<String> where = new ArrayList<>();
        where.add(indicator.date() + " BETWEEN ? AND ?");
        params.add(from.atDay(1));
        params.add(to.atEndOfMonth());
        for (Condition c : indicator.where()) {
            where.add(c.sql(params));
        }
        for (Map.Entry<String, List<String>> f : new TreeMap<>(filters).entrySet()) {
            where.add(new Condition(indicator.fact().dimensionColumn(f.getKey()).orElseThrow(), Condition.Test.IN,
                    List.copyOf(f.getValue())).sql(params));
        }
        return String.join(" AND ", where);
    }
}
