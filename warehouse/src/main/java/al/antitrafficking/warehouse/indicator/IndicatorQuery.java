package al.antitrafficking.warehouse.indicator;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * One call of the query layer: an indicator over the months from..to, cut by period type, filtered by
 * dimension values and grouped by up to two dimensions. Names are checked against the catalogue; values
 * only ever reach SQL as bound parameters.
 */
public record IndicatorQuery(String indicator, YearMonth from, YearMonth to, PeriodType periodType,
                             Map<String, List<String>> filters, List<String> groupBy, Audience audience) {
    public IndicatorQuery {
        requireNonNull(indicator, "indicator is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(periodType, "periodType is null");
        filters = Map.copyOf(filters);
        groupBy = List.copyOf(groupBy);
        requireNonNull(audience, "audience is null");
    }

    public static IndicatorQuery of(String indicator, YearMonth from, YearMonth to, PeriodType type) {
        return new IndicatorQuery(indicator, from, to, type, Map.of(), List.of(), Audience.PUBLIC);
    }

    public IndicatorQuery groupedBy(String... dimensions) {
        return new IndicatorQuery(indicator, from, to, periodType, filters, List.of(dimensions), audience);
    }

    public IndicatorQuery filtered(String dimension, String... values) {
        Map<String, List<String>> f = new java.util.HashMap<>(filters);
        f.put(dimension, List.of(values));
        return new IndicatorQuery(indicator, from, to, periodType, f, groupBy, audience);
    }

    public IndicatorQuery forAudience(Audience a) {
        return new IndicatorQuery(indicator, from, to, periodType, filters, groupBy, a);
    }
}
