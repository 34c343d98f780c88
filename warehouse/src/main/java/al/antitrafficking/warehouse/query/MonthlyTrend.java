package al.antitrafficking.warehouse.query;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A monthly trend of one indicator: one or more series over the same months; counts below the threshold are suppressed. */
public record MonthlyTrend(String indicator, List<Series> series, int suppressionThreshold) {
    public MonthlyTrend {
        requireNonNull(indicator, "indicator is null");
        series = List.copyOf(series);
    }
}
