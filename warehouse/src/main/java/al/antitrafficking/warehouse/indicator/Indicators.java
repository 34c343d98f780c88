package al.antitrafficking.warehouse.indicator;

/** The query layer as callers see it: the catalogue, and one call that answers any catalogue indicator. */
public interface Indicators {
    Catalogue catalogue();

    /** Runs the query; a name outside the catalogue is a {@link QueryRefusedException}. */
    IndicatorResult run(IndicatorQuery query);

    /** Expected against received submissions, on time or late, and rows quarantined by rule, for the months from..to. */
    Completeness.Report completeness(java.time.YearMonth from, java.time.YearMonth to);

    /** The path of children first met by {@code start} in from..to (and a county), between mechanisms. */
    default Convergence.Flow convergence(String start, java.time.YearMonth from, java.time.YearMonth to, java.util.Optional<String> county) {
        throw new UnsupportedOperationException("This query layer draws no pathway");
    }
}
