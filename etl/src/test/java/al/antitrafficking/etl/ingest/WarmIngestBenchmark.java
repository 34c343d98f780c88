package al.antitrafficking.etl.ingest;

import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): the ETL as the ingestion service runs it, in a JVM whose Spark session and compiled code are
 * warm, beside DuckDB's bare copy of the same files. {@code java @conf/jvm/spark-java17.args -cp ...
 * al.antitrafficking.etl.ingest.WarmIngestBenchmark INCOMING_DIR KEY_FILE OUT_DIR [RUNS]}: one Spark session; the
 * service's own warm-up ({@link IngestService#warmUp}: a few hundred generated rows through the ETL and the build); then
 * RUNS (default 3) full runs of the ETL over INCOMING_DIR, each into a new warehouse under OUT_DIR (removed after), as a
 * service started over that folder (the first run) or processing every file again after a change of rules (the next)
 * would. When {@code DuckDbCsvToParquet} (the warehouse's test classes) is on the class path, its bare copy of the same
 * files runs before each run and after the last, in this JVM: each run's rate is then set against the mean of the rates
 * of the two copies beside it, which the machine's state moves as much as the code's (docs/benchmarks.md). The
 * {@code bin/ingest} command, started cold, also pays for its JVM's and Spark's start and for the JIT compiling while the
 * rows go through.
 */
public final class WarmIngestBenchmark {
    private static final String DUCKDB = "al.antitrafficking.warehouse.bench.DuckDbCsvToParquet";

    private WarmIngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path incoming = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[2]));
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        AppConfig config = AppConfig.fromArgs("--incoming.dir=" + incoming, "--warehouse.dir=" + out.resolve("warm-up"),
                "--etl.warehouse-key-file=" + args[1]);
        java.lang.reflect.Method duckdb = duckDbCopy();
        long started = System.nanoTime();
        try (RunFolder scratch = SparkScratch.create(config.warehouseDir())) {
            org.apache.spark.sql.SparkSession spark = SparkSessions.create(config, scratch.dir());
            try {
                long ready = System.nanoTime();
                new IngestService(spark, config, Duration.ofSeconds(1), Clock.systemUTC()).warmUp();
                long warm = System.nanoTime();
                System.out.printf(Locale.ROOT, "Spark session started in %.1f s; the service's warm-up took %.1f s%n",
                        (ready - started) / 1e9, (warm - ready) / 1e9);
                List<Double> copies = new ArrayList<>();
                List<Double> etl = new ArrayList<>();
                long rows = 0;
                for (int i = 1; i <= runs; i++) {
                    if (duckdb != null) {
                        copies.add(copy(duckdb, incoming, out.resolve("duckdb-" + i)));
                    }
                    Path warehouse = out.resolve("run-" + i);
                    long t = System.nanoTime();
                    Progress.start("etl", System.out, Duration.ofSeconds(30));
                    IngestReport report;
                    try {
                        report = IngestJob.fromConfig(spark, config.withWarehouseDir(warehouse)).run(incoming);
                    } finally {
                        Progress.stop();
                    }
                    double seconds = (System.nanoTime() - t) / 1e9;
                    RunFolder.deleteTree(warehouse);
                    etl.add(seconds);
                    rows = report.rowsIn();
                    System.out.printf(Locale.ROOT, "Warm ETL run %d: %,d rows in, %,d loaded, in %.1f s = %,.0f rows/s%n", i,
                            report.rowsIn(), report.rowsLoaded(), seconds, report.rowsIn() / seconds);
                }
                if (duckdb != null) {
                    copies.add(copy(duckdb, incoming, out.resolve("duckdb-" + (runs + 1))));
                    for (int i = 0; i < runs; i++) {
                        // Rates, not seconds, are averaged: the mean of the two copies' rows/s beside the run.
                        double duckRate = (rows / copies.get(i) + rows / copies.get(i + 1)) / 2;
                        System.out.printf(Locale.ROOT, "Warm ETL run %d against DuckDB's bare copy beside it (%.1f s and %.1f s): %.1f %%%n",
                                i + 1, copies.get(i), copies.get(i + 1), 100 * rows / etl.get(i) / duckRate);
                    }
                }
            } finally {
                spark.stop();
            }
        }
    }

    /** DuckDB's bare copy, when the warehouse's test classes are on the class path; else null. */
    private static java.lang.reflect.Method duckDbCopy() {
        try {
            return Class.forName(DUCKDB).getMethod("main", String[].class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            System.out.println("DuckDB's bare copy is not on the class path (warehouse/target/test-classes): the runs alone");
            return null;
        }
    }

    /** One bare copy by DuckDB into {@code target} (removed after), in seconds. */
    private static double copy(java.lang.reflect.Method duckdb, Path incoming, Path target) throws Exception {
        long t = System.nanoTime();
        duckdb.invoke(null, (Object) new String[] {incoming.toString(), target.toString()});
        double seconds = (System.nanoTime() - t) / 1e9;
        RunFolder.deleteTree(target);
        return seconds;
    }
}
