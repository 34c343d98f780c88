package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.antitrafficking.etl.TestProject;
import al.antitrafficking.etl.contract.Source;
import al.antitrafficking.etl.sample.SampleRegionGenerator;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingestion job on a small generated set with broken files and rows added. Expected counts are
 * computed by this test from the CSV files with commons-csv, not by Spark.
 */
class IngestJobTest {
    @TempDir
    static Path work;
    static Path incoming;
    static Path warehouse;
    static IngestReport report;
    static Snapshot snapshot;
    /** Rows per "source|county" in the files that should load, counted before the broken rows were added. */
    static Map<String, Long> expectedRows = new HashMap<>();
    static long expectedNilReturns;

    private static final String PSEUDONYM = "a".repeat(64);

    @BeforeAll
    static void ingest() throws IOException {
        incoming = work.resolve("incoming");
        warehouse = work.resolve("warehouse");
        new SampleRegionGenerator(TestProject.TERRITORY, 11, YearMonth.of(2025, 1), YearMonth.of(2025, 6))
                .generate(incoming, 1500);

        // A CPU file that lost a required column: rejected whole, so its rows must not count.
        Path cpu = incoming.resolve("cpu_AL-07_2025-03.csv");
        List<String> cpuLines = Files.readAllLines(cpu, UTF_8);
        Files.writeString(cpu, String.join("\n", cpuLines.stream().map(IngestJobTest::dropRiskCategory).toList()) + "\n", UTF_8);
        // Files whose name names no known county or source.
        Files.writeString(incoming.resolve("border_AL-13_2025-03.csv"), String.join(",", Source.BORDER.columns()) + "\n", UTF_8);
        Files.writeString(incoming.resolve("ferry_AL-07_2025-03.csv"), "a,b\n1,2\n", UTF_8);

        countExpectedRows();

        // Broken rows in an NRM file of Tiranë (AL-11), February 2025, and one good row with a lenient name.
        String good = "EXTRA-1," + PSEUDONYM + ",2025-02-10,potential,labour,internal,,ngo,F,14,AL,VORE,n";
        Files.writeString(incoming.resolve("nrm_AL-11_2025-02.csv"), String.join("\n",
                good,
                "BAD-DATE," + PSEUDONYM + ",2025-02-30,potential,labour,internal,,ngo,F,14,AL,Tiranë,n",
                "BAD-PLACE," + PSEUDONYM + ",2025-02-11,potential,labour,internal,,ngo,F,14,AL,Atlantis,n",
                "BAD-MONTH," + PSEUDONYM + ",2025-03-01,potential,labour,internal,,ngo,F,14,AL,Tiranë,n",
                "BAD-AGE," + PSEUDONYM + ",2025-02-12,potential,labour,internal,,ngo,F,abc,AL,Tiranë,n",
                "SHORT-ROW," + PSEUDONYM + ",2025-02-13,potential",
                "OTHER-COUNTY," + PSEUDONYM + ",2025-02-14,potential,labour,internal,,ngo,F,14,AL,Kukes,n") + "\n",
                UTF_8, StandardOpenOption.APPEND);
        expectedRows.merge("nrm|AL-11", 1L, Long::sum);

        report = IngestJob.fromConfig(TestProject.spark(), TestProject.CONFIG.withWarehouseDir(warehouse)).run(incoming);
        snapshot = new Snapshots(warehouse).find(report.snapshotId()).orElseThrow();
    }

    private static String dropRiskCategory(String line) {
        String[] fields = line.split(",", -1);
        int at = Source.CPU.columns().indexOf("risk_category");
        String[] kept = new String[fields.length - 1];
        for (int i = 0, j = 0; i < fields.length; i++) {
            if (i != at) {
                kept[j++] = fields[i];
            }
        }
        return String.join(",", kept);
    }

