package al.antitrafficking.etl.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;

import al.antitrafficking.etl.ingest.IngestCommand;
import al.antitrafficking.etl.ingest.SparkSessions;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.progress.FailureText;
import org.apache.spark.sql.SparkSession;

/**
 * Submitted by {@link ClusterJobIT} to its cluster beside the job: a session made as the job makes its own, then tasks
 * that each fail with an exception quoting a value of their row, {@link #MARKER} followed by the row's number, as an
 * engine's error would. Prints whether the job failed, and of its error only what the ETL would print.
 */
public final class FailingTaskApp {
    /** Stands for a value of a regional file: it must appear in no log of the cluster. */
    static final String MARKER = "ROWVALUE-7f3c1a";

    private FailingTaskApp() {}

    public static void main(String[] args) {
        SparkSession spark = SparkSessions.create(AppConfig.fromArgs(args));
        try {
            spark.range(0, 8, 1, 2).select(raise_error(concat(lit("cannot read " + MARKER + "-"), col("id").cast("string")))).collectAsList();
            System.out.println("the tasks did not fail");
        } catch (RuntimeException e) {
            System.out.println("the job failed as expected: " + FailureText.of(e));
        } finally {
            spark.stop();
        }
    }
}
