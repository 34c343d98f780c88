package al.antitrafficking.warehouse.intake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.forum.DuckDbForumStore;
import al.antitrafficking.warehouse.forum.ForumRules;
import al.antitrafficking.warehouse.pii.ColumnGuard;
import al.antitrafficking.warehouse.reference.Countries;
import al.antitrafficking.warehouse.reference.Territory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data clerk's file is checked by the incoming folder's rules before it reaches the incoming folder: what passes is
 * placed there under its name, byte for byte; what fails leaves nothing anywhere (not in the incoming folder, not in the
 * work folder) and a receipt that names the reason, never a value.
 */
class ClerkUploadTest {
    static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    static final Territory TERRITORY = Territory.load(ROOT.resolve("conf/reference"));
    static final DataContract CONTRACT = DataContract.load(ROOT.resolve("conf/contract/v1.csv"));
    static final ColumnGuard GUARD = ColumnGuard.load(ROOT.resolve("conf/pii"), TERRITORY, Countries.load(ROOT.resolve("conf/reference")), CONTRACT);
    /** 1 March 2026 in Tirana. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
    static final String HEADER = "case_id,child_pseudonym,municipality,opened_date,referral_source,risk_category,sex,age,"
            + "assessment_date,case_plan_date,nrm_referral_date,closed_date,closed_reason\n";

    @TempDir
    Path dir;
    Path incoming;
    Path work;
    ClerkUpload upload;

    @BeforeEach
    void setUp() {
        incoming = dir.resolve("incoming");
        work = incoming.resolve(".upload-work");
        upload = new ClerkUpload(CONTRACT, GUARD, TERRITORY, incoming, work, 64 * 1024, 1000, CLOCK);
    }

    static String row(int i, String municipality) {
        return "CPU-AL07-202602-" + String.format("%06d", i) + "," + "ab".repeat(32) + "," + municipality + ",2026-02-1" + (i % 9)
                + ",school,neglect,M,10,,,,,\n";
    }

    static byte[] cpuFile(int rows) {
        StringBuilder s = new StringBuilder(HEADER);
        for (int i = 1; i <= rows; i++) {
            s.append(row(i, "Kukës"));
        }
        return s.toString().getBytes(UTF_8);
    }

    ClerkUpload.Checked send(String name, byte[] body) throws IOException {
        return upload.take("clerk", "AL-07", name, new ByteArrayInputStream(body));
    }

    List<String> incomingNames() throws IOException {
        if (!Files.isDirectory(incoming)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(incoming)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    long filesUnderWork() throws IOException {
        if (!Files.isDirectory(work)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(work)) {
            return all.filter(p -> !p.equals(work)).count();
        }
    }

    @Test
    void anAcceptedFileIsPlacedInTheIncomingFolderUnderItsNameByteForByte() throws IOException {
        byte[] body = cpuFile(3);

        ClerkUpload.Checked checked = send("cpu_AL-07_2026-02.csv", body);

        assertThat(checked.accepted()).isTrue();
        UploadReceipt r = checked.receipt();
        assertThat(r.rowsIn()).isEqualTo(3);
        assertThat(r.encoding()).isEqualTo("UTF-8");
        assertThat(r.slice()).isEqualTo("cpu_AL-07_2026-02");
        assertThat(r.replacedEarlier()).isFalse();
        assertThat(incomingNames()).containsExactly("cpu_AL-07_2026-02.csv");
        assertThat(Files.readAllBytes(incoming.resolve("cpu_AL-07_2026-02.csv"))).isEqualTo(body);
        assertThat(r.checksum()).isEqualTo(java.util.HexFormat.of().formatHex(sha256(body)));
        assertThat(filesUnderWork()).as("the work copy and the normalised copy are gone").isZero();
    }

    @Test
    void aValueThatLooksLikeAPhoneNumberRefusesTheFileAndNothingOfItIsKept() throws IOException {
        String phone = "0692345678";
        byte[] body = (HEADER + row(1, "Kukës") + row(2, phone)).getBytes(UTF_8);

        UploadReceipt r = send("cpu_AL-07_2026-02.csv", body).receipt();

        assertThat(r.outcome()).isEqualTo(UploadReceipt.Outcome.REFUSED);
        assertThat(r.problem()).isEqualTo("PERSONAL_DATA");
        assertThat(r.detail()).contains("column municipality", "data row 2").doesNotContain(phone);
        assertThat(r.checksum()).as("no trace of a refused file's content").isNull();
        assertThat(incomingNames()).isEmpty();
        assertThat(filesUnderWork()).isZero();
    }

    @Test
    void aNameThatBreaksTheNamingRuleIsRefusedWithoutRepeatingIt() throws IOException {
        UploadReceipt r = send("Arben Hoxha dosja.csv", cpuFile(1)).receipt();

        assertThat(r.problem()).isEqualTo("BAD_FILE_NAME");
        assertThat(r.fileName()).isEqualTo(ClerkUpload.UNNAMED);
        assertThat(r.detail()).doesNotContain("Arben").doesNotContain("Hoxha");
        assertThat(incomingNames()).isEmpty();
        assertThat(send(null, cpuFile(1)).receipt().problem()).isEqualTo("BAD_FILE_NAME");
        assertThat(send("cpu_AL-07_2026-02.withdraw", new byte[0]).receipt().problem()).as("withdrawals are not sent this way")
                .isEqualTo("BAD_FILE_NAME");
        assertThat(send("../cpu_AL-07_2026-02.csv", cpuFile(1)).receipt().problem()).isEqualTo("BAD_FILE_NAME");
    }

    @Test
    void aClerkSendsTheirOwnCountysFilesOnly() throws IOException {
        UploadReceipt r = send("cpu_AL-01_2026-02.csv", cpuFile(1)).receipt();

        assertThat(r.problem()).isEqualTo("OUTSIDE_CLERK_COUNTY");
        assertThat(incomingNames()).isEmpty();
    }

    @Test
    void theIncomingFoldersFileRulesRefuseWhatTheyRefuseThere() throws IOException {
        assertThat(send("cpu_AL-07_2026-04.csv", cpuFile(1)).receipt().problem()).as("after March 2026").isEqualTo("FUTURE_MONTH");
        assertThat(send("cpu_AL-07_2026-13.csv", cpuFile(1)).receipt().problem()).isEqualTo("BAD_FILE_NAME");
        assertThat(send("abc_AL-07_2026-02.csv", cpuFile(1)).receipt().problem()).isEqualTo("UNKNOWN_SOURCE");
        assertThat(send("cpu_AL-99_2026-02.csv", cpuFile(1)).receipt().problem()).isEqualTo("UNKNOWN_COUNTY");
        assertThat(send("cpu_AL-07_2026-02.csv", new byte[0]).receipt().problem()).isEqualTo("EMPTY_FILE");
        byte[] noAge = (HEADER.replace(",age", "") + "x\n").getBytes(UTF_8);
        assertThat(send("cpu_AL-07_2026-02.csv", noAge).receipt().problem()).isEqualTo("MISSING_COLUMNS");
        byte[] extra = (HEADER.replace("\n", ",mother_name\n")).getBytes(UTF_8);
        assertThat(send("cpu_AL-07_2026-02.csv", extra).receipt().problem()).isEqualTo("UNKNOWN_COLUMNS");
        assertThat(send("cpu_AL-07_2026-02.csv", (HEADER + "\"unclosed,").getBytes(UTF_8)).receipt().problem()).isEqualTo("MALFORMED_CSV");
        assertThat(incomingNames()).isEmpty();
        assertThat(filesUnderWork()).isZero();
    }

    @Test
    void aFileLargerThanTheUploadLimitIsRefusedAfterReadingNoMoreThanTheLimit() throws IOException {
        byte[] big = cpuFile(1200);
        assertThat(big.length).isGreaterThan(64 * 1024);
        CountingStream body = new CountingStream(big);

        UploadReceipt r = upload.take("clerk", "AL-07", "cpu_AL-07_2026-02.csv", body).receipt();

        assertThat(r.problem()).isEqualTo("TOO_BIG");
        assertThat(body.read).isLessThanOrEqualTo(64 * 1024 + (1 << 16));
        assertThat(incomingNames()).isEmpty();
        assertThat(filesUnderWork()).isZero();
    }

    @Test
    void aWorkbookReplacesTheSlicesEarlierFileAndAPendingWithdrawalAndIsKeptAsTheCsvOfItsCheckedCellsOnly() throws IOException {
        Files.createDirectories(incoming);
        Files.writeString(incoming.resolve("cpu_AL-07_2026-02.xlsx"), "an earlier workbook");
        Files.writeString(incoming.resolve("cpu_AL-07_2026-02.withdraw"), "");
        Files.writeString(incoming.resolve("cpu_AL-07_2026-01.csv"), "another month, untouched");

        UploadReceipt r = send("cpu_AL-07_2026-02.xlsx", workbook(4, "Komenti i Arben Hoxhës")).receipt();

        assertThat(r.outcome()).isEqualTo(UploadReceipt.Outcome.ACCEPTED);
        assertThat(r.rowsIn()).isEqualTo(4);
        assertThat(r.replacedEarlier()).isTrue();
        assertThat(r.fileName()).isEqualTo("cpu_AL-07_2026-02.csv");
        assertThat(incomingNames()).containsExactly("cpu_AL-07_2026-01.csv", "cpu_AL-07_2026-02.csv");
        String kept = Files.readString(incoming.resolve("cpu_AL-07_2026-02.csv"));
        // The rows as the CSV of the same rows would be; the cell comment (a name) and the rest of the workbook are gone.
        assertThat(kept).isEqualTo(new String(cpuFile(4), UTF_8));
        assertThat(r.checksum()).isEqualTo(java.util.HexFormat.of().formatHex(sha256(kept.getBytes(UTF_8))));
        assertThat(Files.getPosixFilePermissions(incoming.resolve("cpu_AL-07_2026-02.csv")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
    }

    /** The sample workbook with a second sheet "lista" whose first cell holds {@code text}. */
    private static byte[] withSecondSheet(String text) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook(2, null))); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("lista").createRow(0).createCell(0).setCellValue(text);
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aWorkbookOfTwoSheetsIsRefusedSinceOnlyTheFirstWouldBeChecked() throws IOException {
        byte[] twoSheets = withSecondSheet("Arben Hoxha J12345678K");

        UploadReceipt r = send("cpu_AL-07_2026-02.xlsx", twoSheets).receipt();

        assertThat(r.problem()).isEqualTo("WORKBOOK_SHEETS");
        assertThat(r.detail()).contains("holds 2 sheets").doesNotContain("Arben");
        assertThat(incomingNames()).isEmpty();
        assertThat(filesUnderWork()).isZero();
    }

    @Test
    void aSecondSheetWhosePartLiesElsewhereInTheZipIsCountedAsTheWorkbookListsIt() throws IOException {
        byte[] twoSheets = withSecondSheet("x");
        // The second sheet's part moved out of xl/worksheets/, its relationship pointed at the new place (as an attacker did).
        ByteArrayOutputStream moved = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(twoSheets));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(moved)) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                String name = e.getName().equals("xl/worksheets/sheet2.xml") ? "xl/h/s2.xml" : e.getName();
                if (e.getName().equals("xl/_rels/workbook.xml.rels") || e.getName().equals("[Content_Types].xml")) {
                    bytes = new String(bytes, UTF_8).replace("worksheets/sheet2.xml", "h/s2.xml").getBytes(UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(name));
                out.write(bytes);
            }
        }

        UploadReceipt r = send("cpu_AL-07_2026-02.xlsx", moved.toByteArray()).receipt();

        assertThat(r.problem()).isEqualTo("WORKBOOK_SHEETS");
        assertThat(incomingNames()).isEmpty();
    }

    @Test
    void aWorkbookThatInflatesFarBeyondTheLimitIsRefusedBeforeItIsOpened() throws IOException {
        // A valid workbook with one more part: 9 MiB of zeros, a few kilobytes packed; the check allows eight times the file
        // limit, and at least eight times 1 MiB.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(workbook(2, null)));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bomb)) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                in.transferTo(out);
            }
            out.putNextEntry(new java.util.zip.ZipEntry("xl/media/padding.bin"));
            out.write(new byte[9 << 20]);
        }
        assertThat(bomb.size()).isLessThan(64 * 1024);

        UploadReceipt r = send("cpu_AL-07_2026-02.xlsx", bomb.toByteArray()).receipt();

        assertThat(r.problem()).isEqualTo("TOO_BIG");
        assertThat(r.detail()).contains("inflates to more than");
        assertThat(incomingNames()).isEmpty();
    }

    @Test
    void aMonthBefore2000IsRefused() throws IOException {
        assertThat(send("cpu_AL-07_1999-12.csv", cpuFile(1)).receipt().problem()).isEqualTo("BAD_FILE_NAME");
        assertThat(send("cpu_AL-07_0000-01.csv", cpuFile(1)).receipt().problem()).isEqualTo("BAD_FILE_NAME");
        assertThat(incomingNames()).isEmpty();
    }

    @Test
    void aSenderWhoseFileIsStillArrivingHoldsUpNoOtherClerk() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.io.InputStream stalled = new java.io.InputStream() {
            private boolean sentOne;

            @Override
            public int read() throws IOException {
                if (!sentOne) {
                    sentOne = true;
                    return 'c';
                }
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
        };
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<ClerkUpload.Checked> slow = pool.submit(() -> upload.take("slow", "AL-07", "cpu_AL-07_2026-01.csv", stalled));
            java.util.concurrent.Future<ClerkUpload.Checked> other = pool.submit(() -> send("cpu_AL-07_2026-02.csv", cpuFile(2)));

            // A liveness bound, not a timing: the other upload finishes while the first is still being sent.
            assertThat(other.get(60, java.util.concurrent.TimeUnit.SECONDS).accepted()).isTrue();
            assertThat(slow.isDone()).isFalse();
            release.countDown();
            // All it sent was "c": a header of one unknown column.
            assertThat(slow.get(60, java.util.concurrent.TimeUnit.SECONDS).receipt().problem()).isEqualTo("UNKNOWN_COLUMNS");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusedFileIsTakenOutOfTheIncomingFolderOnlyWhileItIsTheSameFile() throws IOException {
        byte[] body = cpuFile(2);
        String checksum = send("cpu_AL-07_2026-02.csv", body).receipt().checksum();

        assertThat(upload.forgetRefused("cpu_AL-07_2026-02.csv", "0".repeat(64))).isFalse();
        assertThat(incomingNames()).containsExactly("cpu_AL-07_2026-02.csv");
        assertThat(upload.forgetRefused("cpu_AL-07_2026-02.csv", checksum)).isTrue();
        assertThat(incomingNames()).isEmpty();
    }

    @Test
    void receiptsAreKeptInTheOperationalStorePerCountyNewestFirst() throws IOException {
        try (DuckDbForumStore store = DuckDbForumStore.open(dir.resolve("store.duckdb"), new ForumRules(TERRITORY, Set.of(),
                al.antitrafficking.warehouse.pii.PiiGuard.load(ROOT.resolve("conf/pii"), TERRITORY, Countries.load(ROOT.resolve("conf/reference")))), CLOCK)) {
            UploadReceipts receipts = store.uploadReceipts();
            UploadReceipt first = receipts.save(send("cpu_AL-07_2026-02.csv", cpuFile(2)).receipt());
            UploadReceipt second = receipts.save(send("Arben Hoxha.csv", cpuFile(2)).receipt());
            receipts.save(upload.take("clerk-berat", "AL-01", "cpu_AL-01_2026-02.csv", new ByteArrayInputStream(cpuFile(1))).receipt());

            List<UploadReceipt> kukes = receipts.newest("AL-07", 10);

            assertThat(kukes).extracting(UploadReceipt::id).containsExactly(second.id(), first.id());
            assertThat(kukes.get(1)).isEqualTo(first);
            assertThat(kukes.get(1).receivedAt()).isEqualTo("2026-03-01T09:00:00Z");
            assertThat(kukes.get(0).fileName()).isEqualTo(ClerkUpload.UNNAMED);
        }
    }

    @Test
    void everyReasonAndRuleHasASentenceInAlbanianAndInEnglish() {
        for (FileProblem p : FileProblem.values()) {
            assertThat(ReceiptText.problem("sq", p.name())).isNotBlank().isNotEqualTo(ReceiptText.problem("en", p.name()));
        }
        for (RowRule rule : RowRule.values()) {
            assertThat(ReceiptText.rule("sq", rule.name())).isNotBlank().isNotEqualTo(ReceiptText.rule("en", rule.name()));
        }
        assertThat(ReceiptText.text("sq", "refused", ReceiptText.problem("sq", "TOO_BIG"))).startsWith("Skedari u refuzua: skedari është më i madh");
    }

    /** The rows of {@link #cpuFile} as a workbook of one sheet, with a cell comment if given. */
    private static byte[] workbook(int rows, String comment) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("cpu");
            if (comment != null) {
                var drawing = sheet.createDrawingPatriarch();
                var note = drawing.createCellComment(wb.getCreationHelper().createClientAnchor());
                note.setString(wb.getCreationHelper().createRichTextString(comment));
                sheet.createRow(0).createCell(0).setCellComment(note);
            }
            String[] header = HEADER.strip().split(",");
            var h = sheet.getRow(0) == null ? sheet.createRow(0) : sheet.getRow(0);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            for (int i = 1; i <= rows; i++) {
                String[] values = row(i, "Kukës").strip().split(",", -1);
                var r = sheet.createRow(i);
                for (int c = 0; c < values.length; c++) {
                    if (!values[c].isEmpty()) {
                        r.createCell(c).setCellValue(values[c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts what the check read of the body. */
    private static final class CountingStream extends ByteArrayInputStream {
        long read;

        CountingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            read += Math.max(0, n);
            return n;
        }
    }
}
