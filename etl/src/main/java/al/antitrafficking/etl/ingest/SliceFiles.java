package al.antitrafficking.etl.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a slice (source × county × month) lives in a snapshot, and carrying a slice over from the previous
 * snapshot by hard links: the files are shared, never rewritten, so snapshots stay immutable and an
 * unchanged slice costs nothing to keep. Where hard links are not possible, the files are copied.
 */
final class SliceFiles {
    private SliceFiles() {}

    /** The fact table partition of a slice. */
    static Path factPartition(Path snapshotDir, Landed file) {
        return snapshotDir.resolve(file.source().table()).resolve("year=" + file.month().getYear())
                .resolve("county_code=" + file.countyCode()).resolve("submission_month=" + file.month());
    }

    /** The quarantine partition of a slice. */
    static Path quarantinePartition(Path snapshotDir, Landed file) {
        return snapshotDir.resolve("quarantine").resolve("source=" + file.source().code())
                .resolve("county_code=" + file.countyCode()).resolve("submission_month=" + file.month());
    }

    /** Links (or copies) every file of a slice's partitions from the previous snapshot into the new one. */
    static void carryOver(Path previousDir, Path stagingDir, Landed file) {
        link(factPartition(previousDir, file), factPartition(stagingDir, file));
        link(quarantinePartition(previousDir, file), quarantinePartition(stagingDir, file));
    }

    private static void link(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.list(from)) {
            List<Path> parquet = files.filter(Files::isRegularFile).toList();
            if (parquet.isEmpty()) {
                return;
            }
            Files.createDirectories(to);
            for (Path f : parquet) {
                Path target = to.resolve(f.getFileName());
                try {
                    Files.createLink(target, f);
                } catch (FileSystemException | UnsupportedOperationException e) {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot carry over " + from, e);
        }
    }

    static boolean hasParquet(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + dir, e);
        }
    }
}
