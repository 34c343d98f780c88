package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.etl.TestProject;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.warehouse.build.WarehouseBuilder;
import al.antitrafficking.warehouse.config.AppConfig;
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
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.apache.commons.io.output.TeeOutputStream;
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
    static IngestReport first;
    static IngestReport rerun;
    static List<CSVRecord> expected;
    static List<String> planted = new ArrayList<>();

    /** The label a file with a bad name is listed under, computed here with the JDK's HMAC. */
    static String label(String fileName) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(Files.readString(TestProject.KEY_FILE).strip().getBytes(UTF_8), "HmacSHA256"));
            return "unnamed-file-" + java.util.HexFormat.of().formatHex(mac.doFinal(("incoming-file-name:" + fileName).getBytes(UTF_8)))
                    .substring(0, 12);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void ingestTheCorpusTwice() throws Exception {
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
        Files.readAllLines(CORPUS.resolve("planted.txt"), UTF_8).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(planted::add);
        writeWorkbook(incoming.resolve("cpu_AL-05_2025-01.xlsx"), 1, false, false);
        writeWorkbook(incoming.resolve("cpu_AL-05_2025-02.xlsx"), 2, true, false);
        writeWorkbook(incoming.resolve("cpu_AL-05_2025-03.xlsx"), 3, false, true);
        planted.add("691234567");
        writeBigField(incoming.resolve("border_AL-10_2025-01.csv"), 2 * 1024 * 1024);
        writeBigField(incoming.resolve("border_AL-10_2025-02.csv"), 5 * 1024 * 1024);
        Files.copy(CORPUS.resolve("impossible_date/border_AL-07_2025-02.csv"), incoming.resolve("border_AL-09_2025-01.csv"));
        Files.writeString(incoming.resolve("border_AL-09_2025-01.csv"), Files.readString(incoming.resolve("border_AL-09_2025-01.csv"))
                .replace("2025-02-", "2025-01-").replace("MOR", "BLL"));

        AppConfig config = AppConfig.load(TestProject.ROOT.resolve(AppConfig.DEFAULT_CONFIG_FILE), Map.of(
                "etl.warehouse-key-file", TestProject.KEY_FILE.toString(), "etl.max-file-bytes", Long.toString(4L << 20),
                "warehouse.dir", work.resolve("warehouse").toString()));
        // Spark fails on the rows of one file (a genuine task failure): that file alone must be refused.
        IngestJob job = IngestJob.withRowsTap(TestProject.spark(), config, rows -> rows.withColumn("child_pseudonym",
                functions.when(functions.col("source_file").equalTo("border_AL-09_2025-01.csv"), functions.raise_error(functions.lit("boom")))
                        .otherwise(functions.col("child_pseudonym"))));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(new TeeOutputStream(out, captured), true, UTF_8));
            System.setErr(new PrintStream(new TeeOutputStream(err, captured), true, UTF_8));
            first = job.run(incoming);
            System.out.print(first.summary());
            Snapshots snapshots = new Snapshots(work.resolve("warehouse"));
            snapshot = snapshots.find(first.snapshotId()).orElseThrow();
            new WarehouseBuilder().build(snapshot);
            snapshots.publish(snapshot);
            rerun = job.run(incoming);
            System.out.print(rerun.summary());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        console = captured.toString(UTF_8);
        records = new HashMap<>();
        InputLedger.read(snapshot.dir()).forEach(r -> records.put(r.fileName(), r));
        for (org.apache.spark.sql.Row r : TestProject.spark().read().parquet(snapshot.dir().resolve("quarantine").toString())
                .collectAsList()) {
            quarantineRules.computeIfAbsent(r.getAs("source_file"), f -> new ArrayList<>()).add(r.getAs("rule"));
        }
    }

    private static void writeWorkbook(Path file, int month, boolean formulaWithoutValue, boolean phoneNumberCell) throws IOException {
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
                row.createCell(3).setCellValue(LocalDate.of(2025, month, r));
                row.getCell(3).setCellStyle(date);
                row.createCell(4).setCellValue("school");
                row.createCell(5).setCellValue("neglect");
                row.createCell(6).setCellValue("F");
                row.createCell(7).setCellValue(9 + r);
            }
            if (formulaWithoutValue) {
                // A formula saved by a program that does not calculate: no cached value in the file.
                sheet.getRow(3).createCell(7).setCellFormula("5+5");
                var cell = ((org.apache.poi.xssf.usermodel.XSSFCell) sheet.getRow(3).getCell(7)).getCTCell();
                if (cell.isSetV()) {
                    cell.unsetV();
                }
            }
            if (phoneNumberCell) {
                sheet.getRow(2).createCell(0).setCellValue(691234567d);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    private static void writeBigField(Path file, int bytes) throws IOException {
        StringBuilder text = new StringBuilder(String.join(",", TestProject.CONTRACT.columns(Source.BORDER))).append('\n');
        for (int i = 1; i <= 9; i++) {
            text.append("BIG").append(i).append(',').append(Integer.toHexString(i + 10).repeat(64).substring(0, 64))
                    .append(",2025-01-1").append(i).append(",HHO,,entry,M,16,AL,accompanied,n,none\n");
        }
        text.append("x".repeat(bytes)).append(',').append("f".repeat(64)).append(",2025-01-20,HHO,,entry,M,16,AL,accompanied,n,none\n");
        Files.writeString(file, text, UTF_8);
    }

    @Test
    void theCorpusHoldsAtLeastAHundredFilesEachWithItsExpectedOutcome() {
        assertThat(expected).hasSizeGreaterThanOrEqualTo(100);
        List<String> wrong = new ArrayList<>();
        for (CSVRecord c : expected) {
            String problem = c.get("detail").split(";")[0];
            boolean unnamed = problem.equals("BAD_FILE_NAME") && !c.get("file").matches("[a-z]+_AL-\\d{2}_\\d{4}-\\d{2}\\.(csv|xlsx)")
                    || problem.equals("UNKNOWN_SOURCE");
            InputRecord r = records.get(unnamed ? label(c.get("file")) : c.get("file"));
            if (r == null) {
                wrong.add(c.get("case") + ": no record");
                continue;
            }
            String[] detail = c.get("detail").split(";");
            if (!r.status().equals(c.get("outcome"))) {
                wrong.add(c.get("case") + ": status " + r.status() + " (" + r.message() + ")");
            } else if (r.rejected()) {
                if (!detail[0].equals(r.problem())) {
                    wrong.add(c.get("case") + ": problem " + r.problem() + " (" + r.message() + ")");
                }
                if (!r.message().startsWith("Cannot load submission") || !unnamed && !r.message().contains(c.get("file"))) {
                    wrong.add(c.get("case") + ": message " + r.message());
                }
            } else if (!r.status().equals(InputRecord.WITHDRAWN)) {
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
    void aRunWithImpossibleFilesStillPublishesASnapshotWithTheOthers() {
        assertThat(new Snapshots(work.resolve("warehouse")).current().orElseThrow().id()).isEqualTo(first.snapshotId());
        assertThat(records.get("border_AL-09_2025-01.csv").problem()).isEqualTo("ENGINE_FAILURE");
        assertThat(records.get("services_AL-06_2024-04.csv").problem()).isEqualTo("ROW_TOO_WIDE");
        assertThat(records.get("border_AL-10_2025-02.csv").problem()).isEqualTo("TOO_BIG");
        assertThat(first.filesLoaded()).isGreaterThan(40);
    }

    @Test
    void aRunLeavesNoStagingNoWorkFolderAndNoCopyBehind() throws IOException {
        try (Stream<Path> all = Files.walk(work.resolve("warehouse"))) {
            assertThat(all.map(p -> work.resolve("warehouse").relativize(p).toString()))
                    .noneMatch(p -> p.contains(".staging-") || p.contains("normalised") || p.endsWith(".csv") && !p.endsWith("inputs.csv"));
        }
        try (Stream<Path> runs = Files.list(work.resolve("warehouse").resolve(IngestJob.RUNS))) {
            assertThat(runs).isEmpty();
        }
    }

    @Test
    void anUnchangedRerunChangesNothingQuarantineIncluded() {
        assertThat(rerun.filesProcessed()).isZero();
        assertThat(rerun.rowsQuarantined()).isEqualTo(first.rowsQuarantined());
        assertThat(rerun.quarantinedByRule()).isEqualTo(first.quarantinedByRule());
        assertThat(rerun.rowsByTable()).isEqualTo(first.rowsByTable());
        assertThat(rerun.rejectedFiles()).hasSameSizeAs(first.rejectedFiles());
        for (String table : List.of("quarantine", "ingest_file", "fact_border_encounter", "fact_cpu_case", "fact_nrm_identification")) {
            org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> a = TestProject.spark().read().parquet(snapshot.dir().resolve(table).toString());
            org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> b = TestProject.spark().read().parquet(new Snapshots(work.resolve("warehouse"))
                    .find(rerun.snapshotId()).orElseThrow().dir().resolve(table).toString());
            if (table.equals("ingest_file")) {
                // Only the slices' fates differ: loaded anew the first time, carried over the second.
                a = a.drop("slice_fate");
                b = b.drop("slice_fate");
            }
            assertThat(a.exceptAll(b).count() + b.exceptAll(a).count()).as(table).isZero();
        }
    }

    @Test
    void quotedLineBreaksAreOneRecordAndRecordNumbersDoNotShift() {
        InputRecord r = records.get("cpu_AL-06_2024-01.csv");
        assertThat(r.rowsIn()).isEqualTo(10);
        List<org.apache.spark.sql.Row> rows = quarantined("cpu_AL-06_2024-01.csv");
        assertThat(rows).extracting(x -> x.<Long>getAs("record_number")).containsExactly(2L, 5L);
        assertThat(rows).extracting(x -> x.<String>getAs("field")).containsExactly("municipality", "opened_date");
    }

    @Test
    void theCopiesSeparatorInsideAValueKeepsTheRowWholeAndBadWhereItStands() {
        // U+001F separates the fields of the normalised copies Spark reads: inside a value it must neither split the row
        // (which would shift the municipality into the next column) nor pass as valid. Row 4's "Korçë" ends in it: no known
        // place (the place matching would trim it; the copy holds U+FFFD there), quarantined rather than guessed.
        InputRecord r = records.get("nrm_AL-06_2024-05.csv");
        assertThat(r.rowsIn()).isEqualTo(10);
        List<org.apache.spark.sql.Row> rows = quarantined("nrm_AL-06_2024-05.csv");
        assertThat(rows).extracting(x -> x.<Long>getAs("record_number")).containsExactly(4L, 7L);
        assertThat(rows).extracting(x -> x.<String>getAs("field")).containsExactly("municipality", "sex");
        assertThat(TestProject.spark().read().parquet(snapshot.dir().resolve("fact_nrm_identification").toString())
                .filter("source_file = 'nrm_AL-06_2024-05.csv' AND sex = 'F' AND municipality_code IS NOT NULL").count()).isEqualTo(8);
    }

    /** The quarantined rows of one file, by record number. */
    private static List<org.apache.spark.sql.Row> quarantined(String file) {
        return TestProject.spark().read().parquet(snapshot.dir().resolve("quarantine").toString())
                .filter(col("source_file").equalTo(file)).orderBy("record_number").collectAsList();
    }

    @Test
    void encodingIsNeverGuessedAndAStrayByteNamesItsLine() {
        assertThat(records.get("cpu_AL-06_2024-02.csv").message()).contains("line 4");
        assertThat(records.get("cpu_AL-06_2024-03.csv").status()).isEqualTo(InputRecord.LOADED);
    }

    @Test
    void personalDataIsReportedByColumnAndRowWithoutTheValue() {
        InputRecord phone = records.get("nrm_AL-11_2025-03.csv");

        assertThat(phone.message()).contains("phone number", "column municipality", "data row 4").doesNotContain("069");
        assertThat(records.get("nrm_AL-11_2025-02.csv").message()).contains("personal number", "column nrm_id", "data row 3");
        assertThat(records.get("nrm_AL-11_2023-01.csv").message()).contains("field 14, beyond the header", "data row 2");
        assertThat(records.get("cpu_AL-07_2025-03.csv").message()).contains("position(s) [14]");
    }

    @Test
    void plantedIdentifiersAppearInNoDecodedValueOfAnyTableAndInNoFileOrLog() throws Exception {
        List<String> needles = new ArrayList<>();
        for (String p : planted) {
            needles.add(p.toLowerCase(java.util.Locale.ROOT));
            String digits = p.replaceAll("[^0-9]", "");
            if (digits.length() >= 8 && digits.length() >= p.replaceAll("\\s", "").length() - 4) {
                needles.add(digits);
            }
        }
        assertThat(needles).hasSizeGreaterThanOrEqualTo(38);
        List<String> found = new ArrayList<>();
        // Every column of every table, decoded (Parquet and DuckDB compress: their bytes prove nothing).
        for (Snapshot s : new Snapshots(work.resolve("warehouse")).list()) {
            new WarehouseBuilder().build(s);
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + s.dir().resolve("warehouse.duckdb"));
                 java.sql.Statement st = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (java.sql.ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                assertThat(tables).contains("quarantine", "ingest_file", "fact_border_encounter");
                for (String t : tables) {
                    try (java.sql.ResultSet rs = st.executeQuery("SELECT lower(concat_ws('|', COLUMNS(*))) FROM \"" + t + "\"")) {
                        while (rs.next()) {
                            String row = rs.getString(1);
                            needles.stream().filter(n -> row != null && row.contains(n)).forEach(n -> found.add(t + ": " + n));
                        }
                    }
                }
            }
        }
        // The bytes of every text file the runs wrote, and everything they printed.
        try (Stream<Path> walk = Files.walk(work.resolve("warehouse"))) {
            for (Path f : walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".parquet") && !p.toString().endsWith(".duckdb")).toList()) {
                String text = new String(Files.readAllBytes(f), UTF_8).toLowerCase(java.util.Locale.ROOT);
                needles.stream().filter(text::contains).forEach(n -> found.add(f.getFileName() + ": " + n));
            }
        }
        String log = console.toLowerCase(java.util.Locale.ROOT);
        needles.stream().filter(log::contains).forEach(n -> found.add("console: " + n));
        assertThat(console).contains("REFUSED");
        assertThat(found).isEmpty();
    }
}
