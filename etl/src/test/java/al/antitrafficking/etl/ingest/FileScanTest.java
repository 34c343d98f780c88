package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import al.antitrafficking.warehouse.intake.FileScan;
import al.antitrafficking.warehouse.intake.Landed;
import al.antitrafficking.warehouse.intake.Submission;
import al.antitrafficking.warehouse.intake.FileRefusal;
import al.antitrafficking.warehouse.intake.FileProblem;
import al.antitrafficking.etl.TestProject;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.warehouse.pii.ColumnGuard;
import al.antitrafficking.warehouse.reference.Countries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file-level checks in Java, without Spark, on files found by the mutation tests (MutatedFilesTest): a refusal a row
 * causes names the line it is on, lines of white space before the header are blank lines, and UTF-16 without a byte order
 * mark is refused for its encoding. Expected lines are counted by hand in the files written here.
 */
class FileScanTest {
    private static final String HEADER = "case_id,child_pseudonym,municipality,opened_date,referral_source,risk_category,sex,age,"
            + "assessment_date,case_plan_date,nrm_referral_date,closed_date,closed_reason";
    private static final String ROW = ",%s,Kukës,2025-03-1%d,school,neglect,M,10,,,,,";

    @TempDir
    Path work;

    private static String row(int i) {
        return "C" + i + String.format(ROW, Integer.toHexString(i).repeat(64).substring(0, 64), i);
    }

    private Submission scan(byte[] bytes) throws IOException, FileRefusal {
        Path file = Files.write(work.resolve("cpu_AL-07_2025-03.csv"), bytes);
        Files.createDirectories(work.resolve("normalised"));
        ColumnGuard guard = ColumnGuard.load(TestProject.CONFIG.piiDir(), TestProject.TERRITORY, Countries.load(TestProject.CONFIG.referenceDir()),
                TestProject.CONTRACT);
        return new FileScan(TestProject.CONTRACT, guard, 1 << 20, 1000, work.resolve("normalised"))
                .scan(new Landed(file, Source.CPU, "AL-07", YearMonth.of(2025, 3), "0".repeat(64), bytes.length, "2025-04-02T08:00:00Z"));
    }

    private FileRefusal refusal(byte[] bytes) {
        return catchThrowableOfType(FileRefusal.class, () -> scan(bytes));
    }

    private static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    @Test
    void recordsWhoseValidIdRepeatsAreListedAsSparkWouldKeyThemSpacesTrimmedNothingElse() throws Exception {
        String pseudonym = "ab".repeat(32);
        String[] ids = {"C1", " C1 ", "C2", "C1\t", "c1", "C2", "bad id", "bad id", null, "C3", "C1"};
        StringBuilder text = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < ids.length; i++) {
            // Record 9 is malformed (two fields): its id still counts, as a keyed id counts whatever else the row breaks.
            text.append(ids[i] == null ? "C3,x" : ids[i] + String.format(ROW, pseudonym, 1)).append('\n');
            if (i == 4) {
                text.append("\n"); // a blank line is no record
            }
        }

        Submission s = scan(bytes(text.toString(), UTF_8));

