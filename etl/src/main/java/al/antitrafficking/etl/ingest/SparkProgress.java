package al.antitrafficking.etl.ingest;

import al.antitrafficking.warehouse.progress.Progress;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/** Spark's tasks as the progress detail of the stage that runs them: which source, which Spark stage, tasks done of all. */
final class SparkProgress extends SparkListener implements AutoCloseable {
    private final SparkSession spark;
    private final java.util.Map<Integer, int[]> stages = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger stage = new AtomicInteger(-1);
    private volatile String now = "";

    private SparkProgress(SparkSession spark) {
        this.spark = spark;
    }

    static SparkProgress on(SparkSession spark) {
        SparkProgress p = new SparkProgress(spark);
        spark.sparkContext().addSparkListener(p);
        return p;
    }

    /** What the driver is on now (a source and its files). */
    void now(String what) {
        now = what;
        Progress.detail(what);
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        int id = submitted.stageInfo().stageId();
        stages.put(id, new int[] {submitted.stageInfo().numTasks(), 0});
        stage.set(id);
        show();
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        int[] counts = stages.get(end.stageId());
        if (counts != null) {
            synchronized (counts) {
                counts[1]++;
            }
        }
        show();
    }

    private void show() {
        int id = stage.get();
        int[] counts = stages.get(id);
        if (counts != null) {
            Progress.detail(now + ": Spark stage " + id + ", " + counts[1] + " of " + counts[0] + " tasks");
        }
    }

    @Override
    public void close() {
        spark.sparkContext().removeSparkListener(this);
    }
}
