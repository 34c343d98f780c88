package al.antitrafficking.warehouse.international;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import al.antitrafficking.warehouse.international.GlotipFile.Figure;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import of the real UNODC GLOTIP export the project carries (conf/international), checked against the tests' own
 * reading of the same workbook's XML ({@link RawXlsx}), and the refusal of files of another shape or with unreadable rows.
 */
class GlotipImportTest {
    static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    static final Path EXPORT = ROOT.resolve("conf/international/unodc_data_glotip_2025-04-14.xlsx");
    static final String DETECTED = "Detected trafficking victims";

    @TempDir
    static Path warehouse;
    static GlotipSeries.Imported imported;
    static List<List<String>> raw;

    @BeforeAll
    static void importRealExport() throws Exception {
        imported = GlotipSeries.importFile(EXPORT, warehouse);
        raw = RawXlsx.rows(EXPORT, "xl/worksheets/sheet1.xml");
    }

    /** The rows after the header, as the XML holds them. */
    static List<List<String>> data() {
        int header = 0;
        while (!raw.get(header).get(0).equals("Iso3_code")) {
            header++;
        }
        return raw.subList(header + 1, raw.size());
    }

    @Test
    void everyFigureOfTheExportIsImported() {
        List<List<String>> data = data();
        assertEquals(data.size(), imported.figures());
        assertEquals(data.stream().filter(r -> r.get(11).equals("<5")).count(), imported.suppressed());
        assertEquals(data.stream().map(r -> r.get(0).isEmpty() ? r.get(1) : r.get(0)).distinct().count(), imported.countries());
        Map<List<String>, java.util.Set<String>> values = new java.util.HashMap<>();
        data.forEach(r -> values.computeIfAbsent(r.subList(0, 11), k -> new java.util.HashSet<>()).add(r.get(11)));
        assertEquals(values.values().stream().filter(v -> v.size() > 1).count(), imported.ambiguousFigures());
        assertEquals(Optional.of(java.time.LocalDate.of(2025, 4, 14)), imported.stamp());
    }

    @Test
    void albaniasDetectedVictimTotalsPerYearAreTheFilesOwn() {
        Map<Integer, String> expected = new TreeMap<>();
        for (List<String> r : data()) {
            if (r.get(0).equals("ALB") && r.get(4).equals(DETECTED) && r.get(5).equals("Total") && r.get(6).equals("Total")
                    && r.get(7).equals("Total") && r.get(8).equals("Total")) {
                expected.merge(Integer.parseInt(r.get(9)), r.get(11), (a, b) -> a + "," + b);
            }
        }
        assertFalse(expected.isEmpty());
        GlotipSeries series = GlotipSeries.open(warehouse).orElseThrow();
        Map<Integer, String> actual = series.figures(List.of("ALB"), DETECTED).stream()
                .filter(f -> f.dimension().equals("Total") && f.category().equals("Total") && f.sex().equals("Total") && f.age().equals("Total"))
                .collect(Collectors.toMap(Figure::year, f -> f.value().map(String::valueOf).orElse("<5"), (a, b) -> a + "," + b, TreeMap::new));
        assertEquals(expected, actual);
    }

    @Test
    void aLimitedSeriesIsReadByADatabaseOfAtMostTheGivenMemoryAndThreads() throws Exception {
        GlotipSeries limited = GlotipSeries.open(warehouse).orElseThrow().limitedTo(new al.antitrafficking.warehouse.config.DuckDbLimits("64MB", 1));
        // 64 MB are 64,000,000 bytes, 61.04 MiB, which DuckDB names to a tenth of a MiB.
        try (java.sql.Connection c = limited.connect(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT current_setting('memory_limit'), current_setting('threads')")) {
            assertTrue(r.next());
            assertEquals("61.0 MiB", r.getString(1));
            assertEquals(1, r.getInt(2));
        }
        // And it reads the same figures as the series unlimited.
        assertEquals(GlotipSeries.open(warehouse).orElseThrow().figures(List.of("ALB", "GRC"), DETECTED), limited.figures(List.of("ALB", "GRC"), DETECTED));
    }

    @Test
    void anImportIsWrittenWithinTheGivenLimitsAndTooSmallAOneRefusesItWholly(@TempDir Path elsewhere) {
        // Too little memory for DuckDB to hold the series: the import fails and no series is published.
        Path starved = elsewhere.resolve("starved");
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> GlotipSeries.importFile(EXPORT, starved, new al.antitrafficking.warehouse.config.DuckDbLimits("1KB", 1)));
        assertTrue(e.getMessage().contains("failed to allocate"), e.getMessage());
        // What the import command prints of it: DuckDB's words reduced to their kind.
        assertEquals("Cannot store the GLOTIP series in " + starved.resolve(GlotipSeries.FOLDER)
                + " (Cannot write series.parquet: SQLException); the series already there is unchanged",
                al.antitrafficking.warehouse.progress.FailureText.of(e));
        assertFalse(GlotipSeries.open(starved).isPresent());
        // Within the portal's default limits, the same figures as without any.
        Path bounded = elsewhere.resolve("bounded");
        GlotipSeries.Imported within = GlotipSeries.importFile(EXPORT, bounded, new al.antitrafficking.warehouse.config.DuckDbLimits("256MB", 2));
        assertEquals(imported.figures(), within.figures());
        assertEquals(GlotipSeries.open(warehouse).orElseThrow().figures(List.of("ALB", "GRC"), DETECTED),
                GlotipSeries.open(bounded).orElseThrow().figures(List.of("ALB", "GRC"), DETECTED));
    }

