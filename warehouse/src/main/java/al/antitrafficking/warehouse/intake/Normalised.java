package al.antitrafficking.warehouse.intake;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.contract.Field;
import al.antitrafficking.warehouse.pii.ColumnGuard;
import al.antitrafficking.warehouse.pii.PiiRule;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one file's normalised copy while the personal-data guard checks every field of every record (the surplus
 * fields of a malformed row too). Columns: {@code _record} (the record number), {@code _scan_field} and
 * {@code _scan_rule} (a rule the scan found broken: MALFORMED_ROW, FORMULA_WITHOUT_VALUE), then the contract's
 * columns in contract order, one record per line. Once a value looks like an identifier nothing more is written: the copy is deleted,
 * the rest only counted, and the file refused.
 *
 * <p>The copy is not CSV: its fields are separated by {@value #SEPARATOR_NAME} (U+001F), a line break or that character
 * inside a value becomes U+FFFD, and a missing value is an empty field. Every contract column is of a closed format (ids,
 * pseudonyms, dates, ages, choices, codes and known places), none of whose valid values holds U+FFFD: a row with such a
 * value is quarantined at that field. That includes a place name ending in one of those control characters, which the
 * place matching (it trims every control character) would have read as the place: the corpus case
 * {@code separator_character_in_values} shows it. Spark reads it as lines of text split at that one character, not through
 * its CSV parser (a quarter of the executors' samples at 10M rows, {@code docs/benchmarks.md}); {@link #fields} reads a
 * line back.
 */
public final class Normalised implements AutoCloseable {
    public static final String RECORD = "_record";
    public static final String SCAN_FIELD = "_scan_field";
    public static final String SCAN_RULE = "_scan_rule";
    /** The character between the fields of a line of a copy. */
    public static final char SEPARATOR = '\u001f';
    static final String SEPARATOR_NAME = "the unit separator";
    /** The longest record id the contract accepts. */
    static final int LONGEST_ID = 64;

    private final Landed file;
    private final ColumnGuard guard;
    private final List<String> header;
    private final List<Field> headerFields;
    private final int[] contractPosition;
    private final Path target;
    private final Writer writer;
    private long records;
    private long piiRows;
    private String piiColumn;
    private PiiRule piiRule;
    private long piiRecord;
    private final int idPosition;
    /** Each valid id seen: the record that first held it, or -1 once that record is listed as repeated. */
    private final Map<String, Long> firstWithId = new HashMap<>();
    private final List<Long> repeatedIds = new ArrayList<>();

    Normalised(Landed file, DataContract contract, ColumnGuard guard, List<String> header, Path target) throws IOException {
        this.file = file;
        this.guard = guard;
        this.header = List.copyOf(header);
        this.target = target;
        List<String> columns = contract.columns(file.source());
        this.headerFields = new ArrayList<>();
        this.contractPosition = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            contractPosition[i] = header.indexOf(columns.get(i));
        }
        this.idPosition = header.indexOf(contract.idColumn(file.source()));
        for (String h : header) {
            headerFields.add(contract.fields(file.source()).stream().filter(f -> f.name().equals(h)).findFirst().orElse(null));
        }
        this.writer = Files.newBufferedWriter(target, UTF_8);
        writeLine(header(columns));
    }

    /** The fields of a copy's header: the record number, the scan's field and rule, then the contract's columns. */
    public static List<String> header(List<String> contractColumns) {
        List<String> header = new ArrayList<>(List.of(RECORD, SCAN_FIELD, SCAN_RULE));
        header.addAll(contractColumns);
        return header;
    }

    /** One record as read; {@code formulaWithoutValue} is the header position of a formula cell with no value, or -1. */
    void add(List<String> fields, int formulaWithoutValue) throws IOException {
        records++;
        for (int i = 0; i < fields.size(); i++) {
            Field field = i < headerFields.size() ? headerFields.get(i) : null;
            Optional<PiiRule> hit = guard.check(field, fields.get(i));
            if (hit.isPresent()) {
                if (piiRows++ == 0) {
                    piiRule = hit.get();
                    piiRecord = records;
                    piiColumn = i < header.size() && field != null ? "column " + field.name()
                            : "field " + (i + 1) + (i < header.size() ? "" : ", beyond the header");
                    writer.close();
                    Files.deleteIfExists(target);
                }
                return;
            }
        }
        if (piiRows > 0) {
            return;
        }
        String scanField = null;
        String scanRule = null;
        if (fields.size() != header.size()) {
            scanField = "(row)";
            scanRule = RowRule.MALFORMED_ROW.name();
        } else if (formulaWithoutValue >= 0) {
            scanField = header.get(formulaWithoutValue);
            scanRule = RowRule.FORMULA_WITHOUT_VALUE.name();
        }
        List<String> out = new ArrayList<>(contractPosition.length + 3);
        out.add(Long.toString(records));
        out.add(scanField);
        out.add(scanRule);
        for (int p : contractPosition) {
            out.add(p < fields.size() ? oneLine(fields.get(p)) : null);
        }
        writeLine(out);
        if (idPosition >= 0 && idPosition < fields.size()) {
            noteId(oneLine(fields.get(idPosition)));
        }
    }

    /**
     * Ids repeat within a file when their valid, space-trimmed values are equal: the same test as on their keyed form
     * (the key and the source are the same for every row of a file), made here where every record passes anyway, so
     * that Spark needs no pass of its own over every row to find them. The values are held only while the file is read.
     */
    private void noteId(String value) {
        if (value == null) {
            return;
        }
        String id = trimSpaces(value);
        if (!validId(id)) {
            return;
        }
        Long first = firstWithId.putIfAbsent(id, records);
        if (first != null) {
            if (first >= 0) {
                repeatedIds.add(first);
                firstWithId.put(id, -1L);
            }
            repeatedIds.add(records);
        }
    }

    /**
     * Whether a record id, once stripped of spaces (U+0020, as Spark's {@code trim} does), is one the contract accepts: 1 to
     * 64 characters, each an ASCII letter or digit, a dot, an underscore or a hyphen. One test for the scan (repeated ids)
     * and for Spark (the rule {@code BAD_ID}), character by character: the pattern {@code ^[A-Za-z0-9._-]{1,64}$} it
     * replaces cost a matcher per row, and its {@code $} let an id end in a line separator (U+2028, U+2029, U+0085).
     */
    public static boolean validId(String id) {
        int n = id.length();
        if (n < 1 || n > LONGEST_ID) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Spark's {@code trim}: spaces (U+0020) only, at both ends. */
    static String trimSpaces(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == ' ') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == ' ') {
            end--;
        }
        return value.substring(start, end);
    }

    /** The numbers of the records whose id another record of the file also holds, in order. */
    List<Long> repeatedIdRecords() {
        List<Long> sorted = new ArrayList<>(repeatedIds);
        java.util.Collections.sort(sorted);
        return List.copyOf(sorted);
    }

    /**
     * A value as one field of one line: a line break inside a quoted value, or the separator, becomes U+FFFD (which no
     * valid value of any contract column holds: the row is quarantined at that field), and every record of the copy is
     * one line of the same number of fields.
     */
    static String oneLine(String value) {
        if (value == null || value.indexOf('\n') < 0 && value.indexOf('\r') < 0 && value.indexOf(SEPARATOR) < 0) {
            return value;
        }
        return value.replace("\r\n", "\ufffd").replace('\r', '\ufffd').replace('\n', '\ufffd').replace(SEPARATOR, '\ufffd');
    }

    private void writeLine(List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(SEPARATOR);
            }
            if (values.get(i) != null) {
                writer.write(values.get(i));
            }
        }
        writer.write('\n');
    }

    /** The fields of a line of a copy, in order; a missing value is empty. */
    public static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int i; (i = line.indexOf(SEPARATOR, start)) >= 0; start = i + 1) {
            fields.add(line.substring(start, i));
        }
        fields.add(line.substring(start));
        return fields;
    }

    long records() {
        return records;
    }

    /** Refuses the file when a value looked like an identifier: column, record and rule, never the value. */
    void refuseIfPersonalData() throws FileRefusal {
        if (piiRows > 0) {
            throw FileRefusal.of(file, FileProblem.PERSONAL_DATA, "holds a value that looks like a " + piiRule.words() + " in "
                    + piiColumn + ", data row " + piiRecord + (piiRows > 1 ? " (and " + (piiRows - 1) + " more rows)" : "")
                    + "; the file was refused whole and the value kept nowhere");
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
