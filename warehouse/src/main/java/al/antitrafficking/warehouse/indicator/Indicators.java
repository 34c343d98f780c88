package al.antitrafficking.warehouse.indicator;

/** The query layer as callers see it: the catalogue, and one call that answers any catalogue indicator. */
public interface Indicators {
    Catalogue catalogue();

    /** Runs the query; a name outside the catalogue is a {@link QueryRefusedException}. */
    IndicatorResult run(IndicatorQuery query);
}
