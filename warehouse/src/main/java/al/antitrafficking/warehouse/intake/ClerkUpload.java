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
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
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

    /**
     * Checks the file {@code fileName} read from {@code body} (at most {@link #maxUploadBytes} bytes are read) for a
     * clerk of {@code clerkCounty}, and places it in the incoming folder if it passes. One upload at a time: two clerks'
     * files for one slice cannot interleave their replacement.
     */
    public synchronized Checked take(String username, String clerkCounty, String fileName, InputStream body) throws IOException {
        Matcher m = fileName == null ? null : Landed.NAME.matcher(fileName);
        if (m == null || !m.matches() || fileName.endsWith(Landed.WITHDRAWAL)) {
            return refused(username, clerkCounty, UNNAMED, null, null, 0, FileProblem.BAD_FILE_NAME,
                    "Cannot load submission: the file name is not <source>_<county code>_<yyyy-MM>.csv or .xlsx; it is not repeated, "
                            + "since a name can hold a person's name");
        }
        Source source = Source.fromCode(m.group(1)).orElse(null);
        if (source == null) {
            return refused(username, clerkCounty, UNNAMED, null, null, 0, FileProblem.UNKNOWN_SOURCE,
                    "Cannot load submission: the file name names no known source (border, cpu, nrm, services)");
        }
        String county = m.group(2);
        if (territory.findCounty(county).isEmpty()) {
            return refused(username, clerkCounty, fileName, source.code(), m.group(3), 0, FileProblem.UNKNOWN_COUNTY,
                    "Cannot load submission: unknown county code " + county + " in " + fileName);
        }
        if (!county.equals(clerkCounty)) {
            return refused(username, clerkCounty, fileName, source.code(), m.group(3), 0, FileProblem.OUTSIDE_CLERK_COUNTY,
                    "Cannot load submission: " + fileName + " is for county " + county + "; this account sends files for " + clerkCounty + " only");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(m.group(3));
        } catch (DateTimeParseException e) {
            return refused(username, clerkCounty, fileName, source.code(), m.group(3), 0, FileProblem.BAD_FILE_NAME,
                    "Cannot load submission: month " + m.group(3) + " in " + fileName + " is not a calendar month");
        }
        YearMonth now = YearMonth.now(clock.withZone(TIRANA));
        if (month.isAfter(now)) {
            return refused(username, clerkCounty, fileName, source.code(), month.toString(), 0, FileProblem.FUTURE_MONTH,
                    "Cannot load submission: " + fileName + " is for " + month + ", after the current month (" + now + ")");
        }
        Path work = workFolder();
        try {
            Path file = work.resolve(fileName);
            long size = copyBounded(body, file);
            if (size > maxUploadBytes) {
                return refused(username, clerkCounty, fileName, source.code(), month.toString(), size, FileProblem.TOO_BIG,
                        "Cannot load submission: " + fileName + " is more than the " + maxUploadBytes + " bytes a file sent through the "
                                + "portal may have (portal.max-upload-bytes)");
            }
            String checksum = Landed.sha256(file);
            Landed landed = new Landed(file, source, county, month, checksum, size, clock.instant().toString());
            Path scanDir = Files.createDirectory(work.resolve("scan"));
            Submission submission;
            try {
                submission = new FileScan(contract, guard, maxUploadBytes, maxRowFields, scanDir).scan(landed);
            } catch (FileRefusal r) {
                return refused(username, clerkCounty, fileName, source.code(), month.toString(), size, r.rejection().problem(), r.getMessage());
            }
            boolean replaced = place(file, landed);
            return new Checked(new UploadReceipt(0, null, username, clerkCounty, fileName, source.code(), month.toString(), size, checksum,
                    submission.rowsIn(), submission.encoding(), UploadReceipt.Outcome.ACCEPTED, null, null, replaced));
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Takes a file the ingestion run refused out of the incoming folder, if it is still there unchanged (the run keeps the
     * slice's previous data meanwhile): nothing of a refused file is kept. Returns whether it was removed.
     */
    public synchronized boolean forgetRefused(String fileName, String checksum) throws IOException {
        Matcher m = Landed.NAME.matcher(fileName);
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

    private Checked refused(String username, String county, String fileName, String source, String month, long size, FileProblem problem,
                            String detail) {
        return new Checked(new UploadReceipt(0, null, username, county, fileName, source, month, size, null, 0, null,
                UploadReceipt.Outcome.REFUSED, problem.name(), detail, false));
    }

    /** Moves the checked file into the incoming folder under its name; removes the slice's other files. */
    private boolean place(Path file, Landed landed) throws IOException {
        Files.createDirectories(incomingDir);
        Path temp = incomingDir.resolve(".upload-" + HexFormat.of().formatHex(RANDOM.generateSeed(8)));
        Files.copy(file, temp);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        boolean replaced = false;
        for (String ext : List.of(".csv", ".xlsx", Landed.WITHDRAWAL)) {
            Path other = incomingDir.resolve(landed.slice() + ext);
            if (!other.getFileName().toString().equals(landed.fileName()) && Files.deleteIfExists(other)) {
                replaced = true;
            }
        }
        Path target = incomingDir.resolve(landed.fileName());
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
        Files.createDirectories(workRoot);
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
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
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
