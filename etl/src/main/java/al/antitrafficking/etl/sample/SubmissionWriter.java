package al.antitrafficking.etl.sample;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.contract.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * Writes the regional files, one per source × county × month, each with its header even when it stays
 * empty (a nil return). Rows are buffered per file and appended in blocks, so millions of rows over
 * thousands of files need neither much memory nor thousands of open files.
 */
final class SubmissionWriter {
    private static final int FLUSH_CHARS = 64 * 1024;
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private final Path dir;
    private final DataContract contract;
    private final Map<String, StringBuilder> buffers = new HashMap<>();
    private final Map<String, Integer> sequences = new HashMap<>();

    SubmissionWriter(Path dir, DataContract contract) {
        this.dir = dir;
        this.contract = contract;
    }

    /** Creates every file of the span with its header. */
    void createAll(List<String> countyCodes, YearMonth first, YearMonth last) {
        for (Source source : Source.values()) {
            for (String county : countyCodes) {
                for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                    write(fileName(source, county, m), CSV.format(contract.columns(source).toArray()) + "\n", StandardOpenOption.CREATE_NEW);
                }
            }
        }
    }

    /** The next record id of a file, such as {@code BORDER-AL07-202406-000012}. */
    String nextId(Source source, String county, YearMonth month) {
        String file = fileName(source, county, month);
        int seq = sequences.merge(file, 1, Integer::sum);
        return String.format("%s-%s-%d%02d-%06d", source.name(), county.replace("-", ""), month.getYear(), month.getMonthValue(), seq);
    }

    void add(Source source, String county, YearMonth month, List<String> values) {
        if (values.size() != contract.columns(source).size()) {
            throw new IllegalArgumentException("Cannot write " + source + " row: " + values.size() + " values");
        }
        String file = fileName(source, county, month);
        StringBuilder buffer = buffers.computeIfAbsent(file, f -> new StringBuilder());
        buffer.append(CSV.format(values.toArray())).append('\n');
        if (buffer.length() >= FLUSH_CHARS) {
            write(file, buffer.toString(), StandardOpenOption.APPEND);
            buffer.setLength(0);
        }
    }

    void flush() {
        buffers.forEach((file, buffer) -> {
            if (!buffer.isEmpty()) {
                write(file, buffer.toString(), StandardOpenOption.APPEND);
                buffer.setLength(0);
            }
        });
    }

    static String fileName(Source source, String county, YearMonth month) {
        return source.code() + "_" + county + "_" + month + ".csv";
    }

    private void write(String file, String text, StandardOpenOption mode) {
        try {
            Files.writeString(dir.resolve(file), text, UTF_8, mode, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write sample file " + file, e);
        }
    }
}
