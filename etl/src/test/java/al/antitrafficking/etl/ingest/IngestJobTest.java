package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.antitrafficking.etl.TestProject;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.etl.sample.SampleRegionGenerator;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs of the ingestion job over a small generated set: the first load, a second load of the same files,
 * a corrected file, and a late file. Expected counts come from the CSV files, read here with commons-csv.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestJobTest {
    @TempDir
    static Path work;
    static Path incoming;
    static Path warehouse;
    static Path lateFile;
    static IngestJob job;
    static IngestReport first;

    @BeforeAll
    static void firstLoad() throws IOException {
        incoming = work.resolve("incoming");
        warehouse = work.resolve("warehouse");
        new SampleRegionGenerator(TestProject.TERRITORY, TestProject.CONTRACT, 11, YearMonth.of(2025, 1), YearMonth.of(2025, 4))
                .generate(incoming, 1500);
        // One file arrives late, after the first load.
        lateFile = work.resolve("nrm_AL-11_2025-01.csv");
        Files.move(incoming.resolve("nrm_AL-11_2025-01.csv"), lateFile);
        job = IngestJob.fromConfig(TestProject.spark(), TestProject.CONFIG.withWarehouseDir(warehouse));
        first = job.run(incoming);
    }

    private static Snapshot snapshot(IngestReport report) {
        return new Snapshots(warehouse).find(report.snapshotId()).orElseThrow();
    }

    private static Dataset<Row> table(IngestReport report, String table) {
        return TestProject.spark().read().parquet(snapshot(report).dir().resolve(table).toString());
    }

    /** A region's record id as the warehouse keys it, computed here with the JDK's HMAC, not the job's code. */
    static long keyed(String source, String recordId) {
        return warehouseKey("record-id:" + source + ":" + recordId);
    }

    /** The first 8 bytes of the HMAC-SHA256 under the test warehouse key, big-endian and signed, as the contract says. */
    static long warehouseKey(String text) {
        try {
            return TestProject.storedKey(Files.readString(TestProject.KEY_FILE).strip().getBytes(UTF_8), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<CSVRecord> rows(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    /** Rows per "source|county" counted in the incoming CSV files. */
    private static Map<String, Long> csvCounts() throws IOException {
        Map<String, Long> counts = new HashMap<>();
        try (Stream<Path> files = Files.list(incoming)) {
            for (Path f : files.toList()) {
                String[] parts = f.getFileName().toString().split("_");
                counts.merge(parts[0] + "|" + parts[1], (long) rows(f).size(), Long::sum);
            }
        }
        counts.values().removeIf(n -> n == 0);
        return counts;
    }

    private static Map<String, Long> tableCounts(IngestReport report) {
        Map<String, Long> counts = new HashMap<>();
        for (Source source : Source.values()) {
            for (Row r : table(report, source.table()).groupBy("county_code").count().collectAsList()) {
                counts.put(source.code() + "|" + r.getString(0), r.getLong(1));
            }
        }
        return counts;
    }

    @Test
    @Order(1)
    void theFirstLoadHoldsExactlyTheRowsOfTheFilesPerSourceAndCounty() throws IOException {
        assertThat(tableCounts(first)).isEqualTo(csvCounts());
        assertThat(first.rowsIn()).isEqualTo(first.rowsLoaded());
        assertThat(first.filesProcessed()).isEqualTo(4 * 12 * 4 - 1);
        assertThat(snapshot(first).dir().resolve("fact_cpu_case/year=2025/county_code=AL-11/submission_month=2025-02")).isDirectory();
    }

    @Test
    @Order(2)
    void pseudonymsAreReKeyedWithTheWarehouseKey() throws Exception {
        Path file = incoming.resolve("border_AL-07_2025-02.csv");
        CSVRecord row = rows(file).get(0);
        long expected = warehouseKey(row.get("child_pseudonym"));

        Dataset<Row> border = table(first, "fact_border_encounter");
        Row stored = border.filter("record_id = " + keyed("border", row.get("record_id"))).first();

        assertThat(border.schema().apply("child_pseudonym").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(border.schema().apply("record_id").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(stored.<Long>getAs("child_pseudonym")).isEqualTo(expected);
        // Nothing the region sent is stored: no column holds its pseudonym or record id as text.
        Column sent = functions.lit(false);
        for (String column : border.columns()) {
            sent = sent.or(functions.col(column).cast("string").isin(row.get("child_pseudonym"), row.get("record_id")));
        }
        assertThat(border.filter(sent).count()).isZero();
    }

    @Test
    @Order(3)
    void loadingTheSameFilesAgainChangesNothingAndSharesTheFiles() throws IOException {
        IngestReport again = job.run(incoming);

        assertThat(again.filesCarried()).isEqualTo(first.filesLoaded());
        assertThat(again.filesProcessed()).isZero();
        assertThat(tableCounts(again)).isEqualTo(tableCounts(first));
        assertThat(table(again, "fact_cpu_case").except(table(first, "fact_cpu_case")).count()).isZero();
        Path partition = Path.of("fact_nrm_identification/year=2025/county_code=AL-05/submission_month=2025-03");
        try (Stream<Path> a = Files.list(snapshot(first).dir().resolve(partition))) {
            Path original = a.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
            assertThat(Files.isSameFile(original, snapshot(again).dir().resolve(partition).resolve(original.getFileName()))).isTrue();
        }
    }

    @Test
    @Order(4)
    void aCorrectedFileReplacesItsSliceWithNoLeftovers() throws IOException {
        Path file = incoming.resolve("cpu_AL-11_2025-02.csv");
        List<CSVRecord> before = rows(file);
        List<String> lines = Files.readAllLines(file, UTF_8);
        Files.write(file, lines.subList(0, 3), UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        IngestReport corrected = job.run(incoming);

        assertThat(corrected.filesProcessed()).isEqualTo(1);
        Dataset<Row> slice = table(corrected, "fact_cpu_case").filter("source_file = 'cpu_AL-11_2025-02.csv'");
        assertThat(slice.count()).isEqualTo(2);
        assertThat(slice.select("case_id").as(org.apache.spark.sql.Encoders.LONG()).collectAsList())
                .containsExactlyInAnyOrder(keyed("cpu", before.get(0).get("case_id")), keyed("cpu", before.get(1).get("case_id")));
        assertThat(tableCounts(corrected)).isEqualTo(csvCounts());
    }

    @Test
    @Order(5)
    void aLateFileForAnOldMonthIsAccepted() throws IOException {
        Files.move(lateFile, incoming.resolve("nrm_AL-11_2025-01.csv"));

        IngestReport late = job.run(incoming);

        assertThat(late.filesProcessed()).isEqualTo(1);
        assertThat(table(late, "fact_nrm_identification").filter("submission_month = '2025-01' and county_code = 'AL-11'").count())
                .isEqualTo(rows(incoming.resolve("nrm_AL-11_2025-01.csv")).size());
        assertThat(tableCounts(late)).isEqualTo(csvCounts());
    }

    @Test
    @Order(6)
    void aRunThatCannotReadItsIncomingFolderLeavesNoSnapshotAndNoStagingBehind() throws IOException {
        List<Snapshot> before = new Snapshots(warehouse).list();

        assertThatThrownBy(() -> job.run(work.resolve("no-such-folder"))).hasMessageContaining("no-such-folder");

        assertThat(new Snapshots(warehouse).list()).isEqualTo(before);
        try (Stream<Path> left = Files.list(warehouse.resolve("snapshots"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".staging"));
        }
    }

    @Test
    @Order(7)
    void aMissingWarehouseKeyIsAClearError() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("NRM_WAREHOUSE_KEY") == null,
                "the environment supplies a warehouse key, so none is missing");

        assertThatThrownBy(() -> IngestJob.fromConfig(TestProject.spark(), TestProject.CONFIG.withWarehouseDir(warehouse)
                .withWarehouseKeyFile(work.resolve("no.key"))))
                .hasMessageContaining("no warehouse key").hasMessageContaining("NRM_WAREHOUSE_KEY");
    }
}
