package al.antitrafficking.warehouse.query;

import java.util.Set;

/**
 * Monthly trends of an indicator in one county, such as the effect view of a forum action shows. Counts
 * pass disclosure control. Implemented over the query layer by {@code CatalogueTrends}.
 */
public interface IndicatorTrends {
    /** The indicator ids with a monthly trend per county. */
    Set<String> trendIndicators();

    /** One series ("all") per month of the snapshot; an unknown indicator or county is an IllegalArgumentException. */
    MonthlyTrend countyMonthly(String indicator, String countyCode);
}