        // C1 (records 1, 2 and 11), C2 (3 and 6), C3 (9 and 10); a tab is not trimmed, case counts, invalid ids never repeat.
        assertThat(s.rowsIn()).isEqualTo(11);
        assertThat(s.repeatedIdRecords()).containsExactly(1L, 2L, 3L, 6L, 9L, 10L, 11L);
    }

    @Test
    void aRowTooWideNamesTheLineItStartsOn() {
        String wide = "1,".repeat(1000) + "1";
        FileRefusal r = refusal(bytes(HEADER + "\n" + row(1) + "\n" + row(2) + "\n" + wide + "\n", UTF_8));

        assertThat(r.rejection().problem()).isEqualTo(FileProblem.ROW_TOO_WIDE);
        assertThat(r.getMessage()).contains("cpu_AL-07_2025-03.csv", "on line 4;");
    }

    @Test
    void aQuoteThatNeverEndsNamesTheLineItOpenedOnCountingQuotedLineBreaks() {
        // Row 1 spans lines 2 and 3 (a quoted line break); row 2 opens a quote on line 4 that the cut file never closes.
        String text = HEADER + "\n" + row(1).replace("neglect", "\"neg\nlect\"") + "\n" + row(2).replace(",Kukës,", ",\"Kuk");

        FileRefusal r = refusal(bytes(text, UTF_8));

        assertThat(r.rejection().problem()).isEqualTo(FileProblem.MALFORMED_CSV);
        assertThat(r.getMessage()).contains("opened on line 4 never ends");
    }

    @Test
    void aByteWindows1250LeavesUndefinedNamesItsLine() {
        byte[] text = bytes(HEADER + "\n" + row(1) + "\n" + row(2) + "\n", Charset.forName("windows-1250"));
        byte[] damaged = new byte[text.length + 1];
        int at = HEADER.length() + 1 + row(1).length() + 1 + 3;
        System.arraycopy(text, 0, damaged, 0, at);
        damaged[at] = (byte) 0x81;
        System.arraycopy(text, at, damaged, at + 1, text.length - at);

        FileRefusal r = refusal(damaged);

        assertThat(r.rejection().problem()).isEqualTo(FileProblem.UNREADABLE_ENCODING);
        assertThat(r.getMessage()).contains("line 3 holds a byte");
    }

    @Test
    void damagedUtf8InAFileWithCarriageReturnLineEndsNamesItsLine() {
        byte[] text = bytes(HEADER + "\r" + row(1) + "\r" + row(2) + "\r", UTF_8);
        text[text.length - 3] = (byte) 0xFF;

        FileRefusal r = refusal(text);

        assertThat(r.rejection().problem()).isEqualTo(FileProblem.INVALID_UTF8);
        assertThat(r.getMessage()).contains("first on line 3;");
    }

    @Test
    void aCarriageReturnLineFeedSplitAcrossTheEncodingChecksReadsCountsAsOneLineEnd() {
        // The check reads 64 KiB at a time: the CR of a CR LF is the last byte of the first read, its LF the next's first.
        StringBuilder text = new StringBuilder(HEADER).append("\r\n");
        int lines = 1;
        while (text.length() < 65_536 - 300) {
            text.append(row(1).replace("ë", "e")).append("\r\n"); // one byte per character up to the split
            lines++;
        }
        text.append("x".repeat(65_535 - text.length())).append("\r\n"); // line lines + 1, ending across the two reads
        text.append(row(3)).append("\r\n");                              // lines + 2 (its ë makes the file UTF-8)
        int damagedAt = text.toString().getBytes(UTF_8).length + 2;
        text.append(row(4)).append("\r\n");                              // lines + 3
        byte[] bytes = bytes(text.toString(), UTF_8);
        bytes[damagedAt] = (byte) 0xFF;

        FileRefusal r = refusal(bytes);

        assertThat(bytes[65_535]).isEqualTo((byte) '\r');
        assertThat(r.rejection().problem()).isEqualTo(FileProblem.INVALID_UTF8);
        assertThat(r.getMessage()).contains("first on line " + (lines + 3) + ";");
    }

    @Test
    void aCarriageReturnLineFeedSplitAcrossTheTokenizersReadsCountsAsOneLineEnd() {
        // The tokenizer reads 8,192 characters at a time: the CR ending a row is the last of the first read, its LF the
        // first of the next; a quote opened later that never closes is then reported on its own line.
        StringBuilder text = new StringBuilder(HEADER).append("\r\n");
        int lines = 1;
        while (text.length() + 2 * (ascii(1).length() + 2) < 8_191) {
            text.append(ascii(1)).append("\r\n");
            lines++;
        }
        text.append(ascii(2));
        text.append(" ".repeat(8_191 - text.length())).append("\r\n");                                     // lines + 1
        text.append(ascii(3)).append("\r\n");                                                             // lines + 2
        text.append(ascii(4).replace(",Kukes,", ",\"Kuk")).append("\r\n");                                 // lines + 3

        FileRefusal r = refusal(bytes(text.toString(), UTF_8));

        assertThat(text.charAt(8_191)).isEqualTo('\r');
        assertThat(r.rejection().problem()).isEqualTo(FileProblem.MALFORMED_CSV);
        assertThat(r.getMessage()).contains("opened on line " + (lines + 3) + " never ends");
    }

    private static String ascii(int i) {
        return row(i).replace("ë", "e");
    }

    @Test
    void linesOfWhiteSpaceBeforeTheHeaderAreBlankLinesWithSemicolonsToo() throws Exception {
        String text = "\n   \n\t\r\n" + HEADER.replace(',', ';') + "\n" + row(1).replace(',', ';') + "\n \n" + row(2).replace(',', ';') + "\n";

        Submission s = scan(bytes(text, UTF_8));

        assertThat(s.rowsIn()).isEqualTo(2);
        assertThat(s.encoding()).isEqualTo("UTF-8, semicolons");
    }

    @Test
    void aWorkbookCutOffBeforeItsSheetIsRefusedAsDamagedNotAsEmpty() throws IOException {
        byte[] zip;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("CPU");
            String[] lines = {HEADER, row(1), row(2)};
            for (int r = 0; r < lines.length; r++) {
                String[] values = lines[r].split(",", -1);
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                for (int c = 0; c < values.length; c++) {
                    row.createCell(c).setCellValue(values[c]);
                }
            }
            workbook.write(out);
            zip = out.toByteArray();
        }
        // The sheet is the last part POI writes: cut the file inside the sheet's own header (its name), so the sheet is missing.
        int sheetName = new String(zip, StandardCharsets.ISO_8859_1).indexOf("xl/worksheets/sheet1.xml");
        assertThat(sheetName).isPositive().isLessThan(new String(zip, StandardCharsets.ISO_8859_1).indexOf("PK\u0001\u0002"));
        Path file = Files.write(work.resolve("cpu_AL-07_2025-03.xlsx"), Arrays.copyOf(zip, sheetName + 5));

        FileRefusal r = catchThrowableOfType(FileRefusal.class, () -> new FileScan(TestProject.CONTRACT, null, 1 << 20, 1000, work)
                .scan(new Landed(file, Source.CPU, "AL-07", YearMonth.of(2025, 3), "0".repeat(64), Files.size(file), "2025-04-02T08:00:00Z")));

        assertThat(r.rejection().problem()).isEqualTo(FileProblem.UNREADABLE_ENCODING);
        assertThat(r.getMessage()).contains("cannot be opened as an Excel workbook");
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRefusedForItsEncodingNotForItsColumns() {
        FileRefusal r = refusal(bytes(HEADER + "\n" + row(1) + "\n", UTF_16LE));

        assertThat(r.rejection().problem()).isEqualTo(FileProblem.UNREADABLE_ENCODING);
        assertThat(r.getMessage()).contains("NUL characters in its header (line 1)", "UTF-16");
    }
}
