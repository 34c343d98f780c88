package al.antitrafficking.warehouse.query;

import java.time.YearMonth;

/**
 * The national coordinator's overview, as the portal asks for it. Every count in every answer has
 * passed disclosure control: callers never see a raw small count.
 */
public interface OverviewQueries {
    /** The published snapshot the answers come from. */
    SnapshotSummary snapshot();

    /** Distinct children encountered by the Border Police, per month; months with no Border Police file are NOT_REPORTED. */
    MonthlyTrend childrenEncounteredMonthly();

    /** Distinct child victims of trafficking (under 18) per month of NRM identification, one series per status. */
    MonthlyTrend childVictimsMonthly();

    /** Distinct children encountered by the Border Police per county, over the months from..to inclusive. */
    CountyBreakdown childrenEncounteredByCounty(YearMonth from, YearMonth to);
}
