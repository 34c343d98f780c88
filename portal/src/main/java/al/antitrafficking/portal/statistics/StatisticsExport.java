package al.antitrafficking.portal.statistics;

import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.disclosure.Marks;
import al.antitrafficking.warehouse.indicator.Indicator;
import al.antitrafficking.warehouse.release.StandardTables;
import al.antitrafficking.warehouse.release.StatisticsAnswers;
import al.antitrafficking.warehouse.indicator.Unit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The ministry's tables as CSV, XLSX and PDF. Each file is stamped with the snapshot, the date the data are from
 * (the snapshot's own time, never the time of the download), the definition of the indicator and the disclosure
 * note; nothing else varies, so the same snapshot gives the same bytes, file after file.
 */
public final class StatisticsExport {
    /** A table with what its stamp says: the indicator's definition and how to show a group's label. */
    record Stamped(StatisticsAnswers.Table table, Indicator indicator, Function<String, String> rowLabel, Function<String, String> columnLabel) {}

    /** A standard table the release cannot make for the period of a file of all tables, and the release's reason. */
    record Omitted(StandardTables.Definition definition, String reason) {}


    private StatisticsExport() {}

    /** The moment a snapshot was taken, read from its id (20261128T013328216Z); empty for an id of another form. */
    public static Optional<Instant> snapshotTime(String id) {
        try {
            return Optional.of(Instant.from(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC).parse(id)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The lines every file opens with. */
    static List<String[]> stamp(Stamped s) {
        StatisticsAnswers.Table t = s.table();
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"Table", t.definition().title().get("en") + " / " + t.definition().title().get("sq")});
        lines.add(new String[] {"Period", t.period()});
        lines.add(new String[] {"Snapshot", t.snapshot()});
        lines.add(new String[] {"Data as of", snapshotTime(t.snapshot()).map(i -> DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(i))
                .orElse("see snapshot")});
        lines.add(new String[] {"Indicator", s.indicator().id() + ": " + s.indicator().name().get("en") + ". " + s.indicator().description().get("en")});
        lines.add(new String[] {"Unit", s.indicator().unit().name().toLowerCase(Locale.ROOT)});
        lines.add(new String[] {"Source", s.indicator().source()});
        lines.add(new String[] {"Disclosure control", Marks.legend(t.suppressionThreshold()).get("en") + " Every figure is a cell of release "
                + t.snapshot() + ", protected together with every other page and file of it. Totals count distinct children, so a total can "
                + "be less than the sum of its cells."});
        return lines;
    }

    /** The table body: a header, then one line per row and a total line, each cell a number or a sign. */
    static List<String[]> body(Stamped s) {
        StatisticsAnswers.Table t = s.table();
        List<String[]> lines = new ArrayList<>();
        boolean share = t.columnKeys().isEmpty();
        List<String> header = new ArrayList<>();
        header.add(t.definition().rows());
        if (share) {
            header.add(t.unit() == Unit.PERCENT ? "percent" : "value");
        } else {
            t.columnKeys().forEach(c -> header.add(s.columnLabel().apply(c)));
            header.add("Total");
        }
        lines.add(header.toArray(String[]::new));
        for (int r = 0; r <= t.rowKeys().size(); r++) {
            List<String> line = new ArrayList<>();
            line.add(r < t.rowKeys().size() ? s.rowLabel().apply(t.rowKeys().get(r)) : share ? "Albania" : "Total");
            for (int c = 0; c < t.cells().get(r).size(); c++) {
                line.add(text(t.cells().get(r).get(c), t.unit()));
            }
            lines.add(line.toArray(String[]::new));
        }
        return lines;
    }

    static String text(StatisticsAnswers.Figure cell, Unit unit) {
        if (cell.status() != CellStatus.PUBLISHED) {
            return Marks.of(cell.status());
        }
        return unit == Unit.COUNT ? String.valueOf(cell.count()) : cell.value() == null ? "" : String.format(Locale.ROOT, "%.1f", cell.value());
    }

    /** The lines that list the tables a file of all tables leaves out, with why; none when it leaves none out. */
    static List<String[]> omissions(List<Omitted> omitted) {
        List<String[]> lines = new ArrayList<>();
        if (!omitted.isEmpty()) {
            lines.add(new String[] {"Not in this file", "The release does not publish these tables for this period"});
            omitted.forEach(o -> lines.add(new String[] {o.definition().title().get("en") + " / " + o.definition().title().get("sq"), o.reason()}));
        }
        return lines;
    }

    static byte[] csv(List<Stamped> tables, List<Omitted> omitted) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            for (int i = 0; i < tables.size(); i++) {
                if (i > 0) {
                    csv.println();
                }
                for (String[] line : stamp(tables.get(i))) {
                    csv.printRecord(java.util.Arrays.stream(line).map(al.antitrafficking.portal.Csv::cell).toList());
                }
                csv.println();
                for (String[] line : body(tables.get(i))) {
                    csv.printRecord(java.util.Arrays.stream(line).map(al.antitrafficking.portal.Csv::cell).toList());
                }
            }
            if (!omitted.isEmpty()) {
                csv.println();
            }
            for (String[] line : omissions(omitted)) {
                csv.printRecord(java.util.Arrays.stream(line).map(al.antitrafficking.portal.Csv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<Stamped> tables, List<Omitted> omitted) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Instant at = snapshotTime(tables.get(0).table().snapshot()).orElse(Instant.EPOCH);
            workbook.getProperties().getCoreProperties().setCreated(Optional.of(java.util.Date.from(at)));
            workbook.getProperties().getCoreProperties().setModified(Optional.of(java.util.Date.from(at)));
            workbook.getProperties().getCoreProperties().setCreator("NRM analytics warehouse");
            for (Stamped s : tables) {
                Sheet sheet = workbook.createSheet(s.table().definition().id().length() > 31 ? s.table().definition().id().substring(0, 31)
                        : s.table().definition().id());
                int r = 0;
                for (String[] line : stamp(s)) {
                    write(sheet.createRow(r++), line, false);
                }
                r++;
                boolean header = true;
                for (String[] line : body(s)) {
                    write(sheet.createRow(r++), line, !header);
                    header = false;
                }
                sheet.setColumnWidth(0, 40 * 256);
            }
            if (!omitted.isEmpty()) {
                Sheet sheet = workbook.createSheet("not_in_this_file");
                int r = 0;
                for (String[] line : omissions(omitted)) {
                    write(sheet.createRow(r++), line, false);
                }
                sheet.setColumnWidth(0, 60 * 256);
            }
            workbook.write(bytes);
            return sameTimes(bytes.toByteArray(), at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, String[] values, boolean numbers) {
        for (int c = 0; c < values.length; c++) {
            String v = values[c];
            if (numbers && c > 0 && v.matches("-?[0-9]+(\\.[0-9]+)?")) {
                row.createCell(c).setCellValue(Double.parseDouble(v));
            } else {
                row.createCell(c).setCellValue(v);
            }
        }
    }

    /** The same zip with every entry stamped with one time, so that the bytes depend on the contents alone. */
    private static byte[] sameTimes(byte[] zip, Instant at) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(at.toEpochMilli());
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] pdf(List<Stamped> tables, List<Omitted> omitted) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Instant at = snapshotTime(tables.get(0).table().snapshot()).orElse(Instant.EPOCH);
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(at.toEpochMilli());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Statistics " + tables.get(0).table().period());
            info.setCreator("NRM analytics warehouse");
            info.setProducer("NRM analytics warehouse");
            info.setCreationDate(when);
            info.setModificationDate(when);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            StringBuilder fingerprint = new StringBuilder();
            for (Stamped s : tables) {
                PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
                doc.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                    float y = page.getMediaBox().getHeight() - 40;
                    for (String[] line : stamp(s)) {
                        for (String wrapped : wrap(line[0] + ": " + line[1], 150)) {
                            show(text, line[0].equals("Table") ? bold : regular, 9, 40, y, wrapped);
                            y -= 12;
                        }
                    }
                    y -= 8;
                    List<String[]> body = body(s);
                    float width = Math.min(110, (page.getMediaBox().getWidth() - 200) / Math.max(1, body.get(0).length - 1));
                    boolean first = true;
                    for (String[] line : body) {
                        if (y < 40) {
                            break;
                        }
                        for (int c = 0; c < line.length; c++) {
                            show(text, first || c == 0 ? bold : regular, 9, c == 0 ? 40 : 200 + (c - 1) * width, y, line[c]);
                        }
                        first = false;
                        y -= 13;
                    }
                }
                fingerprint.append(s.table().definition().id()).append('|').append(s.table().snapshot()).append('|').append(s.table().period());
            }
            if (!omitted.isEmpty()) {
                PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
                doc.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                    float y = page.getMediaBox().getHeight() - 40;
                    for (String[] line : omissions(omitted)) {
                        for (String wrapped : wrap(line[0] + ": " + line[1], 150)) {
                            show(text, line[0].equals("Not in this file") ? bold : regular, 9, 40, y, wrapped);
                            y -= 12;
                        }
                        y -= 4;
                    }
                }
                omitted.forEach(o -> fingerprint.append(o.definition().id()).append("|omitted"));
            }
            // The file identifier PDF readers use: from what the file holds, not from the time it was written.
            byte[] id = MessageDigest.getInstance("MD5").digest(fingerprint.toString().getBytes(StandardCharsets.UTF_8));
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void show(PDPageContentStream text, PDType1Font font, float size, float x, float y, String s) throws IOException {
        text.beginText();
        text.setFont(font, size);
        text.newLineAtOffset(x, y);
        text.showText(winAnsi(s));
        text.endText();
    }

    /** The text with characters the standard PDF fonts cannot show replaced (Albanian ë and ç they can). */
    private static String winAnsi(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c < 256 || c == '–' || c == '’' ? c : '?');
        }
        return out.toString();
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
