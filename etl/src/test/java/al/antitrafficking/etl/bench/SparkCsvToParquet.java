package al.antitrafficking.etl.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_extract;

import al.antitrafficking.etl.ingest.SparkSessions;
import al.antitrafficking.warehouse.config.AppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmark (not a test): Spark's own CSV to Parquet conversion of the regional files, with the ETL's session (the same
 * settings, {@code local[2]}) and nothing else: the floor of any Spark ingestion on this machine, beside DuckDB's
 * ({@code DuckDbCsvToParquet}, the same work). {@code java @conf/jvm/spark-java17.args -cp ... SparkCsvToParquet
 * INCOMING_DIR OUT_DIR}. One read per source (every column as text, the file's name kept), partitioned by county like
 * DuckDB's; no validation, guard or re-keying. Prints the seconds with and without the session's start.
 */
public final class SparkCsvToParquet {
    private SparkCsvToParquet() {}

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        long rows = 0;
        try (SparkSession spark = SparkSessions.create(AppConfig.fromArgs())) {
            long ready = System.nanoTime();
            for (String source : new String[] {"border", "cpu", "nrm", "services"}) {
                String target = SparkSessions.uri(out.resolve(source));
                spark.read().option("header", "true").csv(SparkSessions.uri(in) + "/" + source + "_*.csv")
                        .withColumn("county_code", regexp_extract(col("_metadata.file_name"), "_(AL-[0-9]{2})_", 1))
                        .write().mode(SaveMode.ErrorIfExists).partitionBy("county_code").parquet(target);
                rows += spark.read().parquet(target).count();
            }
            double seconds = (System.nanoTime() - ready) / 1e9;
            double total = (System.nanoTime() - started) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "Spark CSV to Parquet: %,d rows in %.1f s = %,.0f rows/s (%.1f s with the session's start)%n",
                    rows, seconds, rows / seconds, total);
        }
    }
}
