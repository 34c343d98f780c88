package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.etl.TestProject;
import al.antitrafficking.etl.contract.Source;
import al.antitrafficking.warehouse.build.WarehouseBuilder;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus of bad (and awkward but good) regional files in src/test/resources/corpus: one folder per
 * case, each with its expected outcome in expected.csv. Two more files are made here: a valid Excel
 * workbook, and a file with a 10 MB field (not committed). All go through one ingestion run.
 */
class IngestCorpusTest {
    private static final Path CORPUS = TestProject.ROOT.resolve("etl/src/test/resources/corpus");
    /** The direct identifiers planted in the corpus: none may appear in any output or log. */
    private static final List<String> PLANTED = List.of("J12345678K", "069 123 4567", "arta.hoxha@example.com", "Arta Hoxha",
            "Emri Mbiemri", "emri mbiemri");

    @TempDir
    static Path work;
    static Map<String, InputRecord> records;
    static Map<String, List<String>> quarantineRules = new HashMap<>();
    static String console;
    static Snapshot snapshot;
    static List<CSVRecord> expected;

    @BeforeAll
    static void ingestTheCorpus() throws Exception {
        Path incoming = Files.createDirectories(work.resolve("incoming"));
        try (Reader reader = Files.newBufferedReader(CORPUS.resolve("expected.csv"), UTF_8)) {
            expected = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
        for (CSVRecord c : expected) {
            Path source = CORPUS.resolve(c.get("case")).resolve(c.get("file"));
            if (Files.exists(source)) {
                Files.copy(source, incoming.resolve(c.get("file")));
            }
        }
        writeWorkbook(incoming.resolve("cpu_AL-05_2025-01.xlsx"));
        writeTenMegabyteField(incoming.resolve("border_AL-10_2025-01.csv"));

        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(new Tee(out, captured), true, UTF_8));
            System.setErr(new PrintStream(new Tee(err, captured), true, UTF_8));
            IngestReport report = IngestJob.fromConfig(TestProject.spark(), TestProject.CONFIG.withWarehouseDir(work.resolve("warehouse")))
                    .run(incoming);
            System.out.print(report.summary());
            snapshot = new Snapshots(work.resolve("warehouse")).find(report.snapshotId()).orElseThrow();
            new WarehouseBuilder().build(snapshot);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        console = captured.toString(UTF_8);
        records = InputLedger.read(snapshot.dir());
        for (org.apache.spark.sql.Row r : TestProject.spark().read().parquet(snapshot.dir().resolve("quarantine").toString())
                .collectAsList()) {
            quarantineRules.computeIfAbsent(r.getAs("source_file"), f -> new ArrayList<>()).add(r.getAs("rule"));
        }
    }

