package al.antitrafficking.warehouse.indicator;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Checks a query against the catalogue before anything runs: a known indicator, months in order and at most twenty
 * years apart, at most two different group-by dimensions, and only the indicator's own dimensions as groups and
 * filters. Names are never put into SQL unless they pass here and are then mapped through {@link FactTable}.
 */
public final class QueryCheck {
    static final int MAX_GROUPS = 2;
    private static final int MAX_FILTER_VALUES = 100;
    private static final int MAX_MONTHS = 20 * 12;

    private QueryCheck() {}

    /** The indicator the query asks for, once the query is known to be well-formed. */
    public static Indicator check(Catalogue catalogue, IndicatorQuery q) {
        Indicator indicator = catalogue.find(q.indicator()).orElseThrow(() -> new QueryRefusedException(
                "Cannot query: unknown indicator; see /api/v1/indicators for the catalogue"));
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
        return indicator;
    }
}
