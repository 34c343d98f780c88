package al.antitrafficking.etl.ingest;

import al.antitrafficking.warehouse.config.AppConfig;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of the ETL. The master comes from {@code etl.spark-master} (local[2] by default, a
 * spark:// URL on a cluster). The driver binds to 127.0.0.1 and the UI is off unless configured: left
 * alone Spark listens on the machine's outside address.
 */
public final class SparkSessions {
    private SparkSessions() {}

    public static SparkSession create(AppConfig config) {
        return create(config, null);
    }

    /** A session whose scratch files ({@code spark.local.dir}) go to {@code scratch} when given (see {@link SparkScratch}). */
    static SparkSession create(AppConfig config, java.nio.file.Path scratch) {
        SparkSession.Builder builder = SparkSession.builder();
        if (scratch != null) {
            builder.config("spark.local.dir", scratch.toString());
        }
        return builder
                .appName("nrm-warehouse-etl")
                .master(config.sparkMaster())
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", config.sparkUi())
                .config("spark.sql.session.timeZone", "UTC")
                // Small shuffles: the work is split by source x county, not by big joins.
                .config("spark.sql.shuffle.partitions", "8")
                // Invalid values are caught by explicit rules first; parsing must give null, not throw.
                .config("spark.sql.ansi.enabled", "false")
                // Files are committed where they are written, not renamed one by one at job end: a run that fails
                // discards its whole staging snapshot, so the classic committer's extra safety buys nothing here.
                .config("spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version", "2")
                // Local files without Hadoop's .crc sidecars: half the file operations, and no stray files in snapshots.
                // ... and permissions set through Java: Hadoop without its native library forks chmod for every file it writes.
                .config("spark.hadoop.fs.file.impl", LocalFileSystem.class.getName())
                .config("spark.hadoop.fs.file.impl.disable.cache", "true")
                .getOrCreate();
    }
}
