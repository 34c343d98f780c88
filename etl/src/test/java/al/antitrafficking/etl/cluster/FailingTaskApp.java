package al.antitrafficking.etl.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.udf;

import al.antitrafficking.etl.ingest.SparkSessions;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.progress.FailureText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * Submitted by {@link ClusterJobIT} to its cluster beside the job: a session made as the job makes its own, then tasks
 * that each fail with an exception quoting a value of their row, {@link #MARKER} followed by the row's number, as an
 * engine's error would: first an error raised by an expression, then a Java function that throws. Prints for each
 * whether the job failed, after how many failed tasks, and of its error only what the ETL would print.
 */
public final class FailingTaskApp {
    /** Stands for a value of a regional file: it must appear in no log of the cluster. */
    static final String MARKER = "ROWVALUE-7f3c1a";

    private FailingTaskApp() {}

    public static void main(String[] args) throws java.util.concurrent.TimeoutException {
        SparkSession spark = SparkSessions.create(AppConfig.fromArgs(args));
        // Counts the tasks that ended failing (their reasons are not read): the failures below must come from the tasks.
        AtomicInteger failedTasks = new AtomicInteger();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() instanceof ExceptionFailure) {
                    failedTasks.incrementAndGet();
                }
            }
        });
        // An error raised by an expression, and a function that throws (Spark wraps it in SparkException, checked).
        UDF1<Long, String> reading = id -> {
            throw new IllegalArgumentException("cannot read " + MARKER + "-" + id);
        };
        Map<String, Dataset<Row>> failing = new LinkedHashMap<>();
        failing.put("raised error", spark.range(0, 8, 1, 2).select(raise_error(concat(lit("cannot read " + MARKER + "-"), col("id").cast("string")))));
        failing.put("failing function", spark.range(0, 8, 1, 2).select(udf(reading, DataTypes.StringType).apply(col("id"))));
        try {
            for (Map.Entry<String, Dataset<Row>> f : failing.entrySet()) {
                int before = failedTasks.get();
                try {
                    f.getValue().collectAsList();
                    System.out.println(f.getKey() + ": the tasks did not fail");
                } catch (Exception e) {
                    spark.sparkContext().listenerBus().waitUntilEmpty();
                    System.out.println(f.getKey() + ": the job failed as expected after " + (failedTasks.get() - before) + " failed tasks: "
                            + FailureText.of(e));
                }
            }
        } finally {
            spark.stop();
        }
    }
}
