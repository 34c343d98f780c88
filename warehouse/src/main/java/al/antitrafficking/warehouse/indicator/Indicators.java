package al.antitrafficking.warehouse.indicator;

/** The query layer as callers see it: the catalogue, and one call that answers any catalogue indicator. */
public interface Indicators {
    Catalogue catalogue();

    /** Runs the query; a name outside the catalogue is a {@link QueryRefusedException}. */
    IndicatorResult run(IndicatorQuery query);

    /** Expected against received submissions, on time or late, and rows quarantined by rule, for the months from..to. */
    Completeness.Report completeness(java.time.YearMonth from, java.time.YearMonth to);
}
