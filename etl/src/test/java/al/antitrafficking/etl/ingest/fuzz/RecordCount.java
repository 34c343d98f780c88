package al.antitrafficking.etl.ingest.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import java.util.OptionalLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The data records of a CSV file as this test reads it, by another route than the job's: decoded as strict UTF-8 (a
 * BOM dropped) or else strict Windows-1250, the separator a semicolon when the header line has more of them than
 * commas, parsed by commons-csv. A line holding only white space is no record (the data contract's rule); the first
 * record is the header. Empty when the test cannot read the file itself (another encoding, or a quote that never ends).
 */
public final class RecordCount {
    private static final Charset WINDOWS_1250 = Charset.forName("windows-1250");

    private RecordCount() {}

    public static OptionalLong dataRecords(byte[] bytes) {
        String text = decode(bytes);
        if (text == null) {
            return OptionalLong.empty();
        }
        String headerLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        char separator = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true).setTrailingData(true).get();
        long records = 0;
        try (CSVParser parser = format.parse(new StringReader(text))) {
            for (CSVRecord r : parser) {
                List<String> fields = r.toList();
                if (fields.size() > 1 || !fields.get(0).isBlank()) {
                    records++;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, records - 1));
    }

    private static String decode(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            return null;
        }
        int from = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        for (Charset charset : new Charset[] {UTF_8, WINDOWS_1250}) {
            try {
                return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
            } catch (CharacterCodingException e) {
                // Not this encoding: try the next.
            }
        }
        return null;
    }

    private static long count(String line, char c) {
        long n = 0;
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == c) {
                n++;
            }
        }
        return n;
    }
}
