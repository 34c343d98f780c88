package al.antitrafficking.warehouse.snapshot;

import java.util.Locale;

/**
 * The tables of a snapshot, each a folder of Parquet files written by the ETL. This enum is the
 * allow-list of table names that SQL may be built with.
 */
public enum WarehouseTable {
    /** One row per encounter of the Border Police with a child; partitioned by year and county_code. */
    FACT_BORDER_ENCOUNTER(true),
    /** One row per Child Protection Unit case; partitioned by year and county_code. */
    FACT_CPU_CASE(true),
    /** One row per NRM identification of a (potential) victim; partitioned by year and county_code. */
    FACT_NRM_IDENTIFICATION(true),
    /** One row per service given to a child; partitioned by year and county_code. */
    FACT_SERVICE(true),
    DIM_COUNTY(false),
    DIM_MUNICIPALITY(false),
    DIM_CROSSING(false),
    /** One row per regional file seen by the run: accepted, nil return or rejected, with row counts. */
    INGEST_FILE(false),
    /** One row per row kept out of the facts: file, record id, field and rule, never the value. */
    QUARANTINE(false);

    private final boolean partitioned;

    WarehouseTable(boolean partitioned) {
        this.partitioned = partitioned;
    }

    public String folder() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean partitioned() {
        return partitioned;
    }
}
