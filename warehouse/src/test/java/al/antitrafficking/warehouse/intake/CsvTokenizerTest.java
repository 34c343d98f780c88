package al.antitrafficking.warehouse.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tokeniser against records written out by the test itself: random fields (separators, quotes, every kind of line
 * break, letters outside ASCII) quoted as RFC 4180 says, records ended by LF, CR LF or a lone CR, read back through a
 * reader that hands over a few characters at a time, so that fields, quotes and line breaks fall across every edge of the
 * tokeniser's buffer. Each record must come back with its own fields and the line it starts on.
 */
class CsvTokenizerTest {
    private static final String ALPHABET = "ab,;\"\n\r ë1";

    @Test
    void randomRecordsComeBackFieldForFieldWithTheirLinesWhateverTheReadsEdges() throws Exception {
        Random random = new Random(20261203);
        for (int round = 0; round < 300; round++) {
            char delimiter = random.nextBoolean() ? ',' : ';';
            List<List<String>> records = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            long line = 1;
            for (int r = 0, n = round % 4 == 0 ? 400 + random.nextInt(400) : 1 + random.nextInt(40); r < n; r++) {
                List<String> fields = new ArrayList<>();
                for (int f = 0, width = 1 + random.nextInt(6); f < width; f++) {
                    StringBuilder value = new StringBuilder();
                    for (int i = 0, length = random.nextInt(random.nextInt(4) == 0 ? 40 : 6); i < length; i++) {
                        value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                    fields.add(value.toString());
                }
                records.add(fields);
                lines.add(line);
                for (int f = 0; f < fields.size(); f++) {
                    if (f > 0) {
                        text.append(delimiter);
                    }
                    String v = fields.get(f);
                    boolean quote = v.indexOf(delimiter) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                            || fields.size() == 1 && v.isBlank();
                    text.append(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
                    line += lineBreaks(v);
                }
                String end = switch (random.nextInt(3)) {
                    case 0 -> "\n";
                    case 1 -> "\r\n";
                    default -> "\r";
                };
                // The last record may end without a line break, as a file's last line often does.
                if (r < n - 1 || random.nextBoolean()) {
                    text.append(end);
                    line++;
                }
            }
            // A few characters per read in most rounds; in one round of four, up to 10,000 (the tokeniser's whole buffer).
            CsvTokenizer tokenizer = new CsvTokenizer(new Trickle(text.toString(), random, round % 4 == 0 ? 10_000 : 7), delimiter, 1000);
            for (int r = 0; r < records.size(); r++) {
                assertThat(tokenizer.next()).as("round %d, record %d", round, r).isEqualTo(records.get(r));
                assertThat(tokenizer.recordLine()).as("round %d, line of record %d", round, r).isEqualTo(lines.get(r));
            }
            assertThat(tokenizer.next()).as("round %d, after the last record", round).isNull();
        }
    }

    @Test
    void aStrayQuoteInsideAnUnquotedFieldAndTextAfterAClosingQuoteAreKeptAsText() throws Exception {
        CsvTokenizer tokenizer = new CsvTokenizer(new Trickle("ab\"c,\"x\"y z,\"q\"\"\"\n", new Random(1), 7), ',', 1000);
        assertThat(tokenizer.next()).containsExactly("ab\"c", "xy z", "q\"");
        assertThat(tokenizer.next()).isNull();
    }

    /** LF, CR LF and lone CR, each one line break (as the tokeniser counts lines). */
    private static long lineBreaks(String v) {
        return v.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count();
    }

    /** A reader that hands over one to {@code most} characters per read. */
    private static final class Trickle extends Reader {
        private final StringReader in;
        private final Random random;
        private final int most;

        Trickle(String text, Random random, int most) {
            this.in = new StringReader(text);
            this.random = random;
            this.most = most;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            return in.read(buffer, offset, Math.min(length, 1 + random.nextInt(most)));
        }

        @Override
        public void close() {
            in.close();
        }
    }
}
