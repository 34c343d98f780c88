package al.antitrafficking.warehouse.intake;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time (RFC 4180: fields may be quoted, a quote inside a quoted field is doubled, quoted
 * fields may hold separators and line breaks). A record is what a clerk means by a row, whatever its lines. Limits
 * are checked while reading, so an absurd row fails fast without being held in memory: more fields than
 * {@code maxFields} is {@link TooWide}; a quote never closed is {@link Unclosed}; each names the line it happened on
 * (a line ends at LF, CR LF or a lone CR, as a record does). Empty lines are skipped. A stray quote inside an unquoted
 * field, or text after a closing quote, is kept as text.
 */
final class CsvTokenizer {
    /** A record of more fields than allowed, starting on {@code line}. */
    static final class TooWide extends Exception {
        final long line;

        TooWide(long line) {
            super(null, null, false, false);
            this.line = line;
        }
    }

    /** A quoted field opened on {@code line} that the file never closes. */
    static final class Unclosed extends Exception {
        final long line;

        Unclosed(long line) {
            super(null, null, false, false);
            this.line = line;
        }
    }

    private final Reader in;
    /** Characters are taken from a buffer of our own: a synchronised Reader.read() per character cost as much as the rest. */
    private final char[] buffer = new char[1 << 13];
    private int position;
    private int limit;
    private final char delimiter;
    private final int maxFields;
    private int pending = -2;
    /** The line of the last character taken from the reader. */
    private long line = 1;
    private boolean afterCr;
    private long recordLine;
    /** How many fields the last record had. */
    private int width;

    CsvTokenizer(Reader in, char delimiter, int maxFields) {
        this.in = in;
        this.delimiter = delimiter;
        this.maxFields = maxFields;
    }

    /** The next record's fields, or null at the end. */
    List<String> next() throws IOException, TooWide, Unclosed {
        while (true) {
            int c = read();
            if (c < 0) {
                return null;
            }
            if (c == '\n') {
                continue;
            }
            if (c == '\r') {
                int n = read();
                if (n != '\n' && n >= 0) {
                    pending = n;
                }
                continue;
            }
            pending = c;
            recordLine = line;
            return record();
        }
    }

    private List<String> record() throws IOException, TooWide, Unclosed {
        // As wide as the record before (the rows of a file are as wide as its header), so that the list never grows.
        List<String> fields = new ArrayList<>(Math.max(10, width));
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        long quoteLine = 0;
        while (true) {
            int c = read();
            if (quoted) {
                if (c < 0) {
                    throw new Unclosed(quoteLine);
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        pending = n;
                    }
                } else {
                    field.append((char) c);
                }
                continue;
            }
            if (c < 0 || c == '\n' || c == '\r' || c == delimiter) {
                if (fields.size() >= maxFields) {
                    throw new TooWide(recordLine);
                }
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                if (c == delimiter) {
                    continue;
                }
                if (c == '\r') {
                    int n = read();
                    if (n != '\n' && n >= 0) {
                        pending = n;
                    }
                }
                width = fields.size();
                return fields;
            }
            if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                quoteLine = line;
            } else {
                field.append((char) c);
                appendRun(field);
            }
        }
    }

    /**
     * The rest of an unquoted field that the buffer holds, taken at once: every character up to the next separator or line
     * break (left to be read), none of which counts a line (and the character before them was no CR: it was part of the
     * field). What {@link #read} would give one character at a time, without a call and its line bookkeeping per character
     * (most of the tokeniser's time).
     */
    private void appendRun(StringBuilder field) {
        int end = position;
        while (end < limit) {
            char ch = buffer[end];
            if (ch == delimiter || ch == '\n' || ch == '\r') {
                break;
            }
            end++;
        }
        if (end > position) {
            field.append(buffer, position, end - position);
            position = end;
        }
    }

    /** The line the last record returned by {@link #next} starts on. */
    long recordLine() {
        return recordLine;
    }

    private int read() throws IOException {
        if (pending != -2) {
            // Pushed back: its line was counted when it was first read.
            int c = pending;
            pending = -2;
            return c;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        int c = buffer[position++];
        if (c == '\r' || c == '\n' && !afterCr) {
            line++;
        }
        afterCr = c == '\r';
        return c;
    }
}
