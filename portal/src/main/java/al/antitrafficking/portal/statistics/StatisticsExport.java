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
 *
 * <p>Every heading and label is in the chosen language ({@code sq} or {@code en}). The XLSX holds numbers as numbers with
 * a thousands format (the spreadsheet shows them in its reader's own way) and, in Albanian, the date in words; the PDF
 * writes numbers as the language does (6 620 and 41,1 in Albanian); the CSV stays for machines: dot decimals, ISO dates,
 * and each group's code beside its label.
 */
public final class StatisticsExport {
    private static final String[] MONTHS_SQ = {"janar", "shkurt", "mars", "prill", "maj", "qershor", "korrik", "gusht", "shtator", "tetor",
        "nëntor", "dhjetor"};

    /**
     * A table with what its stamp says: the indicator's definition, the language, how to show a group's label and the
     * names of the two dimensions in that language.
     */
    record Stamped(StatisticsAnswers.Table table, Indicator indicator, String lang, Function<String, String> rowLabel,
                   Function<String, String> columnLabel, String rowsName) {
        boolean sq() {
            return lang.equals("sq");
        }

        String word(String en, String sq) {
            return sq() ? sq : en;
        }
    }

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

    /** The lines every file opens with; {@code machine}: the date as ISO (CSV), else in the language's words. */
    static List<String[]> stamp(Stamped s, boolean machine) {
        StatisticsAnswers.Table t = s.table();
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {s.word("Table", "Tabela"), t.definition().title().get(s.lang())});
        lines.add(new String[] {s.word("Period", "Periudha"), t.period()});
        lines.add(new String[] {s.word("Snapshot", "Versioni i të dhënave"), t.snapshot()});
        lines.add(new String[] {s.word("Data as of", "Të dhënat e datës"), snapshotTime(t.snapshot())
                .map(i -> machine || !s.sq() ? DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(i) : albanianDate(i))
                .orElse(s.word("see snapshot", "shih versionin"))});
        lines.add(new String[] {s.word("Indicator", "Treguesi"), s.indicator().id() + ": " + s.indicator().name().get(s.lang()) + ". "
                + s.indicator().description().get(s.lang())});
        lines.add(new String[] {s.word("Unit", "Njësia"), unit(s.indicator().unit(), s.sq())});
        lines.add(new String[] {s.word("Source", "Burimi"), s.indicator().source(s.lang())});
        lines.add(new String[] {s.word("Disclosure control", "Mbrojtja e të dhënave"), Marks.legend(t.suppressionThreshold()).get(s.lang())
                + s.word(" Every figure is a cell of release " + t.snapshot() + ", protected together with every other page and file of it. "
                        + "Totals count distinct children, so a total can be less than the sum of its cells.",
                " Çdo shifër është një qelizë e versionit " + t.snapshot() + ", e mbrojtur bashkë me çdo faqe dhe skedar tjetër të tij. "
                        + "Totalet numërojnë fëmijë të ndryshëm, prandaj një total mund të jetë më i vogël se shuma e qelizave të tij.")});
        return lines;
    }

    private static String albanianDate(Instant i) {
        java.time.LocalDate d = i.atZone(ZoneOffset.UTC).toLocalDate();
        return d.getDayOfMonth() + " " + MONTHS_SQ[d.getMonthValue() - 1] + " " + d.getYear();
    }

    private static String unit(Unit unit, boolean sq) {
        return switch (unit) {
            case COUNT -> sq ? "numër" : "count";
            case PERCENT -> sq ? "përqindje" : "percent";
            case RATE_PER_100K_RESIDENTS -> sq ? "për 100 000 banorë" : "per 100,000 residents";
            case RATE_PER_10K_CHILDREN -> sq ? "për 10 000 fëmijë" : "per 10,000 children";
            case RATE_PER_100K_CHILDREN -> sq ? "për 100 000 fëmijë" : "per 100,000 children";
            case MEDIAN_DAYS -> sq ? "ditë (mediana)" : "days (median)";
        };
    }

    /**
     * The table body: a header, then one line per row and a total line, each cell a number or a sign. For a machine (CSV)
     * each line starts with its group's code and each column's header is its label with its code; numbers are written with
     * a dot. Otherwise the label alone, and numbers as {@link #text} writes them for the language when {@code written}.
     */
    static List<String[]> body(Stamped s, boolean machine, boolean written) {
        StatisticsAnswers.Table t = s.table();
        List<String[]> lines = new ArrayList<>();
        boolean share = t.columnKeys().isEmpty();
        List<String> header = new ArrayList<>();
        if (machine) {
            header.add(t.definition().rows());
        }
        header.add(s.rowsName());
        if (share) {
            header.add(t.unit() == Unit.PERCENT ? s.word("percent", "përqindje") : s.word("value", "vlera"));
        } else {
            t.columnKeys().forEach(c -> header.add(machine && !s.columnLabel().apply(c).equals(c) ? s.columnLabel().apply(c) + " (" + c + ")"
                    : s.columnLabel().apply(c)));
            header.add(s.word("Total", "Gjithsej"));
        }
        lines.add(header.toArray(String[]::new));
        for (int r = 0; r <= t.rowKeys().size(); r++) {
            List<String> line = new ArrayList<>();
            boolean total = r == t.rowKeys().size();
            if (machine) {
                line.add(total ? "" : t.rowKeys().get(r));
            }
            line.add(!total ? s.rowLabel().apply(t.rowKeys().get(r)) : share ? s.word("Albania", "Shqipëria") : s.word("Total", "Gjithsej"));
            for (int c = 0; c < t.cells().get(r).size(); c++) {
                line.add(written ? written(t.cells().get(r).get(c), t.unit(), s.sq()) : text(t.cells().get(r).get(c), t.unit()));
            }
            lines.add(line.toArray(String[]::new));
        }
        return lines;
    }

    /** A figure for a machine or a spreadsheet: digits, a dot before decimals, or the release's mark. */
    static String text(StatisticsAnswers.Figure cell, Unit unit) {
        if (cell.status() != CellStatus.PUBLISHED) {
            return Marks.of(cell.status());
        }
        return unit == Unit.COUNT ? String.valueOf(cell.count()) : cell.value() == null ? "" : String.format(Locale.ROOT, "%.1f", cell.value());
    }

    /** A figure as a reader of the language writes it: in Albanian 6 620 and 41,1 (a no-break space, a decimal comma). */
    static String written(StatisticsAnswers.Figure cell, Unit unit, boolean sq) {
        String plain = text(cell, unit);
        if (cell.status() != CellStatus.PUBLISHED || plain.isEmpty()) {
            return plain;
        }
        String[] parts = plain.split("\\.");
        String whole = parts[0].replaceAll("\\B(?=(\\d{3})+(?!\\d))", sq ? "\u00a0" : ",");
        return whole + (parts.length > 1 ? (sq ? "," : ".") + parts[1] : "");
    }

    /** The lines that list the tables a file of all tables leaves out, with why; none when it leaves none out. */
    static List<String[]> omissions(List<Omitted> omitted, String lang) {
        List<String[]> lines = new ArrayList<>();
        if (!omitted.isEmpty()) {
            boolean sq = lang.equals("sq");
            lines.add(new String[] {sq ? "Jo në këtë skedar" : "Not in this file", sq ? "Ky version nuk i boton këto tabela për këtë periudhë"
                    : "The release does not publish these tables for this period"});
            omitted.forEach(o -> lines.add(new String[] {o.definition().title().get(lang), o.reason()}));
        }
        return lines;
    }

    static byte[] csv(List<Stamped> tables, List<Omitted> omitted, String lang) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            for (int i = 0; i < tables.size(); i++) {
                if (i > 0) {
                    csv.println();
                }
                for (String[] line : stamp(tables.get(i), true)) {
                    csv.printRecord(java.util.Arrays.stream(line).map(al.antitrafficking.portal.Csv::cell).toList());
                }
                csv.println();
                for (String[] line : body(tables.get(i), true, false)) {
                    csv.printRecord(java.util.Arrays.stream(line).map(al.antitrafficking.portal.Csv::cell).toList());
                }
            }
            if (!omitted.isEmpty()) {
                csv.println();
            }
            for (String[] line : omissions(omitted, lang)) {
                csv.printRecord(java.util.Arrays.stream(line).map(al.antitrafficking.portal.Csv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<Stamped> tables, List<Omitted> omitted, String lang) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Instant at = snapshotTime(tables.get(0).table().snapshot()).orElse(Instant.EPOCH);
            workbook.getProperties().getCoreProperties().setCreated(Optional.of(java.util.Date.from(at)));
            workbook.getProperties().getCoreProperties().setModified(Optional.of(java.util.Date.from(at)));
            workbook.getProperties().getCoreProperties().setCreator("NRM analytics warehouse");
            org.apache.poi.ss.usermodel.CellStyle whole = workbook.createCellStyle();
            whole.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            org.apache.poi.ss.usermodel.CellStyle decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("#,##0.0"));
            for (Stamped s : tables) {
                Sheet sheet = workbook.createSheet(s.table().definition().id().length() > 31 ? s.table().definition().id().substring(0, 31)
                        : s.table().definition().id());
                int r = 0;
                for (String[] line : stamp(s, false)) {
                    write(sheet.createRow(r++), line, false, whole, decimal);
                }
                r++;
                boolean header = true;
                for (String[] line : body(s, false, false)) {
                    write(sheet.createRow(r++), line, !header, whole, decimal);
                    header = false;
                }
                sheet.setColumnWidth(0, 40 * 256);
            }
            if (!omitted.isEmpty()) {
                Sheet sheet = workbook.createSheet("not_in_this_file");
                int r = 0;
                for (String[] line : omissions(omitted, lang)) {
                    write(sheet.createRow(r++), line, false, whole, decimal);
                }
                sheet.setColumnWidth(0, 60 * 256);
            }
            workbook.write(bytes);
            return sameTimes(bytes.toByteArray(), at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, String[] values, boolean numbers, org.apache.poi.ss.usermodel.CellStyle whole,
                              org.apache.poi.ss.usermodel.CellStyle decimal) {
        for (int c = 0; c < values.length; c++) {
            String v = values[c];
            if (numbers && c > 0 && v.matches("-?[0-9]+(\\.[0-9]+)?")) {
                org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
                cell.setCellValue(Double.parseDouble(v));
                cell.setCellStyle(v.contains(".") ? decimal : whole);
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

    static byte[] pdf(List<Stamped> tables, List<Omitted> omitted, String lang) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Instant at = snapshotTime(tables.get(0).table().snapshot()).orElse(Instant.EPOCH);
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(at.toEpochMilli());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle((lang.equals("sq") ? "Statistika " : "Statistics ") + tables.get(0).table().period());
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
                    boolean firstLine = true;
                    for (String[] line : stamp(s, false)) {
                        for (String wrapped : wrap(line[0] + ": " + line[1], 150)) {
                            show(text, firstLine ? bold : regular, 9, 40, y, wrapped);
                            y -= 12;
                        }
                        firstLine = false;
                    }
                    y -= 8;
                    List<String[]> body = body(s, false, true);
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
                    boolean firstLine = true;
                    for (String[] line : omissions(omitted, lang)) {
                        for (String wrapped : wrap(line[0] + ": " + line[1], 150)) {
                            show(text, firstLine ? bold : regular, 9, 40, y, wrapped);
                            y -= 12;
                        }
                        firstLine = false;
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
            out.append(c == '\u00a0' ? ' ' : c < 256 || c == '–' || c == '’' ? c : '?');
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
