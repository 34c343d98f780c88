package al.antitrafficking.warehouse.international;

import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.disclosure.Marks;
import al.antitrafficking.warehouse.release.ReturnAnswers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A return as files in the layout each body asks for. The data layout (CSV, and the first sheet of the workbook):
 * GLOTIP as UNODC's own data export (its thirteen columns, so the file reads back through {@link GlotipFile}),
 * Eurostat as its dataset's dimensions (freq, unit, leg_stat, sex, age, citizen, explt, geo, TIME_PERIOD, OBS_VALUE,
 * OBS_FLAG), SDG 16.2.2 as the global database's columns. Every file is stamped with the snapshot; a public file marks a
 * withheld figure with the release's one mark and explains it; an internal file says on its first line that it is not
 * for publication. The workbook adds each table as readers see it, labelled in the chosen language (sq or en).
 */
public final class ReturnFiles {
    static final String WORLD_REGION = "Europe";
    static final String SUBREGION = "Southern Europe";
    static final String DETECTED = "Detected trafficking victims";
    static final List<String> EUROSTAT_COLUMNS = List.of("freq", "unit", "leg_stat", "sex", "age", "citizen", "explt", "geo", "TIME_PERIOD",
            "OBS_VALUE", "OBS_FLAG");
    static final List<String> SDG_COLUMNS = List.of("Goal", "Target", "Indicator", "SeriesDescription", "GeoAreaCode", "GeoAreaName",
            "TimePeriod", "Value", "Units", "Sex", "Age", "TypeOfExploitation", "Nature", "Source", "Footnote");
    /** Breakdown ids of the dimensions the Eurostat layout has a column for, by the NRM dimension. */
    static final Map<String, String> EUROSTAT_DIMENSION = Map.of("status", "leg_stat", "sex", "sex", "age_band", "age", "citizenship", "citizen",
            "exploitation_form", "explt");

    private ReturnFiles() {}

    /** The file name: body, year, snapshot, and INTERNAL where it is. */
    public static String fileName(ReturnAnswers.Return r, String extension) {
        return "return-" + r.definition().id() + "-" + r.year() + (r.partial() ? "-partial" : "") + (r.internal() ? "-INTERNAL" : "")
                + "-" + r.snapshot() + "." + extension;
    }

    /** The stamp lines every file and workbook opens with. */
    public static List<List<String>> stamp(ReturnAnswers.Return r, String lang) {
        boolean sq = lang.equals("sq");
        List<List<String>> lines = new ArrayList<>();
        if (r.internal()) {
            lines.add(List.of(sq ? "E BRENDSHME – JO PËR PUBLIKIM" : "INTERNAL – NOT FOR PUBLICATION",
                    sq ? "Shifra të pambrojtura, vetëm për dorëzim te " + r.definition().body() : "Unsuppressed figures, only for submission to "
                            + r.definition().body()));
            lines.add(List.of(sq ? "Kujdes" : "Caution", sq ? "Një organ që boton çdo shifër prej 5 e lart ashtu siç e merr (UNODC) do të botonte "
                    + "edhe shifrat që publikimi i depos i fsheh për të mbrojtur të tjera, dhe prej tyre mund të nxirren numrat e vegjël. Kur organi e "
                    + "pranon, dërgoni versionin publik të mbrojtur." : "A body that publishes every figure of 5 or more as received (UNODC) would "
                    + "publish the figures the warehouse's release withholds to protect others, and the small counts could be worked out from them. "
                    + "Where the body accepts it, send the protected public version."));
        }
        lines.add(List.of(sq ? "Raporti" : "Return", r.definition().title().get(sq ? "sq" : "en")));
        lines.add(List.of(sq ? "Viti" : "Year", r.year() + (r.partial() ? (sq ? " (i pjesshëm: fotografia nuk e mbulon gjithë vitin)"
                : " (partial: the snapshot does not cover the whole year)") : "")));
        lines.add(List.of(sq ? "Vendi" : "Country", sq ? "Shqipëria" : "Albania"));
        lines.add(List.of(sq ? "Fotografia e të dhënave" : "Snapshot", r.snapshot()));
        lines.add(List.of(sq ? "Numërohen" : "Counted", sq ? "Persona (fëmijë dhe të rritur) të identifikuar nga MKR gjatë vitit si viktima të supozuara "
                + "ose të identifikuara zyrtarisht; çdo person numërohet një herë në çdo qelizë." : "Persons (children and adults) identified by the NRM "
                + "in the year as presumed or officially identified victims; each person counts once in each cell."));
        if (!r.internal()) {
            lines.add(List.of(sq ? "Mbrojtja e të dhënave" : "Disclosure control", Marks.legend(r.minCount()).get(sq ? "sq" : "en")
                    + (sq ? " Çdo shifër është një qelizë e publikimit " + r.snapshot() + ", e mbrojtur bashkë me të gjitha faqet dhe skedarët e tij."
                    : " Every figure is a cell of release " + r.snapshot() + ", protected together with every page and file of it.")));
        }
        r.population().filter(p -> r.definition().id().startsWith("sdg")).ifPresent(p -> lines.add(List.of(sq ? "Popullsia" : "Population",
                String.format(Locale.ROOT, "%.0f", p.value()) + (sq ? " banorë (INSTAT, regjistrimi 2011 dhe 2023" + (p.estimate() ? ", vlerësim linear" : "")
                        + "); vetëm për totalin: popullsia sipas gjinisë dhe moshës nuk mbahet" : " residents (INSTAT, censuses 2011 and 2023"
                        + (p.estimate() ? ", linear estimate" : "") + "); for the total only: population by sex and age is not carried"))));
        return lines;
    }

