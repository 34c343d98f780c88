package al.antitrafficking.warehouse.indicator;

/** What an indicator's value is. */
public enum Unit {
    COUNT,
    PERCENT,
    RATE_PER_100K_RESIDENTS,
    /** Needs a child population by county, which conf does not hold yet: values are reported as missing. */
    RATE_PER_10K_CHILDREN,
    /** Like {@link #RATE_PER_10K_CHILDREN}, per 100,000 children (DOMAIN.md's unit for child victims of trafficking). */
    RATE_PER_100K_CHILDREN,
    MEDIAN_DAYS
}
