package al.antitrafficking.etl.ingest;

import java.nio.file.Path;
import java.util.UUID;

/**
 * Spark's scratch folder for one ETL run ({@code spark.local.dir}): where it may spill rows to disk. It is a
 * {@link RunFolder} beside the warehouse: owner-only, deleted when the run ends; folders of runs that died are
 * deleted when the next run starts, and a living run's folder is never touched.
 */
final class SparkScratch {
    static final String FOLDER = ".spark-scratch";

    private SparkScratch() {}

    /** A new, owner-only scratch folder for this run, after deleting those of runs that died. */
    static RunFolder create(Path warehouseDir) {
        Path root = warehouseDir.resolve(FOLDER);
        RunFolder.deleteAbandoned(root);
        return RunFolder.create(root, UUID.randomUUID().toString());
    }
}
