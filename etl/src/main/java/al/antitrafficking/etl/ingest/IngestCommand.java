package al.antitrafficking.etl.ingest;

import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.progress.FailureText;
import org.apache.spark.sql.SparkSession;

/**
 * Command: ingests the incoming folder into a new committed warehouse snapshot and prints the ingestion
 * report. Arguments are configuration overrides ({@link AppConfig}). Exit code 1 when the run fails; a
 * rejected file does not fail the run, it is reported.
 */
public final class IngestCommand {
    private IngestCommand() {}

    public static void main(String[] args) {
        AppConfig config;
        try {
            config = AppConfig.fromArgs(args);
        } catch (RuntimeException e) {
            System.err.println("ETL failed: " + FailureText.of(e));
            System.exit(1);
            return;
        }
        long started = System.nanoTime();
        al.antitrafficking.warehouse.progress.Progress.start("etl", System.out, java.time.Duration.ofSeconds(5));
        al.antitrafficking.warehouse.progress.Progress.stage("starting Spark (" + SparkSessions.master(config) + ")", 0, "");
        // Spark may spill rows to disk, rows of a file the PII guard refuses among them: its scratch folder is this
        // run's own and is deleted however the run ends.
        RunFolder scratch = SparkScratch.create(config.warehouseDir());
        SparkSession spark;
        try {
            spark = SparkSessions.create(config, scratch.dir());
        } catch (Exception e) {
            scratch.close();
            System.err.println("ETL failed, no snapshot written: " + FailureText.of(e));
            System.exit(1);
            return;
        }
        int exit = 0;
        try {
            IngestReport report = IngestJob.fromConfig(spark, config).run(config.incomingDir());
            al.antitrafficking.warehouse.progress.Progress.stop();
            System.out.print(report.summary());
            System.out.printf("ETL done in %.1f s including Spark start-up (Spark master %s)%n", (System.nanoTime() - started) / 1e9,
                    SparkSessions.master(config));
        } catch (Exception e) {
            // Spark's SparkException is checked, though no Java signature says so: caught here too, never printed whole.
            System.err.println("ETL failed, no snapshot written: " + FailureText.of(e));
            exit = 1;
        } finally {
            al.antitrafficking.warehouse.progress.Progress.stop();
            spark.stop();
            scratch.close();
        }
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