    private static void writeWorkbook(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("CPU");
            List<String> columns = TestProject.CONTRACT.columns(Source.CPU);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i));
            }
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            for (int r = 1; r <= 5; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("XL" + r);
                row.createCell(1).setCellValue(Integer.toHexString(r).repeat(64).substring(0, 64));
                row.createCell(2).setCellValue("Gjirokastër");
                row.createCell(3).setCellValue(LocalDate.of(2025, 1, r));
                row.getCell(3).setCellStyle(date);
                row.createCell(4).setCellValue("school");
                row.createCell(5).setCellValue("neglect");
                row.createCell(6).setCellValue("F");
                row.createCell(7).setCellValue(9 + r);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    private static void writeTenMegabyteField(Path file) throws IOException {
        StringBuilder text = new StringBuilder(String.join(",", TestProject.CONTRACT.columns(Source.BORDER))).append('\n');
        for (int i = 1; i <= 9; i++) {
            text.append("BIG").append(i).append(',').append(Integer.toHexString(i + 10).repeat(64).substring(0, 64))
                    .append(",2025-01-1").append(i).append(",HHO,,entry,M,16,AL,accompanied,n,none\n");
        }
        text.append("x".repeat(10 * 1024 * 1024)).append(',').append("f".repeat(64)).append(",2025-01-20,HHO,,entry,M,16,AL,accompanied,n,none\n");
        Files.writeString(file, text, UTF_8);
    }

    @Test
    void theCorpusHoldsAtLeastThirtyDistinctCases() {
        assertThat(expected.stream().map(c -> c.get("case")).distinct().count()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void everyFileHasTheOutcomeItsCaseExpects() {
        List<String> wrong = new ArrayList<>();
        for (CSVRecord c : expected) {
            InputRecord r = records.get(c.get("file"));
            if (r == null) {
                wrong.add(c.get("case") + ": no record");
                continue;
            }
            String[] detail = c.get("detail").split(";");
            if (!r.status().equals(c.get("outcome"))) {
                wrong.add(c.get("case") + ": status " + r.status() + " (" + r.message() + ")");
            } else if (r.rejected()) {
                if (!detail[0].equals(r.problem())) {
                    wrong.add(c.get("case") + ": problem " + r.problem());
                }
                if (!r.message().contains(c.get("file")) || !r.message().startsWith("Cannot load submission")) {
                    wrong.add(c.get("case") + ": message " + r.message());
                }
            } else {
                if (r.rowsLoaded() != Long.parseLong(detail[0])) {
                    wrong.add(c.get("case") + ": loaded " + r.rowsLoaded());
                }
                List<String> rules = List.of(detail).subList(1, detail.length);
                List<String> actual = quarantineRules.getOrDefault(c.get("file"), List.of());
                if (!actual.stream().sorted().toList().equals(rules.stream().sorted().toList())) {
                    wrong.add(c.get("case") + ": quarantined " + actual);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aTenMegabyteFieldIsQuarantinedAndTheRestOfItsFileLoads() {
        InputRecord big = records.get("border_AL-10_2025-01.csv");

        assertThat(big.status()).isEqualTo(InputRecord.LOADED);
        assertThat(big.rowsLoaded()).isEqualTo(9);
        assertThat(quarantineRules.get("border_AL-10_2025-01.csv")).containsExactly("BAD_ID");
    }

    @Test
    void quarantineRowsCarryTheirRecordNumberInTheFile() {
        // The impossible date is the sixth data row of its file.
        org.apache.spark.sql.Row row = TestProject.spark().read().parquet(snapshot.dir().resolve("quarantine").toString())
                .filter("source_file = 'border_AL-07_2025-02.csv'").first();

        assertThat(row.<Long>getAs("record_number")).isEqualTo(6L);
        assertThat(row.<String>getAs("field")).isEqualTo("encounter_date");
    }

    @Test
    void personalDataIsReportedByColumnAndRowWithoutTheValue() {
        InputRecord phone = records.get("nrm_AL-11_2025-03.csv");

        assertThat(phone.message()).contains("phone number", "column municipality", "data row 4").doesNotContain("069");
        assertThat(records.get("nrm_AL-11_2025-02.csv").message()).contains("personal number", "column nrm_id", "data row 3");
        assertThat(records.get("cpu_AL-07_2025-03.csv").message()).contains("position(s) [14]");
    }

    @Test
    void plantedIdentifiersAppearInNoOutputFileNoTableAndNoLog() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(work.resolve("warehouse"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String bytes = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
            for (String planted : PLANTED) {
                assertThat(bytes).as(f.toString()).doesNotContain(new String(planted.getBytes(UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        for (String table : List.of("fact_border_encounter", "fact_cpu_case", "fact_nrm_identification", "fact_service", "quarantine",
                "ingest_file")) {
            org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows = TestProject.spark().read().parquet(snapshot.dir().resolve(table).toString());
            for (StructField field : rows.schema().fields()) {
                if (field.dataType().equals(DataTypes.StringType)) {
                    for (String planted : PLANTED) {
                        assertThat(rows.filter(rows.col(field.name()).contains(planted)).count()).as(table + "." + field.name()).isZero();
                    }
                }
            }
        }
        assertThat(console).contains("REJECTED");
        for (String planted : PLANTED) {
            assertThat(console).doesNotContain(planted);
        }
    }

    /** Writes to two streams: the test's console and the capture. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
