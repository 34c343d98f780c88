package al.antitrafficking.etl.ingest.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * How a table of values is written as a file: CSV lines (a chosen separator, line end and quoting; a field is quoted
 * when asked or when it must be) in a chosen encoding, or an Excel workbook of text cells. Line numbers are exact:
 * the header is line 1 and data row k is line k + 1, since no value the generator makes holds a line break.
 */
final class TextForm {
    private static final long SAVED = java.time.Instant.parse("2026-01-10T09:00:00Z").toEpochMilli();

    private TextForm() {}

    static List<String> lines(List<String> header, List<List<String>> rows, char separator, boolean quoteAll) {
        List<String> lines = new ArrayList<>(rows.size() + 1);
        lines.add(line(header, separator, quoteAll));
        rows.forEach(r -> lines.add(line(r, separator, quoteAll)));
        return lines;
    }

    static String line(List<String> fields, char separator, boolean quoteAll) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                s.append(separator);
            }
            String v = fields.get(i);
            boolean quote = quoteAll || v.indexOf(separator) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
            s.append(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
        }
        return s.toString();
    }

    static String join(List<String> lines, String lineEnd, boolean finalLineEnd) {
        return String.join(lineEnd, lines) + (finalLineEnd && !lines.isEmpty() ? lineEnd : "");
    }

    /** The text in {@code charset}, refusing any character it cannot hold (a silent '?' would change the rows). */
    static byte[] encode(String text, Charset charset) {
        try {
            ByteBuffer b = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("Cannot write the mutated file in " + charset, e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A workbook of text cells, byte for byte the same for the same rows (so a seed repeats its damage). */
    static byte[] workbook(List<String> header, List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getProperties().getCoreProperties().setCreated(Optional.of(new Date(SAVED)));
            Sheet sheet = workbook.createSheet("Sheet1");
            List<List<String>> all = new ArrayList<>();
            all.add(header);
            all.addAll(rows);
            for (int r = 0; r < all.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) {
                    if (!all.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(all.get(r).get(c));
                    }
                }
            }
            workbook.write(out);
            return withEntryTimes(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a workbook", e);
        }
    }

    /** The same zip with every entry stamped {@link #SAVED} instead of the time it was written. */
    private static byte[] withEntryTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(SAVED);
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
