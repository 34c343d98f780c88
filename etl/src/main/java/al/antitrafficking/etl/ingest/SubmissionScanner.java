package al.antitrafficking.etl.ingest;

import al.antitrafficking.etl.contract.Source;
import al.antitrafficking.warehouse.reference.Territory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks at every file in the incoming folder before Spark reads any row: the name must say source,
 * county and month, and the header must name exactly the contract's columns. Files that fail are
 * rejected whole with a message naming the file and the problem; the others go on to be read.
 * Header messages name columns, never cell values.
 */
public final class SubmissionScanner {
    private static final Pattern NAME = Pattern.compile("([a-z]+)_([A-Z]{2}-\\d{2})_(\\d{4}-\\d{2})\\.csv");
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final Territory territory;

    public SubmissionScanner(Territory territory) {
        this.territory = territory;
    }

    public record Scan(List<Submission> accepted, List<FileRejection> rejected) {
        public Scan {
            accepted = List.copyOf(accepted);
            rejected = List.copyOf(rejected);
        }
    }

    public Scan scan(Path incomingDir) {
        List<Submission> accepted = new ArrayList<>();
        List<FileRejection> rejected = new ArrayList<>();
        try (Stream<Path> files = Files.list(incomingDir)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList()) {
                Object outcome = examine(file);
                if (outcome instanceof Submission s) {
                    accepted.add(s);
                } else {
                    rejected.add((FileRejection) outcome);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read incoming folder " + incomingDir, e);
        }
        return new Scan(accepted, rejected);
    }

    private Object examine(Path file) {
        String name = file.getFileName().toString();
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return new FileRejection(name, null, null, null, FileProblem.BAD_FILE_NAME, "Cannot load submission: file name "
                    + name + " is not <source>_<county code>_<yyyy-MM>.csv (for example border_AL-07_2025-03.csv)");
        }
        String sourceCode = m.group(1);
        String county = m.group(2);
        String monthText = m.group(3);
        Source source = Source.fromCode(sourceCode).orElse(null);
        if (source == null) {
            return new FileRejection(name, sourceCode, county, monthText, FileProblem.UNKNOWN_SOURCE,
                    "Cannot load submission: unknown source " + sourceCode + " in " + name + " (known: "
                            + Arrays.stream(Source.values()).map(Source::code).toList() + ")");
        }
        if (territory.findCounty(county).isEmpty()) {
            return new FileRejection(name, sourceCode, county, monthText, FileProblem.UNKNOWN_COUNTY,
                    "Cannot load submission: unknown county code " + county + " in " + name);
        }
        YearMonth month;
        try {
            month = YearMonth.parse(monthText);
        } catch (DateTimeParseException e) {
            return new FileRejection(name, sourceCode, county, monthText, FileProblem.BAD_FILE_NAME,
                    "Cannot load submission: month " + monthText + " in " + name + " is not a calendar month");
        }
        return checkHeader(file, name, source, county, month);
    }

    private Object checkHeader(Path file, String name, Source source, String county, YearMonth month) {
        String headerLine;
        try {
            byte[] head = readHead(file);
            if (head.length == 0) {
                return reject(name, source, county, month, FileProblem.EMPTY_FILE,
                        "Cannot load submission: " + name + " is empty (zero bytes); a month with no cases is sent as a file with the header only");
            }
            headerLine = firstLine(head);
        } catch (CharacterCodingException e) {
            return reject(name, source, county, month, FileProblem.UNREADABLE_ENCODING,
                    "Cannot load submission: the header of " + name + " is not UTF-8 text");
        }
        List<String> header = Arrays.stream(headerLine.split(",", -1))
                .map(h -> h.trim().replaceAll("^\"|\"$", "").toLowerCase(Locale.ROOT)).toList();
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        header.forEach(h -> {
            if (!seen.add(h)) {
                duplicates.add(h);
            }
        });
        if (!duplicates.isEmpty()) {
            return reject(name, source, county, month, FileProblem.DUPLICATE_COLUMNS,
                    "Cannot load submission: " + name + " names columns more than once: " + duplicates);
        }
        Set<String> unknown = new LinkedHashSet<>(header);
        source.columns().forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            return reject(name, source, county, month, FileProblem.UNKNOWN_COLUMNS,
                    "Cannot load submission: " + name + " has columns outside the " + source.code()
                            + " contract: " + unknown.size() + " column(s) at position(s) " + positions(header, unknown));
        }
        Set<String> missing = new LinkedHashSet<>(source.columns());
        header.forEach(missing::remove);
        if (!missing.isEmpty()) {
            return reject(name, source, county, month, FileProblem.MISSING_COLUMNS,
                    "Cannot load submission: " + name + " is missing required column(s) " + missing);
        }
        return new Submission(file, source, county, month, header);
    }

    /** Unknown column names may themselves be identifiers (a name typed in the header): report positions only. */
    private static List<Integer> positions(List<String> header, Set<String> unknown) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (unknown.contains(header.get(i))) {
                positions.add(i + 1);
            }
        }
        return positions;
    }

    private static FileRejection reject(String name, Source source, String county, YearMonth month, FileProblem problem, String message) {
        return new FileRejection(name, source.code(), county, month.toString(), problem, message);
    }

    private static byte[] readHead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(MAX_HEADER_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String firstLine(byte[] head) throws CharacterCodingException {
        int end = 0;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        int start = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        String line = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(head, start, Math.max(0, end - start))).toString();
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
