package al.antitrafficking.warehouse.intake;

import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.warehouse.pii.ColumnGuard;
import al.antitrafficking.warehouse.reference.Territory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A file a data clerk sends through the portal, checked by the same file-level rules as the incoming folder (its name,
 * its size, its encoding, its header against the data contract, the width of every row and every value against the
 * personal-data guard: {@link FileScan}) before it is placed in the incoming folder, where the next ingestion run
 * applies the row rules to it like to any other file. The clerk's county must be the county of the file's name.
 *
 * <p>The body is written to an owner-only work folder of its own, never to the incoming folder, and the work folder is
 * deleted whatever happens: nothing of a refused file is kept. An accepted file is moved into the incoming folder
 * under its canonical name in one atomic rename (a run that lists the folder sees the old file or the new one, never
 * half a file), replacing the slice's earlier file (.csv or .xlsx) and a pending withdrawal of it.
 */
public final class ClerkUpload {
    private static final ZoneId TIRANA = ZoneId.of("Europe/Tirane");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The label a refused file gets when its name broke the naming rule: the name itself is never kept. */
    public static final String UNNAMED = "(emri nuk pranohet / name not accepted)";

    private final DataContract contract;
    private final ColumnGuard guard;
    private final Territory territory;
    private final Path incomingDir;
    private final Path workRoot;
    private final long maxUploadBytes;
    private final int maxRowFields;
    private final Clock clock;
    private final Object placing = new Object();
    private final java.util.concurrent.Semaphore workbooks = new java.util.concurrent.Semaphore(1);
    /** A workbook's formula cell saved without its value, in the CSV it is kept as: no valid value of any column. */
    static final String NO_VALUE = "#FORMULA-WITHOUT-VALUE";

    /** What the check found; {@code receipt} has no id yet (the store gives it). */
    public record Checked(UploadReceipt receipt) {
        public boolean accepted() {
            return receipt.outcome() == UploadReceipt.Outcome.ACCEPTED;
        }
    }

    public ClerkUpload(DataContract contract, ColumnGuard guard, Territory territory, Path incomingDir, Path workRoot, long maxUploadBytes,
                       int maxRowFields, Clock clock) {
        this.contract = contract;
        this.guard = guard;
        this.territory = territory;
        this.incomingDir = incomingDir;
        this.workRoot = workRoot;
        this.maxUploadBytes = maxUploadBytes;
        this.maxRowFields = maxRowFields;
        this.clock = clock;
    }

    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /** The same, the receipt given back unsaved. */
    public Checked take(String username, String clerkCounty, String fileName, InputStream body) throws IOException {
        return take(username, clerkCounty, fileName, body, r -> r);
    }

