package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.etl.TestProject;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pass that writes the facts notes the rows that break a rule, and they are the quarantine; when there are more
 * than it may note, the files with bad rows are read a second time (the way every file was read before). Both ways
 * must give the same snapshot: the same fate and counts for every file, the same quarantined rows, the same facts. The
 * files are the corpus of bad regional files (IngestCorpusTest holds the first way to each file's expected outcome).
 */
class NotedQuarantineTest {
    private static final Path CORPUS = TestProject.ROOT.resolve("etl/src/test/resources/corpus");

    @TempDir
    Path work;

    @Test
    void aSecondPassOverTheFilesWithBadRowsGivesTheSnapshotTheNotesGive() throws IOException {
        Path incoming = Files.createDirectories(work.resolve("incoming"));
        try (Reader reader = Files.newBufferedReader(CORPUS.resolve("expected.csv"), UTF_8)) {
            for (CSVRecord c : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                Path file = CORPUS.resolve(c.get("case")).resolve(c.get("file"));
                if (Files.exists(file)) {
                    Files.copy(file, incoming.resolve(c.get("file")));
                }
            }
        }

        long before = SourceLoad.SECOND_PASSES.get();
        Path noted = snapshot(incoming, work.resolve("noted"), SourceLoad.NOTED_ROWS);
        assertThat(SourceLoad.SECOND_PASSES.get()).as("second passes with the notes").isEqualTo(before);
        Path readTwice = snapshot(incoming, work.resolve("read-twice"), 0);
        assertThat(SourceLoad.SECOND_PASSES.get()).as("second passes without them").isGreaterThan(before);

        Map<String, List<Object>> fates = fates(noted);
        assertThat(fates.values()).as("the corpus quarantines rows, and refuses a file for them")
                .anyMatch(f -> f.get(4) != null && (Long) f.get(4) > 0)
                .anyMatch(f -> "TOO_MANY_BAD_ROWS".equals(f.get(1)));
        assertThat(fates(readTwice)).isEqualTo(fates);
        List<Row> quarantine = rows(noted, "quarantine");
        assertThat(quarantine).hasSizeGreaterThan(10);
        assertThat(rows(readTwice, "quarantine")).containsExactlyInAnyOrderElementsOf(quarantine);
        // Both ways write the facts in the first pass: this holds the fates' files to what was placed.
        for (Source source : Source.values()) {
            List<Row> facts = rows(noted, source.table());
            assertThat(rows(readTwice, source.table())).as(source.table()).containsExactlyInAnyOrderElementsOf(facts);
        }
    }

    private static Path snapshot(Path incoming, Path warehouse, int notedRows) {
        AppConfig config = TestProject.CONFIG.withWarehouseDir(warehouse);
        IngestReport report = IngestJob.withRowsTap(TestProject.spark(), config, java.util.function.UnaryOperator.identity(), notedRows)
                .run(incoming);
        return new Snapshots(warehouse).find(report.snapshotId()).orElseThrow().dir();
    }

    /** Each file's status, problem and counts of rows in, loaded and quarantined. */
    private static Map<String, List<Object>> fates(Path snapshot) {
        Map<String, List<Object>> fates = new TreeMap<>();
        for (InputRecord r : InputLedger.read(snapshot)) {
            fates.put(r.fileName(), java.util.Arrays.asList(r.status(), r.problem(), r.rowsIn(), r.rowsLoaded(), r.rowsQuarantined()));
        }
        return fates;
    }

    private static List<Row> rows(Path snapshot, String table) {
        Path dir = snapshot.resolve(table);
        if (!SliceFiles.hasParquet(dir)) {
            return List.of();
        }
        Dataset<Row> rows = TestProject.spark().read().parquet(dir.toString());
        return rows.select(java.util.Arrays.stream(rows.columns()).sorted().map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new)).collectAsList();
    }
}
