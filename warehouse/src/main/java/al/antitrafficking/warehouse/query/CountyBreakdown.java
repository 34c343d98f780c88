package al.antitrafficking.warehouse.query;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One indicator by county over the months from..to inclusive; counties in ISO code order. */
public record CountyBreakdown(String indicator, String from, String to, List<CountyFigure> counties, int suppressionThreshold) {
    public CountyBreakdown {
        requireNonNull(indicator, "indicator is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        counties = List.copyOf(counties);
    }
}
