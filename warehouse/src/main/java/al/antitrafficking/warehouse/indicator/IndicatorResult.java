package al.antitrafficking.warehouse.indicator;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The typed answer of the query layer: one row per group and period, and whom it may be shown to. */
public record IndicatorResult(String indicator, Unit unit, PeriodType periodType, List<String> groupBy, List<ResultRow> rows,
                              int suppressionThreshold, Audience audience, String snapshot) {
    public IndicatorResult {
        requireNonNull(indicator, "indicator is null");
        groupBy = List.copyOf(groupBy);
        rows = List.copyOf(rows);
    }

    /** This result, if it may be published; an internal (unsuppressed) result never may. */
    public IndicatorResult requirePublishable() {
        if (audience != Audience.PUBLIC) {
            throw new IllegalStateException("Cannot publish " + indicator + ": the figures were not passed through disclosure control");
        }
        return this;
    }
}
