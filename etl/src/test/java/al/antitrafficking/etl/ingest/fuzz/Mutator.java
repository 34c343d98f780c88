package al.antitrafficking.etl.ingest.fuzz;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Applies one {@link Mutation} to one base file with a seeded {@link Random}, giving the bytes, the extension and
 * what the file must become. Values planted to be looked for later (a marker no output may repeat) are collected in
 * {@code planted}. Broken names are {@link BrokenNames}' part.
 */
final class Mutator {
    static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
    /** Direct identifiers a careless export could carry; the guard must refuse each, and none may be repeated. */
    static final List<String> IDENTIFIERS = List.of("J12345678K", "069 123 4567", "+355 69 123 4567", "arta.hoxha@example.com",
            "Arta Hoxha", "Hoxha Arta");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Characters a value may hold by accident: controls, a BOM or line separator mid-text, bidi marks, an emoji, other scripts. */
    private static final List<String> UNUSUAL = List.of("\u0001", "\u000B", "\u000C", "\u001F", "\u007F", "\u0085", "\u00A0",
            "\u2028", "\u200F", "\u202E", "\uFEFF", "\uD83D\uDE00", "\uFFFD", "Ω", "ж", "ş", "\\", "'", "`");

    record Mutant(byte[] bytes, boolean excel, Expected expected) {}

    private final Random random;
    private final ByteDamage damage;
    private final long maxFileBytes;
    private final int maxRowFields;
    private final List<String> planted;

    Mutator(Random random, long maxFileBytes, int maxRowFields, List<String> planted) {
        this.random = random;
        this.damage = new ByteDamage(random);
        this.maxFileBytes = maxFileBytes;
        this.maxRowFields = maxRowFields;
        this.planted = planted;
    }

    /** A marker unlike any value of the contract, remembered so that the test can look for it everywhere. */
    String marker() {
        byte[] b = new byte[5];
        random.nextBytes(b);
        String m = "zq" + HexFormat.of().formatHex(b);
        planted.add(m);
        return m;
    }

