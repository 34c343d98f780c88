package al.antitrafficking.etl.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Spark's scratch folder for one ETL run ({@code spark.local.dir}): where it may spill rows to disk, rows of a
 * file the PII guard then refuses among them. It lives beside the warehouse, readable by its owner only, and is
 * deleted when the run ends; folders a crashed run left behind are deleted when the next run starts.
 */
final class SparkScratch {
    static final String FOLDER = ".spark-scratch";

    private SparkScratch() {}

    /** A new, owner-only scratch folder for this run, after deleting any a previous run left behind. */
    static Path create(Path warehouseDir) {
        Path root = warehouseDir.resolve(FOLDER);
        try {
            if (Files.isDirectory(root)) {
                try (Stream<Path> stale = Files.list(root)) {
                    stale.forEach(SparkScratch::delete);
                }
            }
            Files.createDirectories(root);
            return Files.createDirectory(root.resolve(UUID.randomUUID().toString()),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Spark's scratch folder in " + root, e);
        }
    }

    /** Deletes a scratch folder and everything in it. */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete Spark's scratch folder " + dir, e);
        }
    }
}