    /**
     * Checks the file {@code fileName} read from {@code body} (at most {@link #maxUploadBytes} bytes are read) for a
     * clerk of {@code clerkCounty}, places it in the incoming folder if it passes, and hands the receipt to {@code keep}
     * (which saves it). Reading and checking run side by side for many clerks, so a slow sender holds up no one else
     * (workbooks, which POI holds in memory, one at a time); placing the file and keeping its receipt happen one upload
     * at a time, so the newest receipt of a slice describes the file the incoming folder holds. A workbook is placed as
     * CSV of its checked cells: its other parts (comments, headers and footers, document properties) are not kept.
     */
    public Checked take(String username, String clerkCounty, String fileName, InputStream body,
                        java.util.function.UnaryOperator<UploadReceipt> keep) throws IOException {
        FileName read = FileName.read(fileName, territory, YearMonth.now(clock.withZone(TIRANA)));
        if (read.source() == null || fileName.endsWith(Landed.WITHDRAWAL)) {
            return refused(keep, username, clerkCounty, UNNAMED, null, null, 0, read.source() == null ? read.problem() : FileProblem.BAD_FILE_NAME,
                    "Cannot load submission: the file name is not <source>_<county code>_<yyyy-MM>.csv or .xlsx with a known source "
                            + "(border, cpu, nrm, services); it is not repeated, since a name can hold a person's name");
        }
        if (read.countyCode() != null && read.problem() != FileProblem.UNKNOWN_COUNTY && !read.countyCode().equals(clerkCounty)) {
            return refused(keep, username, clerkCounty, fileName, read.source().code(), read.month(), 0, FileProblem.OUTSIDE_CLERK_COUNTY,
                    "Cannot load submission: " + fileName + " is for county " + read.countyCode() + "; this account sends files for "
                            + clerkCounty + " only");
        }
        if (!read.accepted()) {
            return refused(keep, username, clerkCounty, fileName, read.source().code(), read.month(), 0, read.problem(), read.message());
        }
        Source source = read.source();
        String county = read.countyCode();
        YearMonth month = read.yearMonth();
        Path work = workFolder();
        try {
            Path file = work.resolve(fileName);
            long size = copyBounded(body, file);
            if (size > maxUploadBytes) {
                return refused(keep, username, clerkCounty, fileName, source.code(), month.toString(), size, FileProblem.TOO_BIG,
                        "Cannot load submission: " + fileName + " is more than the " + maxUploadBytes + " bytes a file sent through the "
                                + "portal may have (portal.max-upload-bytes)");
            }
            Landed landed = new Landed(file, source, county, month, Landed.sha256(file), size, clock.instant().toString());
            Path scanDir = Files.createDirectory(work.resolve("scan"));
            Submission submission;
            boolean workbook = landed.excel();
            if (workbook) {
                workbooks.acquireUninterruptibly();
            }
            try {
                submission = new FileScan(contract, guard, maxUploadBytes, maxRowFields, scanDir).scan(landed);
            } catch (FileRefusal r) {
                return refused(keep, username, clerkCounty, fileName, source.code(), month.toString(), size, r.rejection().problem(),
                        r.getMessage());
            } finally {
                if (workbook) {
                    workbooks.release();
                }
            }
            // What the incoming folder gets: the file as sent, or a workbook's checked cells as CSV.
            Path placed = workbook ? asCsv(submission.readable(), work.resolve(landed.slice() + ".csv")) : file;
            String placedName = placed.getFileName().toString();
            String checksum = workbook ? Landed.sha256(placed) : landed.checksum();
            long placedSize = workbook ? Files.size(placed) : size;
            synchronized (placing) {
                boolean replaced = place(placed, landed.slice(), placedName);
                return new Checked(keep.apply(new UploadReceipt(0, null, username, clerkCounty, placedName, source.code(), month.toString(),
                        placedSize, checksum, submission.rowsIn(), workbook ? "Excel workbook, kept as CSV" : submission.encoding(),
                        UploadReceipt.Outcome.ACCEPTED, null, null, replaced)));
            }
        } finally {
            deleteTree(work);
        }
    }