    @Test
    void albaniasSuppressedCellsComeBackWithheldNeverAsANumber() {
        List<String> expected = data().stream().filter(r -> r.get(0).equals("ALB") && r.get(4).equals(DETECTED) && r.get(11).equals("<5"))
                .map(r -> String.join("|", r.subList(5, 10))).sorted().toList();
        assertFalse(expected.isEmpty(), "Albania has <5 cells in this export");
        List<Figure> albania = GlotipSeries.open(warehouse).orElseThrow().figures(List.of("ALB"), DETECTED);
        List<String> suppressed = albania.stream().filter(Figure::suppressed)
                .map(f -> String.join("|", f.dimension(), f.category(), f.sex(), f.age(), Integer.toString(f.year()))).sorted().toList();
        assertEquals(expected, suppressed);
        assertTrue(albania.stream().filter(Figure::suppressed).allMatch(f -> f.value().isEmpty() && f.text().equals("<5")));
    }

    @Test
    void aWorkbookOfAnotherShapeIsRefusedAndTheSeriesStays(@TempDir Path dir) throws Exception {
        Path other = write(dir.resolve("dictionary.xlsx"), List.of(List.of("Variable", "Description", "Type"), List.of("gender", "Gender", "text")));
        GlotipFileException e = assertThrows(GlotipFileException.class, () -> GlotipSeries.importFile(other, warehouse));
        assertTrue(e.getMessage().contains("not a UNODC GLOTIP export"), e.getMessage());
        List<String> header = new java.util.ArrayList<>(GlotipFile.COLUMNS);
        header.set(11, "Value");
        Path renamed = write(dir.resolve("renamed.xlsx"), List.of(header, row("ALB", "2020", "12")));
        e = assertThrows(GlotipFileException.class, () -> GlotipSeries.importFile(renamed, warehouse));
        assertTrue(e.getMessage().contains("column 12 should be txtVALUE"), e.getMessage());
        assertFalse(e.getMessage().contains("Value,") || e.getMessage().contains(": Value"), "the file's own header text is not repeated: " + e.getMessage());
        Path text = dir.resolve("notes.xlsx");
        Files.writeString(text, "Iso3_code,Country\n");
        e = assertThrows(GlotipFileException.class, () -> GlotipSeries.importFile(text, warehouse));
        assertTrue(e.getMessage().contains("not an Excel workbook"), e.getMessage());
        assertEquals(imported.id(), GlotipSeries.open(warehouse).orElseThrow().imported().id());
    }

    @Test
    void unreadableRowsRefuseTheFileNamingEachRow(@TempDir Path dir) throws Exception {
        Path bad = write(dir.resolve("bad.xlsx"), List.of(GlotipFile.COLUMNS, row("ALB", "2020", "12"), row("ALB", "20x0", "7"),
                row("GRC", "2021", "n/a"), row("", "2020", "13")));
        GlotipFileException e = assertThrows(GlotipFileException.class, () -> GlotipSeries.importFile(bad, warehouse));
        String m = e.getMessage();
        assertTrue(m.contains("3 rows cannot be read"), m);
        assertTrue(m.contains("row 3: Year is not a whole number"), m);
        assertTrue(m.contains("row 4: txtVALUE is neither a whole number nor <5"), m);
        assertTrue(m.contains("row 5: neither Iso3_code nor Country is given"), m);
        assertTrue(m.contains("Nothing was imported"), m);
        assertEquals(imported.id(), GlotipSeries.open(warehouse).orElseThrow().imported().id());
    }

    @Test
    void aLaterExportOfTheSameShapeBecomesTheSeries(@TempDir Path dir) throws Exception {
        Path later = write(dir.resolve("later.xlsx"), List.of(List.of("UNODC"), List.of("02/03/2026"), GlotipFile.COLUMNS,
                row("ALB", "2023", "1,234"), row("ALB", "2024", "<5"), row("ALB", "2024", "9")));
        Path copy = dir.resolve("wh");
        GlotipSeries.Imported first = GlotipSeries.importFile(write(dir.resolve("first.xlsx"), List.of(List.of("UNODC"), List.of("14/04/2025"),
                GlotipFile.COLUMNS, row("ALB", "2022", "112"))), copy);
        GlotipSeries.Imported next = GlotipSeries.importFile(later, copy);
        GlotipSeries series = GlotipSeries.open(copy).orElseThrow();
        assertEquals(next.id(), series.imported().id());
        assertFalse(first.id().equals(next.id()));
        List<Figure> f = series.figures(List.of("ALB"), DETECTED);
        assertEquals(List.of(Optional.of(1234L), Optional.<Long>empty(), Optional.of(9L)), f.stream().map(Figure::value).toList());
        assertEquals(List.of(false, true, true), f.stream().map(Figure::ambiguous).toList(), "2024 is given twice, differently: both kept, marked");
        assertEquals(Optional.of(java.time.LocalDate.of(2026, 3, 2)), series.imported().stamp());
    }

    static List<String> row(String iso3, String year, String value) {
        return List.of(iso3, iso3.isEmpty() ? "" : "Country", "Region", "Subregion", DETECTED, "Total", "Total", "Total", "Total", year, "Counts", value, "GLOTIP");
    }

    static Path write(Path file, List<List<String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = wb.createSheet("data");
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
        }
        return file;
    }
}
