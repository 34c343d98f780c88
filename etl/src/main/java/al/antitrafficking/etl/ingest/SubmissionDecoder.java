package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.etl.contract.DataContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Makes a landed file readable by Spark, forgiving about format and strict about the header. CSV arrives
 * as UTF-8 (with or without a byte-order mark) or Windows-1250, with commas or semicolons; Excel workbooks
 * (.xlsx) are read from their first sheet. Anything but UTF-8 with commas is rewritten as UTF-8 CSV into the
 * staging folder. The header must name exactly the contract's columns, in any order; messages name
 * columns by position when they are not the contract's, since a header cell could itself be a name.
 */
final class SubmissionDecoder {
    private static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final DataContract contract;
    private final Path normalisedDir;

    SubmissionDecoder(DataContract contract, Path normalisedDir) {
        this.contract = contract;
        this.normalisedDir = normalisedDir;
    }

    /** A {@link Submission}, or the {@link FileRejection} saying why the file is refused whole. */
    Object decode(Landed file) {
        try {
            return file.excel() ? excel(file) : csv(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.path(), e);
        }
    }

    private Object csv(Landed file) throws IOException {
        byte[] bytes = Files.readAllBytes(file.path());
        if (bytes.length == 0) {
            return FileRejection.of(file, FileProblem.EMPTY_FILE, "Cannot load submission: " + file.fileName()
                    + " is empty (zero bytes); a month with no cases is sent as a file with the header only");
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            return FileRejection.of(file, FileProblem.UNREADABLE_ENCODING, "Cannot load submission: " + file.fileName()
                    + " is UTF-16 text; save it as UTF-8 (or Windows-1250) CSV");
        }
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        int start = bom ? 3 : 0;
        String text;
        String encoding;
        try {
            text = strict(UTF_8, bytes, start);
            encoding = bom ? "UTF-8 with BOM" : "UTF-8";
        } catch (CharacterCodingException notUtf8) {
            try {
                text = strict(WINDOWS_1250, bytes, 0);
                encoding = "Windows-1250";
            } catch (CharacterCodingException notWindows) {
                return FileRejection.of(file, FileProblem.UNREADABLE_ENCODING, "Cannot load submission: " + file.fileName()
                        + " is neither UTF-8 nor Windows-1250 text");
            }
        }
        char delimiter = delimiter(firstLine(text));
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
        List<String> header;
        try (CSVParser parser = format.parse(new StringReader(firstLine(text)))) {
            List<CSVRecord> first = parser.getRecords();
            if (first.isEmpty()) {
                return FileRejection.of(file, FileProblem.EMPTY_FILE, "Cannot load submission: " + file.fileName() + " has no header line");
            }
            header = first.get(0).toList().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        } catch (IOException | RuntimeException e) {
            return FileRejection.of(file, FileProblem.MALFORMED_CSV, "Cannot load submission: the header of " + file.fileName()
                    + " cannot be read as CSV");
        }
        FileRejection headerProblem = checkHeader(file, header);
        if (headerProblem != null) {
            return headerProblem;
        }
        if (!bom && encoding.equals("UTF-8") && delimiter == ',') {
            // Spark reads the file itself; a damaged row there is quarantined, never dropped.
            return new Submission(file, file.path(), header, encoding);
        }
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            for (CSVRecord r : parser) {
                records.add(r.toList());
            }
        } catch (IOException | RuntimeException e) {
            return FileRejection.of(file, FileProblem.MALFORMED_CSV, "Cannot load submission: " + file.fileName()
                    + " cannot be read as CSV (an unclosed quote, or a cut-off last line)");
        }
        Path readable = write(file, header, records.subList(1, records.size()));
        return new Submission(file, readable, header, encoding + (delimiter == ';' ? ", semicolons" : ""));
    }

    private Object excel(Landed file) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file.path()); Workbook workbook = WorkbookFactory.create(in)) {
            if (workbook.getNumberOfSheets() == 0) {
                return FileRejection.of(file, FileProblem.EMPTY_FILE, "Cannot load submission: " + file.fileName() + " has no sheet");
            }
            Sheet sheet = workbook.getSheetAt(0);
            int width = -1;
            for (Row row : sheet) {
                if (width < 0) {
                    width = row.getLastCellNum();
                }
                List<String> values = new ArrayList<>();
                for (int c = 0; c < Math.max(width, row.getLastCellNum()); c++) {
                    values.add(cellText(row.getCell(c)));
                }
                while (values.size() > width && values.get(values.size() - 1).isEmpty()) {
                    values.remove(values.size() - 1);
                }
                if (values.stream().anyMatch(v -> !v.isEmpty())) {
                    records.add(values);
                }
            }
        } catch (IOException | RuntimeException e) {
            return FileRejection.of(file, FileProblem.UNREADABLE_ENCODING, "Cannot load submission: " + file.fileName()
                    + " cannot be opened as an Excel workbook (.xlsx)");
        }
        if (records.isEmpty()) {
            return FileRejection.of(file, FileProblem.EMPTY_FILE, "Cannot load submission: " + file.fileName() + " has no header row");
        }
        List<String> header = records.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        FileRejection headerProblem = checkHeader(file, header);
        if (headerProblem != null) {
            return headerProblem;
        }
        return new Submission(file, write(file, header, records.subList(1, records.size())), header, "Excel workbook");
    }

    /** Dates as yyyy-MM-dd, whole numbers without decimals, text as typed. */
    private static String cellText(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    yield cell.getLocalDateTimeCellValue().toLocalDate().format(ISO_DATE);
                }
                double d = cell.getNumericCellValue();
                yield d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
            }
            case STRING -> cell.getStringCellValue().trim();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    private FileRejection checkHeader(Landed file, List<String> header) {
        List<String> columns = contract.columns(file.source());
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        header.forEach(h -> {
            if (!seen.add(h)) {
                duplicates.add(h);
            }
        });
        if (!duplicates.isEmpty()) {
            // Only contract column names may be echoed; another duplicated header cell is named by position.
            return FileRejection.of(file, FileProblem.DUPLICATE_COLUMNS, "Cannot load submission: " + file.fileName()
                    + " names columns more than once: " + (columns.containsAll(duplicates) ? duplicates : "at position(s) "
                    + positions(header, duplicates)));
        }
        Set<String> unknown = new LinkedHashSet<>(header);
        columns.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            return FileRejection.of(file, FileProblem.UNKNOWN_COLUMNS, "Cannot load submission: " + file.fileName()
                    + " has columns outside the " + file.source().code() + " contract: " + unknown.size()
                    + " column(s) at position(s) " + positions(header, unknown));
        }
        Set<String> missing = new LinkedHashSet<>(columns);
        header.forEach(missing::remove);
        if (!missing.isEmpty()) {
            return FileRejection.of(file, FileProblem.MISSING_COLUMNS, "Cannot load submission: " + file.fileName()
                    + " is missing required column(s) " + missing);
        }
        return null;
    }

    private Path write(Landed file, List<String> header, List<List<String>> rows) throws IOException {
        Files.createDirectories(normalisedDir);
        Path target = normalisedDir.resolve(file.slice() + ".csv");
        try (Writer writer = Files.newBufferedWriter(target, UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return target;
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

    private static String strict(Charset charset, byte[] bytes, int start) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
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
}