    /** The data lines in the body's layout, a header first. */
    public static List<List<String>> data(ReturnAnswers.Return r) {
        return switch (r.definition().id()) {
            case "glotip" -> glotip(r);
            case "eurostat" -> eurostat(r);
            default -> sdg(r);
        };
    }

    private static String value(ReturnAnswers.Cell c) {
        return c.status() == CellStatus.PUBLISHED ? Long.toString(c.value()) : Marks.of(c.status());
    }

    private static List<List<String>> glotip(ReturnAnswers.Return r) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (ReturnAnswers.Table t : r.tables()) {
            String dimension = t.definition().glotipDimension().orElse("Total");
            boolean byCategory = !dimension.equals("Total");
            for (int i = 0; i < t.cells().size(); i++) {
                Returns.Category row = i < t.rows().categories().size() ? t.rows().categories().get(i) : null;
                if (byCategory && row == null) {
                    continue; // the total of a breakdown by category is the Total dimension's figure
                }
                for (int j = 0; j < t.cells().get(i).size(); j++) {
                    Returns.Category column = j < t.columns().categories().size() ? t.columns().categories().get(j) : null;
                    String category = byCategory ? row.label("glotip") : "Total";
                    String sex = "Total";
                    String age = "Total";
                    for (Object[] side : new Object[][] {{t.rows(), row}, {t.columns(), column}}) {
                        Returns.Breakdown b = (Returns.Breakdown) side[0];
                        Returns.Category c = (Returns.Category) side[1];
                        if (c != null && b.dimension().equals("sex")) {
                            sex = c.label("glotip");
                        } else if (c != null && b.dimension().equals("age_band")) {
                            age = c.label("glotip");
                        }
                    }
                    String cat = category;
                    List<String> line = List.of("ALB", "Albania", WORLD_REGION, SUBREGION, DETECTED, dimension, cat, sex, age,
                            Integer.toString(r.year()), "Counts", value(t.cells().get(i).get(j)), "NRM warehouse, snapshot " + r.snapshot());
                    rows.putIfAbsent(String.join("|", dimension, cat, sex, age), line);
                }
            }
        }
        List<List<String>> out = new ArrayList<>();
        out.add(GlotipFile.COLUMNS);
        out.addAll(rows.values());
        return out;
    }

    private static List<List<String>> eurostat(ReturnAnswers.Return r) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (ReturnAnswers.Table t : r.tables()) {
            for (int i = 0; i < t.cells().size(); i++) {
                Returns.Category row = i < t.rows().categories().size() ? t.rows().categories().get(i) : null;
                for (int j = 0; j < t.cells().get(i).size(); j++) {
                    Returns.Category column = j < t.columns().categories().size() ? t.columns().categories().get(j) : null;
                    Map<String, String> codes = new LinkedHashMap<>();
                    for (String c : List.of("leg_stat", "sex", "age", "citizen", "explt")) {
                        codes.put(c, "TOTAL");
                    }
                    if (row != null) {
                        codes.put(EUROSTAT_DIMENSION.get(t.rows().dimension()), row.label("eurostat"));
                    }
                    if (column != null) {
                        codes.put(EUROSTAT_DIMENSION.get(t.columns().dimension()), column.label("eurostat"));
                    }
                    codes.put("sex", codes.get("sex").equals("TOTAL") ? "T" : codes.get("sex"));
                    ReturnAnswers.Cell cell = t.cells().get(i).get(j);
                    List<String> line = List.of("A", "NR", codes.get("leg_stat"), codes.get("sex"), codes.get("age"), codes.get("citizen"),
                            codes.get("explt"), "AL", Integer.toString(r.year()), cell.status() == CellStatus.PUBLISHED ? Long.toString(cell.value()) : "",
                            cell.status() == CellStatus.PUBLISHED ? "" : Marks.of(cell.status()));
                    rows.putIfAbsent(String.join("|", codes.values()), line);
                }
            }
        }
        List<List<String>> out = new ArrayList<>();
        out.add(EUROSTAT_COLUMNS);
        out.addAll(rows.values());
        return out;
    }

    private static List<List<String>> sdg(ReturnAnswers.Return r) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        String source = "National Referral Mechanism, Albania (NRM warehouse, snapshot " + r.snapshot() + ")";
        for (ReturnAnswers.Table t : r.tables()) {
            for (int i = 0; i < t.cells().size(); i++) {
                Returns.Category row = i < t.rows().categories().size() ? t.rows().categories().get(i) : null;
                for (int j = 0; j < t.cells().get(i).size(); j++) {
                    Returns.Category column = j < t.columns().categories().size() ? t.columns().categories().get(j) : null;
                    String sex = "BOTHSEX";
                    String age = "ALLAGE";
                    String form = "ALL";
                    for (Object[] side : new Object[][] {{t.rows(), row}, {t.columns(), column}}) {
                        Returns.Breakdown b = (Returns.Breakdown) side[0];
                        Returns.Category c = (Returns.Category) side[1];
                        if (c == null) {
                            continue;
                        }
                        switch (b.dimension()) {
                            case "sex" -> sex = c.code().equals("F") ? "FEMALE" : c.code().equals("M") ? "MALE" : "UNKNOWN";
                            case "age_band" -> age = c.code().equals("0-17") ? "<18Y" : "18Y+";
                            case "exploitation_form" -> form = c.label("en");
                            default -> { }
                        }
                    }
                    ReturnAnswers.Cell cell = t.cells().get(i).get(j);
                    String key = sex + "|" + age + "|" + form;
                    rows.putIfAbsent(key + "|NUMBER", List.of("16", "16.2", "16.2.2", "Detected victims of human trafficking", "8", "Albania",
                            Integer.toString(r.year()), value(cell), "NUMBER", sex, age, form, "C", source, r.partial() ? "Partial year" : ""));
                    boolean total = sex.equals("BOTHSEX") && age.equals("ALLAGE") && form.equals("ALL");
                    // No rate for a part of a year: a part-year count over a whole year's population would read as a fall.
                    if (total && r.population().isPresent() && !r.partial()) {
                        String rate = cell.status() == CellStatus.PUBLISHED ? String.format(Locale.ROOT, "%.2f",
                                cell.value() * 100_000.0 / r.population().get().value()) : Marks.of(cell.status());
                        rows.putIfAbsent(key + "|RATE", List.of("16", "16.2", "16.2.2", "Detected victims of human trafficking per 100,000 population",
                                "8", "Albania", Integer.toString(r.year()), rate, "PER_100000_POP", sex, age, form, "C", source,
                                "Population: INSTAT census" + (r.population().get().estimate() ? ", linear estimate between the 2011 and 2023 censuses" : "")
));
                    }
                }
            }
        }
        List<List<String>> out = new ArrayList<>();
        out.add(SDG_COLUMNS);
        out.addAll(rows.values());
        return out;
    }

    /** A table as readers see it: labels in the language, a total row and column. */
    public static List<List<String>> readable(ReturnAnswers.Table t, String lang) {
        String total = lang.equals("sq") ? "Gjithsej" : "Total";
        List<List<String>> out = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("");
        t.columns().categories().forEach(c -> header.add(c.label(lang)));
        header.add(total);
        out.add(header);
        for (int i = 0; i < t.cells().size(); i++) {
            List<String> line = new ArrayList<>();
            line.add(i < t.rows().categories().size() ? t.rows().categories().get(i).label(lang) : total);
            t.cells().get(i).forEach(c -> line.add(value(c)));
            out.add(line);
        }
        return out;
    }

    public static byte[] csv(ReturnAnswers.Return r, String lang) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            for (List<String> line : stamp(r, lang)) {
                csv.printRecord(line.stream().map(ReturnFiles::safe).toList());
            }
            csv.println();
            for (List<String> line : data(r)) {
                csv.printRecord(line.stream().map(ReturnFiles::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The workbook: first the data sheet in the body's layout (for GLOTIP preceded by two title lines as UNODC's export
     * is, the second the snapshot's date as dd/MM/yyyy), then one sheet per table as readers see it, then the stamp.
     */
    public static byte[] xlsx(ReturnAnswers.Return r, String lang, Instant snapshotTime) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet data = wb.createSheet("data");
            int n = 0;
            if (r.definition().id().equals("glotip")) {
                write(data.createRow(n++), List.of(r.internal() ? "NRM warehouse (INTERNAL – NOT FOR PUBLICATION)" : "NRM warehouse"));
                write(data.createRow(n++), List.of(DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneOffset.UTC).format(snapshotTime)));
            }
            for (List<String> line : data(r)) {
                write(data.createRow(n++), line);
            }
            for (ReturnAnswers.Table t : r.tables()) {
                Sheet sheet = wb.createSheet(t.definition().id().length() > 31 ? t.definition().id().substring(0, 31) : t.definition().id());
                int i = 0;
                for (List<String> line : stamp(r, lang)) {
                    write(sheet.createRow(i++), line);
                }
                i++;
                for (List<String> line : readable(t, lang)) {
                    write(sheet.createRow(i++), line);
                }
                sheet.setColumnWidth(0, 45 * 256);
            }
            wb.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            String v = cells.get(c);
            if (v != null && v.matches("[0-9]{1,15}")) {
                row.createCell(c).setCellValue(Long.parseLong(v));
            } else {
                row.createCell(c).setCellValue(v == null ? "" : v);
            }
        }
    }

    /** A text cell that a spreadsheet would take for a formula is quoted. */
    static String safe(String v) {
        return v != null && !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+") ? "'" + v : v;
    }
}
