package al.antitrafficking.etl.ingest;

import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Where a file's rows live in a snapshot, and how they get there. A slice's facts are its own partition; its
 * quarantine partition may hold the rows of two files (a kept slice and its refused correction), so each file's
 * quarantine Parquet files carry its checksum as a prefix ({@link InputRecord#quarantinePrefix}). Carrying over
 * links the files of the previous snapshot (copies where links are not possible): snapshots stay immutable and an
 * unchanged slice costs nothing to keep.
 */
final class SliceFiles {
    private SliceFiles() {}

    static Path factPartition(Path snapshotDir, InputRecord r) {
        Source source = Source.fromCode(r.source()).orElseThrow();
        return snapshotDir.resolve(source.table()).resolve("year=" + r.month().substring(0, 4))
                .resolve("county_code=" + r.countyCode()).resolve("submission_month=" + r.month());
    }

    static Path quarantinePartition(Path snapshotDir, InputRecord r) {
        return snapshotDir.resolve(WarehouseTable.QUARANTINE.folder()).resolve("source=" + r.source())
                .resolve("county_code=" + r.countyCode()).resolve("submission_month=" + r.month());
    }

    /** Links a previous record's facts (when it holds its slice) and its quarantine files into the new snapshot. */
    static void carryOver(Path previousDir, Path stagingDir, InputRecord r, boolean facts) {
        if (facts) {
            link(factPartition(previousDir, r), factPartition(stagingDir, r), p -> true);
        }
        // Files from before checksum prefixes belong to the slice's holder.
        link(quarantinePartition(previousDir, r), quarantinePartition(stagingDir, r), p -> p.startsWith(r.quarantinePrefix())
                || facts && p.startsWith("part-"));
    }

    /** Moves what this run wrote for a file from its attempt folder into the snapshot. */
    static void place(Path attemptFacts, Path attemptQuarantine, Path stagingDir, InputRecord r) {
        if (attemptFacts != null) {
            Path from = attemptFacts.resolve("year=" + r.month().substring(0, 4)).resolve("county_code=" + r.countyCode())
                    .resolve("submission_month=" + r.month());
            move(from, factPartition(stagingDir, r), "");
        }
        if (attemptQuarantine != null) {
            Path from = attemptQuarantine.resolve("source=" + r.source()).resolve("county_code=" + r.countyCode())
                    .resolve("submission_month=" + r.month());
            move(from, quarantinePartition(stagingDir, r), r.quarantinePrefix());
        }
    }

    private static void move(Path from, Path to, String prefix) {
        for (Path f : parquet(from, p -> true)) {
            try {
                Files.createDirectories(to);
                Files.move(f, to.resolve(prefix + f.getFileName()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot place a slice's files in the snapshot", e);
            }
        }
    }

    private static void link(Path from, Path to, Predicate<String> name) {
        List<Path> files = parquet(from, name);
        try {
            if (!files.isEmpty()) {
                Files.createDirectories(to);
            }
            for (Path f : files) {
                Path target = to.resolve(f.getFileName());
                try {
                    Files.createLink(target, f);
                } catch (FileSystemException | UnsupportedOperationException e) {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot carry over a slice", e);
        }
    }

    private static List<Path> parquet(Path dir, Predicate<String> name) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .filter(p -> name.test(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read a slice's files", e);
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
