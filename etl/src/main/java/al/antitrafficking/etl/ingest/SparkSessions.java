package al.antitrafficking.etl.ingest;

import al.antitrafficking.warehouse.config.AppConfig;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of the ETL. The master comes from {@code etl.spark-master} (local[2] by default; spark://, yarn or
 * k8s:// on a cluster); the address executors reach the driver at from {@code etl.driver-host} and the address it
 * listens on from {@code etl.driver-bind-address}, both 127.0.0.1 by default (left alone Spark listens on the
 * machine's outside address); the UI is off unless {@code etl.spark-ui} turns it on. Under {@code spark-submit}, what
 * its command line sets ({@code --master}, {@code --conf spark.driver.host=...}) wins over the configuration file, but
 * for the settings that would keep failed tasks' reasons ({@link #RECORDERS}, the event log, the UI).
 */
public final class SparkSessions {
    private SparkSessions() {}

    /**
     * A folder or file as Spark should be given it: a {@code file:} URI. A bare path would be taken on the cluster's
     * default file system (HDFS on many clusters), not the storage the configuration names.
     */
    public static String uri(java.nio.file.Path path) {
        // Hadoop's own spelling (file:/srv/nrm warehouse): Spark parses a path string without decoding it, so Java's
        // percent-encoded URI (file:///srv/nrm%20warehouse/) would name a folder called "nrm%20warehouse".
        return new org.apache.hadoop.fs.Path(path.toAbsolutePath().normalize().toUri()).toString();
    }

    /** The master a new session will use: spark-submit's {@code --master} when submitted, else {@code etl.spark-master}. */
    public static String master(AppConfig config) {
        return new org.apache.spark.SparkConf().get("spark.master", config.sparkMaster());
    }

    /**
     * Settings under which Spark would keep or hand on a failed task's reason (its exception's message, which may quote a
     * row) beyond this run's memory: the live UI's store on disk, listeners of the cluster's or the submitter's.
     */
    static final List<String> RECORDERS = List.of("spark.ui.store.path", "spark.extraListeners",
            "spark.sql.queryExecutionListeners", "spark.sql.streaming.streamingQueryListeners");

    /**
     * Stops before a session starts when Spark is set to keep failed tasks' reasons ({@link #RECORDERS}), or to load a plugin
     * other than the job's own ({@code spark.plugins}: a plugin gets the driver's context, and can listen as a listener does).
     */
    static void refuseRecorders(org.apache.spark.SparkConf submitted) {
        // Spark loads the plugins of spark.plugins.defaultList (a platform's) before those of spark.plugins.
        for (String key : List.of("spark.plugins.defaultList", "spark.plugins")) {
            for (String plugin : submitted.get(key, "").split(",")) {
                if (!plugin.isBlank() && !plugin.strip().equals(QuietLoggers.class.getName())) {
                    throw new IllegalStateException("Cannot start Spark: " + key + " names " + plugin.strip() + " (by spark-submit or "
                            + "the cluster's spark-defaults.conf); a plugin could keep or pass on failed tasks' reasons, which can quote "
                            + "a row of a file. Unset it for this job");
                }
            }
        }
        for (String key : RECORDERS) {
            if (!submitted.get(key, "").isBlank()) {
                throw new IllegalStateException("Cannot start Spark: " + key + " is set (by spark-submit or the cluster's "
                        + "spark-defaults.conf); it would keep or pass on failed tasks' reasons, which can quote a row of a file. "
                        + "Unset it for this job");
            }
        }
    }

    /**
     * Whether a master runs its executors in this JVM: local mode ({@code local}, {@code local[N]}, {@code local[N,F]}),
     * not {@code local-cluster[...]}, whose executors are JVMs of their own with their own logging.
     */
    static boolean executorsInThisJvm(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    public static SparkSession create(AppConfig config) {
        return create(config, null);
    }

    /** A session whose scratch files ({@code spark.local.dir}) go to {@code scratch} when given (see {@link SparkScratch}). */
    static SparkSession create(AppConfig config, java.nio.file.Path scratch) {
        SparkSession.Builder builder = SparkSession.builder();
        if (scratch != null) {
            builder.config("spark.local.dir", scratch.toString());
        }
        // spark-submit passes its settings as system properties, which a new SparkConf reads.
        org.apache.spark.SparkConf submitted = new org.apache.spark.SparkConf();
        if (!submitted.contains("spark.master")) {
            builder.master(config.sparkMaster());
        }
        // A cluster's executors log as their node's Spark is set up to, which the job cannot choose: each makes its logging
        // no more talkative than the job's when it starts, before its first task (in local mode the executor is this JVM,
        // quieted below too). The job's logging file is read first, so that a job without it stops before it starts.
        QuietLoggers.levels();
        // In local mode the executor is this JVM, whose logging is the application's that runs the job: a process that
        // logs through another implementation than Log4j 2 (the portal's tests, through SLF4J) keeps its own, as before.
        boolean quiet = !executorsInThisJvm(submitted.get("spark.master", config.sparkMaster())) || QuietLoggers.logsThroughLog4j();
        // No other plugin is let in (refuseRecorders), so the job's is the whole list.
        refuseRecorders(submitted);
        if (quiet) {
            builder.config("spark.plugins", QuietLoggers.class.getName());
        }
        // The event log keeps every failed task's reason, its exception's message included, which may quote a row: never,
        // whatever a cluster's spark-defaults.conf says.
        builder.config("spark.eventLog.enabled", "false");
        if (!submitted.contains("spark.driver.host")) {
            builder.config("spark.driver.host", config.sparkDriverHost());
        }
        // Unset, Spark listens on the driver host that won (configured, or spark-submit's --conf spark.driver.host).
        if (!submitted.contains("spark.driver.bindAddress") && !config.sparkDriverBindAddress().isEmpty()) {
            builder.config("spark.driver.bindAddress", config.sparkDriverBindAddress());
        }
        // The UI shows every failed task's reason to whoever reaches its port: on only when this job's configuration
        // says so (etl.spark-ui), not because a cluster's spark-defaults.conf turns every application's on.
        builder.config("spark.ui.enabled", config.sparkUi());
        if (!submitted.contains("spark.sql.sources.parallelPartitionDiscovery.threshold")) {
            // The files a source reads are listed on the driver: a job of one task per file (by default past 32 paths)
            // made every task read the Hadoop settings again, 25 s of the 122 s Spark took on 1M rows.
            builder.config("spark.sql.sources.parallelPartitionDiscovery.threshold", "1000000");
        }
        if (!submitted.contains("spark.executor.defaultJavaOptions")) {
            // The conform stage's generated methods are larger than the 8,000 bytes past which HotSpot leaves a method
            // in its interpreter: 40 % of the executors' samples at 10M rows ran interpreted, and compiling them took
            // Spark's part from 229 s to 146 s. Local mode runs in this JVM (conf/jvm/spark-java17.args carries the
            // flag); a cluster's executors get it here, before any extraJavaOptions of the submitter's.
            builder.config("spark.executor.defaultJavaOptions", "-XX:-DontCompileHugeMethods");
        }
        SparkSession session = builder
                .appName("nrm-warehouse-etl")
                .config("spark.sql.session.timeZone", "UTC")
                // Small shuffles: the work is split by source x county, not by big joins.
                .config("spark.sql.shuffle.partitions", "8")
                // Invalid values are caught by explicit rules first; parsing must give null, not throw.
                .config("spark.sql.ansi.enabled", "false")
                // Spark 4's upper and lower go through ICU by default, whose first use builds a table over every code
                // point (3-6 s of one executor) and whose mapping is slower per value; the JVM's mapping is the same for
                // the codes compared here (ASCII): 65.7 s -> 57.9 s of Spark at 1M rows, the facts row for row the same.
                .config("spark.sql.icu.caseMappings.enabled", "false")
                // The files with bad rows of a source with more of them than SourceLoad notes are cached and read by two
                // passes; compressing the cache put every batch's 64-bit keys through a boxed dictionary first, a tenth of
                // the executors' samples at 10M rows when every source was cached: Spark 146 s -> 132-134 s uncompressed.
                // Only one source's rows are cached at a time, spilled to disk past memory.
                .config("spark.sql.inMemoryColumnarStorage.compressed", "false")
                // Files are committed where they are written, not renamed one by one at job end: a run that fails
                // discards its whole staging snapshot, so the classic committer's extra safety buys nothing here.
                .config("spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version", "2")
                // Local files without Hadoop's .crc sidecars: half the file operations, and no stray files in snapshots.
                // ... and permissions set through Java: Hadoop without its native library forks chmod for every file it writes.
                .config("spark.hadoop.fs.file.impl", LocalFileSystem.class.getName())
                .config("spark.hadoop.fs.file.impl.disable.cache", "true")
                .getOrCreate();
        // Whatever logging this JVM started with, the scheduler never logs a failed task's exception. Only now, before
        // the first job: under spark-submit Spark sets its default logging up again when the session starts, which would
        // undo it (and a later set-up again is caught by QuietLoggers itself).
        try {
            if (quiet) {
                QuietLoggers.apply();
            }
        } catch (RuntimeException e) {
            session.stop();
            throw e;
        }
        return session;
    }
}
