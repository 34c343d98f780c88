package al.antitrafficking.warehouse.intake;

import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.pii.ColumnGuard;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The file-level checks of one landed file, in Java before Spark sees it, so that nothing a file holds can stop
 * the run: its size (before reading it), its encoding (UTF-8 with or without BOM, or Windows-1250, never guessed:
 * see {@link Utf8Check}), its header (exactly the contract's columns, in any order), the width of every row, and
 * every value against the personal-data guard. What passes is written as a normalised copy ({@link Normalised})
 * into the run's owner-only work folder; what fails throws a {@link FileRefusal} naming the file and a reason.
 */
public final class FileScan {
    private static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
    private static final int MAX_HEADER_CHARS = 1 << 20;

    private final DataContract contract;
    private final ColumnGuard guard;
    private final long maxFileBytes;
    private final int maxRowFields;
    private final Path workDir;

    public FileScan(DataContract contract, ColumnGuard guard, long maxFileBytes, int maxRowFields, Path workDir) {
        this.contract = contract;
        this.guard = guard;
        this.maxFileBytes = maxFileBytes;
        this.maxRowFields = maxRowFields;
        this.workDir = workDir;
    }

    public Submission scan(Landed file) throws FileRefusal, IOException {
        if (file.sizeBytes() > maxFileBytes) {
            throw FileRefusal.of(file, FileProblem.TOO_BIG, "is " + file.sizeBytes() + " bytes, more than the " + maxFileBytes
                    + " allowed (etl.max-file-bytes); split it or check that it is the right file");
        }
        if (file.sizeBytes() == 0) {
            throw FileRefusal.of(file, FileProblem.EMPTY_FILE,
                    "is empty (zero bytes); a month with no cases is sent as a file with the header only");
        }
        Path target = workDir.resolve(file.slice() + ".csv");
        try {
            return file.excel() ? new WorkbookScan(this, file).scan(target) : csv(file, target);
        } catch (FileRefusal | IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    private Submission csv(Landed file, Path target) throws FileRefusal, IOException {
        byte[] head = new byte[2];
        try (var in = Files.newInputStream(file.path())) {
            int n = in.readNBytes(head, 0, 2);
            if (n == 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
                throw FileRefusal.of(file, FileProblem.UNREADABLE_ENCODING, "is UTF-16 text; save it as UTF-8 (or Windows-1250) CSV");
            }
        }
        Utf8Check check = Utf8Check.of(file.path());
        Charset charset = switch (check.kind()) {
            case ASCII, UTF8 -> StandardCharsets.UTF_8;
            case NOT_UTF8 -> WINDOWS_1250;
            case UTF8_WITH_INVALID_BYTES -> throw FileRefusal.of(file, FileProblem.INVALID_UTF8, "is UTF-8 text with bytes that are "
                    + "not UTF-8, first on line " + check.firstInvalidLine() + "; save it again as UTF-8");
        };
        if (check.firstNotWindows1250Line() > 0) {
            throw FileRefusal.of(file, FileProblem.UNREADABLE_ENCODING, "is neither UTF-8 nor Windows-1250 text: line "
                    + check.firstNotWindows1250Line() + " holds a byte that is neither; save it as UTF-8 CSV");
        }
        String encoding = charset == WINDOWS_1250 ? "Windows-1250" : "UTF-8";
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file.path()),
                charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16)) {
            reader.mark(MAX_HEADER_CHARS + 2);
            int first = reader.read();
            if (first != '\uFEFF') {
                reader.reset();
                reader.mark(MAX_HEADER_CHARS + 2);
            } else {
                encoding += " with BOM";
                reader.mark(MAX_HEADER_CHARS + 2);
            }
            char delimiter = delimiter(headerLine(reader));
            reader.reset();
            CsvTokenizer records = new CsvTokenizer(reader, delimiter, maxRowFields);
            List<String> header = records.next();
            // Lines of white space before the header are blank lines, as they are between rows.
            while (header != null && blank(header)) {
                header = records.next();
            }
            if (header == null || header.stream().allMatch(String::isBlank) && onlyBlank(records)) {
                throw FileRefusal.of(file, FileProblem.EMPTY_FILE, "holds no header line, only white space; a month with no cases "
                        + "is sent as a file with the header only");
            }
            if (header.stream().anyMatch(h -> h.indexOf('\0') >= 0)) {
                throw FileRefusal.of(file, FileProblem.UNREADABLE_ENCODING, "has NUL characters in its header (line " + records.recordLine()
                        + "), as UTF-16 text without a byte order mark has; save it as UTF-8 (or Windows-1250) CSV");
            }
            List<String> columns = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            checkHeader(file, columns);
            try (Normalised out = new Normalised(file, contract, guard, columns, target)) {
                for (List<String> r; (r = records.next()) != null; ) {
                    if (blank(r)) {
                        continue;
                    }
                    out.add(r, -1);
                }
                out.refuseIfPersonalData();
                return new Submission(file, target, out.records(), encoding + (delimiter == ';' ? ", semicolons" : ""),
                        out.repeatedIdRecords());
            }
        } catch (MalformedInputException | java.nio.charset.UnmappableCharacterException e) {
            // The byte check above leaves nothing undecodable; should a decoder still disagree, the file is refused all the same.
            throw FileRefusal.of(file, FileProblem.UNREADABLE_ENCODING, "is neither UTF-8 nor Windows-1250 text (line unknown)");
        } catch (CsvTokenizer.TooWide e) {
            throw FileRefusal.of(file, FileProblem.ROW_TOO_WIDE, "has a row of more than " + maxRowFields
                    + " fields (etl.max-row-fields) on line " + e.line + "; the contract has at most " + contract.widest() + " columns");
        } catch (CsvTokenizer.Unclosed e) {
            throw FileRefusal.of(file, FileProblem.MALFORMED_CSV, "cannot be read as CSV: the quoted field opened on line " + e.line
                    + " never ends (an unclosed quote, or a cut-off last line)");
        }
    }

    /** A record that is one field of white space: a blank line, not a row. */
    private static boolean blank(List<String> record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    private static boolean onlyBlank(CsvTokenizer records) throws IOException, CsvTokenizer.TooWide, CsvTokenizer.Unclosed {
        for (List<String> r; (r = records.next()) != null; ) {
            if (r.stream().anyMatch(f -> !f.isBlank())) {
                return false;
            }
        }
        return true;
    }

    /** Scans the rows of a workbook: shared with {@link WorkbookScan}. */
    Normalised normalised(Landed file, List<String> header, Path target) throws IOException, FileRefusal {
        checkHeader(file, header);
        return new Normalised(file, contract, guard, header, target);
    }

    int maxRowFields() {
        return maxRowFields;
    }

    long maxFileBytes() {
        return maxFileBytes;
    }

    int widest() {
        return contract.widest();
    }

    /** The first line that is not blank (the header), read from the mark; at most {@link #MAX_HEADER_CHARS} characters are read. */
    private static String headerLine(BufferedReader reader) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c, read = 0; (c = reader.read()) >= 0 && read < MAX_HEADER_CHARS; read++) {
            if (c != '\n' && c != '\r') {
                line.append((char) c);
            } else if (!line.toString().isBlank()) {
                break;
            } else {
                line.setLength(0);
            }
        }
        return line.toString();
    }

    /** The header's separator: whichever of comma and semicolon occurs more often outside quotes. */
    private static char delimiter(String header) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (char ch : header.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == ',') {
                commas++;
            } else if (!quoted && ch == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** The header names exactly the contract's columns; other header cells are named by position, never echoed. */
    private void checkHeader(Landed file, List<String> header) throws FileRefusal {
        List<String> columns = contract.columns(file.source());
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        header.forEach(h -> {
            if (!seen.add(h)) {
                duplicates.add(h);
            }
        });
        if (!duplicates.isEmpty()) {
            throw FileRefusal.of(file, FileProblem.DUPLICATE_COLUMNS, "names columns more than once: "
                    + (columns.containsAll(duplicates) ? duplicates : "at position(s) " + positions(header, duplicates)));
        }
        Set<String> unknown = new LinkedHashSet<>(header);
        columns.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw FileRefusal.of(file, FileProblem.UNKNOWN_COLUMNS, "has columns outside the " + file.source().code() + " contract: "
                    + unknown.size() + " column(s) at position(s) " + positions(header, unknown));
        }
        Set<String> missing = new LinkedHashSet<>(columns);
        header.forEach(missing::remove);
        if (!missing.isEmpty()) {
            throw FileRefusal.of(file, FileProblem.MISSING_COLUMNS, "is missing required column(s) " + missing);
        }
    }

    private static List<Integer> positions(List<String> header, Set<String> names) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i))) {
                positions.add(i + 1);
            }
        }
        return positions;
    }
}