    /**
     * A workbook's normalised copy as a CSV regional file: the contract's columns, each row's cells as the scan read
     * them. A row the scan marked stays broken the same way: a formula without a computed value becomes
     * {@value #NO_VALUE} in its cell (no valid value of any column), a row of too many cells keeps one cell more.
     */
    private static Path asCsv(Path normalised, Path target) throws IOException {
        try (java.io.BufferedReader in = Files.newBufferedReader(normalised, java.nio.charset.StandardCharsets.UTF_8);
             java.io.Writer out = Files.newBufferedWriter(target, java.nio.charset.StandardCharsets.UTF_8);
             org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(out,
                     org.apache.commons.csv.CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            List<String> header = Normalised.fields(in.readLine());
            List<String> columns = header.subList(3, header.size());
            int ruleAt = header.indexOf(Normalised.SCAN_RULE);
            int fieldAt = header.indexOf(Normalised.SCAN_FIELD);
            printer.printRecord(columns);
            for (String line; (line = in.readLine()) != null; ) {
                List<String> r = Normalised.fields(line);
                List<String> values = new java.util.ArrayList<>(r.subList(3, r.size()));
                String rule = r.get(ruleAt);
                if (RowRule.FORMULA_WITHOUT_VALUE.name().equals(rule)) {
                    values.set(columns.indexOf(r.get(fieldAt)), NO_VALUE);
                } else if (RowRule.MALFORMED_ROW.name().equals(rule)) {
                    values.add("");
                }
                printer.printRecord(values);
            }
        }
        return target;
    }

    /**
     * Takes a file the ingestion run refused out of the incoming folder, if it is still there unchanged (the run keeps the
     * slice's previous data meanwhile): nothing of a refused file is kept. Returns whether it was removed.
     */
    public boolean forgetRefused(String fileName, String checksum) throws IOException {
        synchronized (placing) {
            return forget(fileName, checksum);
        }
    }

    private boolean forget(String fileName, String checksum) throws IOException {
        java.util.regex.Matcher m = Landed.NAME.matcher(fileName);
        if (!m.matches() || checksum == null || checksum.isEmpty()) {
            return false;
        }
        Path file = incomingDir.resolve(fileName);
        if (!Files.isRegularFile(file) || !checksum.equals(Landed.sha256(file))) {
            return false;
        }
        Files.delete(file);
        fsync(incomingDir);
        return true;
    }

    private Checked refused(java.util.function.UnaryOperator<UploadReceipt> keep, String username, String county, String fileName,
                            String source, String month, long size, FileProblem problem, String detail) {
        UploadReceipt receipt = new UploadReceipt(0, null, username, county, fileName, source, month, size, null, 0, null,
                UploadReceipt.Outcome.REFUSED, problem.name(), detail, false);
        synchronized (placing) {
            return new Checked(keep.apply(receipt));
        }
    }

    /** Moves the checked file into the incoming folder as {@code name}; removes the slice's other files. */
    private boolean place(Path file, String slice, String name) throws IOException {
        if (!Files.isDirectory(incomingDir)) {
            Files.createDirectories(incomingDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
        }
        Path temp = incomingDir.resolve(".upload-" + HexFormat.of().formatHex(RANDOM.generateSeed(8)));
        Files.copy(file, temp);
        // Readable by the owner and the group the scheduled ingestion runs in, by no one else.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r-----"));
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        boolean replaced = false;
        for (String ext : List.of(".csv", ".xlsx", Landed.WITHDRAWAL)) {
            Path other = incomingDir.resolve(slice + ext);
            if (!other.getFileName().toString().equals(name) && Files.deleteIfExists(other)) {
                replaced = true;
            }
        }
        Path target = incomingDir.resolve(name);
        replaced |= Files.exists(target);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        fsync(incomingDir);
        return replaced;
    }

    private long copyBounded(InputStream body, Path file) throws IOException {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > maxUploadBytes) {
                    return total;
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private Path workFolder() throws IOException {
        if (!Files.isDirectory(workRoot)) {
            // The work folder's names (county and month) are nobody else's business: owner only.
            Files.createDirectories(workRoot, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        for (int attempt = 0; ; attempt++) {
            Path dir = workRoot.resolve("upload-" + HexFormat.of().formatHex(RANDOM.generateSeed(8)));
            try {
                return Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 5) {
                    throw e;
                }
            }
        }
    }

    /** Deletes what earlier uploads left in the work folder (a portal killed during a check). */
    public void sweepWorkFolder() throws IOException {
        if (!Files.isDirectory(workRoot)) {
            return;
        }
        try (Stream<Path> left = Files.list(workRoot)) {
            for (Path p : left.filter(p -> p.getFileName().toString().startsWith("upload-")).toList()) {
                deleteTree(p);
            }
        }
        if (Files.isDirectory(incomingDir)) {
            try (Stream<Path> temps = Files.list(incomingDir)) {
                for (Path p : temps.filter(p -> p.getFileName().toString().startsWith(".upload-")).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            org.apache.commons.io.file.PathUtils.deleteDirectory(dir);
        }
    }

    private static void fsync(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a folder; the rename itself is atomic.
        }
    }
}