    Mutant apply(Mutation mutation, BaseFile base) {
        List<String> header = base.header();
        List<List<String>> rows = base.rows();
        long n = rows.size();
        return switch (mutation) {
            case UNCHANGED -> csv(text(header, rows), Expected.valid(n));
            case UTF8_WITH_BOM -> new Mutant(TextForm.concat(UTF8_BOM, text(header, rows).getBytes(UTF_8)), false, Expected.valid(n));
            case WINDOWS_1250 -> new Mutant(TextForm.encode(text(header, rows), WINDOWS_1250), false, Expected.valid(n));
            case ISO_8859_1 -> new Mutant(TextForm.encode(text(header, rows), ISO_8859_1), false, Expected.valid(n));
            case CRLF_LINE_ENDS -> csv(TextForm.join(TextForm.lines(header, rows, ',', false), "\r\n", true), Expected.valid(n));
            case CR_LINE_ENDS -> csv(TextForm.join(TextForm.lines(header, rows, ',', false), "\r", true), Expected.valid(n));
            case BLANK_LINES -> csv(TextForm.join(withBlankLines(TextForm.lines(header, rows, ',', false)), "\n", true), Expected.valid(n));
            case SEVERAL_VALID_CHANGES -> severalValidChanges(base);
            case COLUMNS_AND_ROWS_SHUFFLED -> shuffled(base, true);
            case SEMICOLONS -> csv(TextForm.join(TextForm.lines(header, rows, ';', false), "\n", true), Expected.valid(n));
            case EVERY_FIELD_QUOTED -> csv(TextForm.join(TextForm.lines(header, rows, ',', true), "\n", true), Expected.valid(n));
            case NO_FINAL_NEWLINE -> csv(TextForm.join(TextForm.lines(header, rows, ',', false), "\n", false), Expected.valid(n));
            case XLSX -> new Mutant(TextForm.workbook(header, rows), true, Expected.valid(n));
            case BYTE_FLIPS -> new Mutant(damage.flips(utf8(base)), false, Expected.anyFate(null));
            case BYTE_DELETIONS -> new Mutant(damage.deletions(utf8(base)), false, Expected.anyFate(null));
            case BYTE_INSERTIONS -> new Mutant(damage.insertions(utf8(base)), false, Expected.anyFate(null));
            case TRUNCATED_MID_ROW -> truncatedMidRow(base);
            case TRUNCATED_MID_UTF8 -> truncatedMidUtf8(base);
            case NUL_BYTES -> csv(text(header, withValues(rows, 1 + random.nextInt(3), v -> insertAt(v, "\0"))), Expected.anyFate(n));
            case HUGE_FIELD -> csv(text(header, withValues(rows, 1, v -> marker() + "x".repeat(1 << 20))), Expected.anyFate(n));
            case FORMULA_VALUES -> csv(text(header, withValues(rows, 1 + random.nextInt(3), v -> formula())), Expected.anyFate(n));
            case DUPLICATED_HEADER_ROW -> duplicatedHeader(base);
            case HEADER_SHUFFLED_ALONE -> shuffled(base, false);
            case LINE_BREAKS_IN_QUOTED_VALUES -> csv(text(header, withValues(rows, 1 + random.nextInt(3),
                    v -> insertAt(v, List.of("\n", "\r\n", "\r", "\n\n").get(random.nextInt(4))))), Expected.anyFate(n));
            case UNUSUAL_CHARACTERS -> csv(text(header, withValues(rows, 1 + random.nextInt(3),
                    v -> insertAt(v, UNUSUAL.get(random.nextInt(UNUSUAL.size()))))), Expected.anyFate(n));
            case XLSX_GARBAGE_IN_ZIP -> new Mutant(damage.garbageIn(TextForm.workbook(header, rows)), true,
                    Expected.wholeOrRefused(n, "UNREADABLE_ENCODING"));
            case TRUNCATED_MID_QUOTED_FIELD -> truncatedMidQuotedField(base);
            case UTF16LE_WITH_BOM -> utf16(text(header, rows), UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE});
            case UTF16BE_WITH_BOM -> utf16(text(header, rows), UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF});
            case UTF16LE -> utf16(text(header, rows), UTF_16LE, new byte[0]);
            case UTF16BE -> utf16(text(header, rows), UTF_16BE, new byte[0]);
            case MISSING_COLUMN -> missingColumn(base);
            case EXTRA_COLUMN -> extraColumn(base);
            case DUPLICATE_COLUMN -> duplicateColumn(base);
            case TOO_BIG -> tooBig(base);
            case ROW_TOO_WIDE -> rowTooWide(base);
            case PERSONAL_DATA -> personalData(base);
            case STRAY_BYTE_IN_UTF8 -> strayByte(base, utf8(base), (byte) 0xFF, "INVALID_UTF8");
            case UNDEFINED_WINDOWS_1250_BYTE -> strayByte(base, TextForm.encode(text(header, rows), WINDOWS_1250), (byte) 0x81,
                    "UNREADABLE_ENCODING");
            case BINARY_GARBAGE -> new Mutant(damage.garbage(), false, Expected.refused(null));
            case ZERO_BYTES -> new Mutant(new byte[0], random.nextInt(4) == 0, Expected.refused(null, "EMPTY_FILE"));
            case XLSX_TRUNCATED -> truncatedWorkbook(base);
            case XLSX_NOT_A_WORKBOOK -> new Mutant(utf8(base), true, Expected.refused(null, "UNREADABLE_ENCODING"));
            case BROKEN_NAME -> throw new IllegalArgumentException("Cannot apply " + mutation + ": names are BrokenNames' part");
        };
    }

    private static Mutant csv(String text, Expected expected) {
        return new Mutant(text.getBytes(UTF_8), false, expected);
    }

    /** UTF-16 with its byte order mark is refused for that; without one, for the NUL characters its header holds (line 1). */
    private static Mutant utf16(String text, Charset charset, byte[] bom) {
        return new Mutant(TextForm.concat(bom, TextForm.encode(text, charset)), false,
                Expected.refused(bom.length > 0 ? null : "line 1", "UNREADABLE_ENCODING"));
    }

    private static String text(List<String> header, List<List<String>> rows) {
        return TextForm.join(TextForm.lines(header, rows, ',', false), "\n", true);
    }

    static byte[] utf8(BaseFile base) {
        return text(base.header(), base.rows()).getBytes(UTF_8);
    }

    private List<String> withBlankLines(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        String[] blanks = {"", "", "   ", "\t", " \t "};
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            out.add(random.nextInt(out.size() + 1), blanks[random.nextInt(blanks.length)]);
        }
        return out;
    }

    /** Columns permuted: with the rows permuted the same way (still valid), or the header alone. */
    private Mutant shuffled(BaseFile base, boolean rowsToo) {
        List<Integer> order = permutation(base.header().size());
        List<String> header = order.stream().map(base.header()::get).toList();
        List<List<String>> rows = rowsToo ? base.rows().stream().map(r -> order.stream().map(r::get).toList()).toList() : base.rows();
        long n = rows.size();
        return csv(text(header, rows), rowsToo ? Expected.valid(n) : Expected.anyFate(n));
    }

    private List<Integer> permutation(int width) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            order.add(i);
        }
        List<Integer> identity = List.copyOf(order);
        while (order.equals(identity)) {
            Collections.shuffle(order, random);
        }
        return order;
    }

    /**
     * Several changes a valid file survives, drawn together: columns reordered with their values, semicolons, every
     * field quoted, blank lines, CR LF or CR line ends, no final line end, a BOM or Windows-1250 (never both: a UTF-8
     * BOM before Windows-1250 bytes is damaged UTF-8).
     */
    private Mutant severalValidChanges(BaseFile base) {
        List<Integer> order = random.nextBoolean() ? permutation(base.header().size()) : null;
        List<String> header = order == null ? base.header() : order.stream().map(base.header()::get).toList();
        List<List<String>> rows = order == null ? base.rows() : base.rows().stream().map(r -> order.stream().map(r::get).toList()).toList();
        List<String> lines = TextForm.lines(header, rows, random.nextBoolean() ? ';' : ',', random.nextBoolean());
        if (random.nextBoolean()) {
            lines = withBlankLines(lines);
        }
        String text = TextForm.join(lines, List.of("\n", "\r\n", "\r").get(random.nextInt(3)), random.nextBoolean());
        byte[] bytes = switch (random.nextInt(3)) {
            case 0 -> text.getBytes(UTF_8);
            case 1 -> TextForm.concat(UTF8_BOM, text.getBytes(UTF_8));
            default -> TextForm.encode(text, WINDOWS_1250);
        };
        return new Mutant(bytes, false, Expected.valid(rows.size()));
    }

    /** Cut inside a data row, between two characters (never inside a UTF-8 sequence): the row stays a (short) record. */
    private Mutant truncatedMidRow(BaseFile base) {
        if (base.rows().isEmpty()) {
            return csv(text(base.header(), base.rows()), Expected.valid(0));
        }
        byte[] bytes = utf8(base);
        int row = random.nextInt(base.rows().size());
        int start = ByteDamage.lineStart(bytes, row + 2);
        int end = ByteDamage.lineStart(bytes, row + 3) - 1;
        int cut = start + 1 + random.nextInt(Math.max(1, end - start - 1));
        while ((bytes[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return new Mutant(Arrays.copyOf(bytes, cut), false, Expected.anyFate((long) row + 1));
    }

    /** Cut after the lead byte of the last multi-byte character: damaged UTF-8 when the file held another one before. */
    private Mutant truncatedMidUtf8(BaseFile base) {
        byte[] bytes = utf8(base);
        int lead = -1;
        int leads = 0;
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0xC0) == 0xC0) {
                lead = i;
                leads++;
            }
        }
        if (lead < 0) {
            return truncatedMidRow(base);
        }
        int line = ByteDamage.lineOf(bytes, lead);
        Expected expected = leads > 1 ? Expected.refused("line " + line, "INVALID_UTF8") : Expected.anyFate((long) line - 1);
        return new Mutant(Arrays.copyOf(bytes, lead + 1), false, expected);
    }

    private Mutant duplicatedHeader(BaseFile base) {
        List<String> lines = new ArrayList<>(TextForm.lines(base.header(), base.rows(), ',', false));
        int copies = 1 + random.nextInt(2);
        for (int i = 0; i < copies; i++) {
            lines.add(1 + random.nextInt(lines.size()), lines.get(0));
        }
        return csv(TextForm.join(lines, "\n", true), Expected.anyFate((long) base.rows().size() + copies));
    }

    /** Every field quoted, then the file cut inside the quoted value of a data row: a quote that never ends. */
    private Mutant truncatedMidQuotedField(BaseFile base) {
        List<List<String>> rows = new ArrayList<>(base.rows());
        if (rows.isEmpty()) {
            rows.add(base.header());
        }
        int row = random.nextInt(rows.size());
        List<String> fields = rows.get(row);
        int column = random.nextInt(fields.size());
        while (fields.get(column).isEmpty()) {
            column = (column + 1) % fields.size();
        }
        String before = TextForm.join(TextForm.lines(base.header(), rows.subList(0, row), ',', true), "\n", true)
                + TextForm.line(fields.subList(0, column), ',', true) + (column > 0 ? "," : "") + '"';
        String value = fields.get(column);
        int keep = random.nextInt(value.length());
        while (keep > 0 && Character.isLowSurrogate(value.charAt(keep))) {
            keep--;
        }
        return csv(before + value.substring(0, keep), Expected.refused("line " + (row + 2), "MALFORMED_CSV"));
    }

    private Mutant extraColumn(BaseFile base) {
        int at = random.nextInt(base.header().size() + 1);
        String name = "shenime_" + marker();
        List<String> header = inserted(base.header(), at, name);
        List<List<String>> rows = base.rows().stream().map(r -> inserted(r, at, "ok")).toList();
        return csv(text(header, rows), Expected.refused(null, "UNKNOWN_COLUMNS"));
    }

    private Mutant duplicateColumn(BaseFile base) {
        int column = random.nextInt(base.header().size());
        int at = random.nextInt(base.header().size() + 1);
        List<String> header = inserted(base.header(), at, base.header().get(column));
        List<List<String>> rows = base.rows().stream().map(r -> inserted(r, at, r.get(column))).toList();
        return csv(text(header, rows), Expected.refused(null, "DUPLICATE_COLUMNS"));
    }

    private Mutant missingColumn(BaseFile base) {
        int column = random.nextInt(base.header().size());
        List<String> header = removed(base.header(), column);
        List<List<String>> rows = base.rows().stream().map(r -> removed(r, column)).toList();
        return csv(text(header, rows), Expected.refused(null, "MISSING_COLUMNS"));
    }

    /** A last row holding one field so long that the file passes etl.max-file-bytes. */
    private Mutant tooBig(BaseFile base) {
        String text = text(base.header(), base.rows());
        long pad = maxFileBytes - text.length() + 1 + random.nextInt(4096);
        String row = String.join(",", Collections.nCopies(base.header().size() - 1, "")) + "," + marker() + "y".repeat((int) pad) + "\n";
        return csv(text + row, Expected.refused(null, "TOO_BIG"));
    }

    private Mutant rowTooWide(BaseFile base) {
        int at = random.nextInt(base.rows().size() + 1);
        List<String> wide = Collections.nCopies(maxRowFields + 1 + random.nextInt(50), "1");
        List<List<String>> rows = inserted(base.rows(), at, wide);
        return csv(text(base.header(), rows), Expected.refused("line " + (at + 2), "ROW_TOO_WIDE"));
    }

    private Mutant personalData(BaseFile base) {
        List<List<String>> rows = new ArrayList<>(base.rows());
        if (rows.isEmpty()) {
            rows.add(base.header());
        }
        int row = random.nextInt(rows.size());
        int column = random.nextInt(base.header().size());
        String identifier = IDENTIFIERS.get(random.nextInt(IDENTIFIERS.size()));
        List<String> changed = new ArrayList<>(rows.get(row));
        changed.set(column, identifier);
        rows.set(row, changed);
        return csv(text(base.header(), rows), Expected.refused("data row " + (row + 1), "PERSONAL_DATA"));
    }

    /** One byte that cannot be in the file's encoding, inside data row k: the refusal must name line k + 1. */
    private Mutant strayByte(BaseFile base, byte[] bytes, byte stray, String problem) {
        if (base.rows().isEmpty()) {
            return new Mutant(bytes, false, Expected.valid(0));
        }
        int row = random.nextInt(base.rows().size());
        int start = ByteDamage.lineStart(bytes, row + 2);
        int end = ByteDamage.lineStart(bytes, row + 3) - 1;
        int at = start + random.nextInt(end - start + 1);
        // Never inside a UTF-8 sequence, nor after a byte that could start one (Ç, Ë in Windows-1250 would pair with it).
        while (at < end && ((bytes[at] & 0xC0) == 0x80 || at > start && (bytes[at - 1] & 0xFF) >= 0xC2)) {
            at++;
        }
        byte[] out = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, out, 0, at);
        out[at] = stray;
        System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
        return new Mutant(out, false, Expected.refused("line " + (row + 2), problem));
    }

    private Mutant truncatedWorkbook(BaseFile base) {
        byte[] zip = TextForm.workbook(base.header(), base.rows());
        // Cut anywhere: a cut past the sheet may leave all the rows readable, and then they must load whole.
        return new Mutant(Arrays.copyOf(zip, 1 + random.nextInt(zip.length - 1)), true,
                Expected.wholeOrRefused(base.rows().size(), "UNREADABLE_ENCODING"));
    }

    private List<List<String>> withValues(List<List<String>> rows, int count, java.util.function.UnaryOperator<String> change) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<List<String>> out = new ArrayList<>(rows);
        for (int i = 0; i < count; i++) {
            int r = random.nextInt(out.size());
            List<String> row = new ArrayList<>(out.get(r));
            int c = random.nextInt(row.size());
            row.set(c, change.apply(row.get(c)));
            out.set(r, row);
        }
        return out;
    }

    private String insertAt(String value, String text) {
        int at = random.nextInt(value.length() + 1);
        return value.substring(0, at) + text + value.substring(at);
    }

    private String formula() {
        String m = marker();
        String[] shapes = {"=HYPERLINK(\"http://" + m + ".example\",\"x\")", "=1+2+" + m, "+" + m, "-1+" + m, "@SUM(" + m + ")",
            "=cmd|' /C calc'!" + m, "=" + m};
        return shapes[random.nextInt(shapes.length)];
    }

    private static <T> List<T> removed(List<T> list, int at) {
        List<T> out = new ArrayList<>(list);
        out.remove(at);
        return out;
    }

    private static <T> List<T> inserted(List<T> list, int at, T value) {
        List<T> out = new ArrayList<>(list);
        out.add(at, value);
        return out;
    }
}
