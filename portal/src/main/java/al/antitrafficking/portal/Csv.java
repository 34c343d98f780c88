package al.antitrafficking.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV file the portal writes goes through here. A text cell that a spreadsheet would run as a formula (starting
 * with {@code = + - @}, a tab or a carriage return) is written with a leading apostrophe, so it is shown as text; a
 * number (such as -3 or 1.5) is written as it is.
 */
public final class Csv {
    private Csv() {}

    /** The rows as CSV (RFC 4180, CR LF), every cell neutralised. */
    public static String of(List<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            for (List<?> row : rows) {
                printer.printRecord(row.stream().map(Csv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write CSV", e);
        }
        return out.toString();
    }

    /** One cell: null as empty, text neutralised, numbers as they are. */
    public static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof String s ? neutralise(s) : value;
    }

    /**
     * A text that would start a formula, made plain text; a number written as text (such as "-3") is left alone. A
     * spreadsheet set to split on semicolons or tabs would start a new cell after one: a formula sign after a separator
     * is neutralised too, with the whole value quoted ({@link #FORMAT} quotes every cell).
     */
    public static String neutralise(String value) {
        if (value.length() < 2 || value.matches("-?[0-9]+([.,][0-9]+)?")) {
            return value;
        }
        String v = value.replaceAll("([;\t|])\\s*([=+\\-@])", "$1'$2");
        char first = v.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + v : v;
    }

    /** RFC 4180 with CR LF, every cell quoted (so no separator inside a cell can split it, whatever the reader's locale). */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n")
            .setQuoteMode(org.apache.commons.csv.QuoteMode.ALL_NON_NULL).get();
}