    private static void countExpectedRows() throws IOException {
        List<String> rejected = List.of("cpu_AL-07_2025-03.csv", "border_AL-13_2025-03.csv", "ferry_AL-07_2025-03.csv");
        try (Stream<Path> files = Files.list(incoming)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (rejected.contains(name)) {
                    continue;
                }
                String[] parts = name.split("_");
                long rows;
                try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
                    rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).stream().count();
                }
                expectedRows.merge(parts[0] + "|" + parts[1], rows, Long::sum);
                expectedNilReturns += rows == 0 ? 1 : 0;
            }
        }
    }

    private static Dataset<Row> table(WarehouseTable table) {
        return TestProject.spark().read().parquet(snapshot.table(table).toString());
    }

    @Test
    void rejectsTheBrokenFilesWithMessagesNamingThemAndLoadsTheRest() {
        assertThat(report.rejectedFiles()).extracting(FileRejection::fileName, FileRejection::problem)
                .containsExactlyInAnyOrder(
                        org.assertj.core.api.Assertions.tuple("cpu_AL-07_2025-03.csv", FileProblem.MISSING_COLUMNS),
                        org.assertj.core.api.Assertions.tuple("border_AL-13_2025-03.csv", FileProblem.UNKNOWN_COUNTY),
                        org.assertj.core.api.Assertions.tuple("ferry_AL-07_2025-03.csv", FileProblem.UNKNOWN_SOURCE));
        assertThat(report.filesLoaded()).isEqualTo(4 * 12 * 6 - 1);
        assertThat(report.nilReturns()).isEqualTo((int) expectedNilReturns);
    }

    @Test
    void factTablesHoldExactlyTheRowsOfTheAcceptedFilesPerCounty() {
        for (Source source : Source.values()) {
            Map<String, Long> actual = new HashMap<>();
            for (Row r : table(WarehouseTable.valueOf(source.table().toUpperCase(java.util.Locale.ROOT)))
                    .groupBy("county_code").count().collectAsList()) {
                actual.put(source.code() + "|" + r.getString(0), r.getLong(1));
            }
            Map<String, Long> expected = new HashMap<>();
            expectedRows.forEach((key, rows) -> {
                if (key.startsWith(source.code() + "|") && rows > 0) {
                    expected.put(key, rows);
                }
            });
            assertThat(actual).as(source.code()).isEqualTo(expected);
        }
    }

    @Test
    void everyRowReadIsLoadedOrQuarantined() {
        long expectedLoaded = expectedRows.values().stream().mapToLong(Long::longValue).sum();

        assertThat(report.rowsLoaded()).isEqualTo(expectedLoaded);
        assertThat(report.rowsQuarantined()).isEqualTo(6);
        assertThat(report.rowsIn()).isEqualTo(expectedLoaded + 6);
    }

    @Test
    void quarantinesEachBrokenRowUnderItsRuleAndFieldWithoutItsValues() {
        Map<String, String> byRecord = new HashMap<>();
        for (Row r : table(WarehouseTable.QUARANTINE).collectAsList()) {
            byRecord.put(r.getAs("record_id"), r.<String>getAs("field") + ":" + r.<String>getAs("rule"));
        }

        assertThat(byRecord).containsOnly(
                Map.entry("BAD-DATE", "identification_date:BAD_DATE"),
                Map.entry("BAD-PLACE", "municipality:UNKNOWN_MUNICIPALITY"),
                Map.entry("BAD-MONTH", "identification_date:DATE_OUTSIDE_MONTH"),
                Map.entry("BAD-AGE", "age:BAD_AGE"),
                Map.entry("SHORT-ROW", "(row):MALFORMED_ROW"),
                Map.entry("OTHER-COUNTY", "municipality:OUTSIDE_COUNTY"));
        assertThat(table(WarehouseTable.QUARANTINE).columns()).containsExactly(
                "source", "source_file", "county_code", "submission_month", "record_id", "field", "rule");
        assertThat(report.quarantinedByRule()).containsEntry("BAD_DATE", 1L).containsEntry("MALFORMED_ROW", 1L);
    }

    @Test
    void conformsLenientMunicipalityNamesToTheirCode() {
        Row row = table(WarehouseTable.FACT_NRM_IDENTIFICATION).filter("nrm_id = 'EXTRA-1'").first();

        assertThat(row.<String>getAs("municipality_code")).isEqualTo("AL225"); // Vorë
        assertThat(row.<Integer>getAs("age_years")).isEqualTo(14);
        assertThat(row.<String>getAs("age_band")).isEqualTo("12-14");
    }

    @Test
    void partitionsFactsByYearAndCounty() {
        assertThat(snapshot.table(WarehouseTable.FACT_BORDER_ENCOUNTER).resolve("year=2025/county_code=AL-05")).isDirectory();
        assertThat(snapshot.table(WarehouseTable.FACT_CPU_CASE).resolve("year=2025/county_code=AL-11")).isDirectory();
    }

    @Test
    void recordsEveryFileInTheIngestReportTable() {
        Dataset<Row> files = table(WarehouseTable.INGEST_FILE);

        assertThat(files.count()).isEqualTo(4 * 12 * 6 + 2);
        assertThat(files.filter("status = 'REJECTED'").count()).isEqualTo(3);
        assertThat(files.filter("status = 'NIL_RETURN'").count()).isEqualTo(expectedNilReturns);
        Row cpu = files.filter("file_name = 'cpu_AL-07_2025-03.csv'").first();
        assertThat(cpu.<String>getAs("problem")).isEqualTo("MISSING_COLUMNS");
        assertThat(cpu.<String>getAs("message")).contains("[risk_category]");
    }

    @Test
    void aRunThatCannotReadItsIncomingFolderLeavesNoSnapshotAndNoStagingBehind() throws IOException {
        Path otherWarehouse = work.resolve("failed-warehouse");
        IngestJob job = IngestJob.fromConfig(TestProject.spark(), TestProject.CONFIG.withWarehouseDir(otherWarehouse));

        assertThatThrownBy(() -> job.run(work.resolve("no-such-folder"))).hasMessageContaining("no-such-folder");

        assertThat(new Snapshots(otherWarehouse).list()).isEmpty();
        try (Stream<Path> left = Files.exists(otherWarehouse.resolve("snapshots"))
                ? Files.list(otherWarehouse.resolve("snapshots")) : Stream.empty()) {
            assertThat(left).isEmpty();
        }
    }

}
