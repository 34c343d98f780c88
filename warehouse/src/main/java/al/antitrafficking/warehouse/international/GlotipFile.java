package al.antitrafficking.warehouse.international;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A UNODC GLOTIP data export (the data portal's "data_glotip" workbook): a few title lines (the word UNODC, the export
 * date as dd/MM/yyyy), then a header row of exactly {@link #COLUMNS}, then one row per figure. Values are text: a whole
 * number (thousands may carry commas, {@code 1,001}) or {@code <5}, UNODC's mark for a figure it does not publish,
 * kept as suppressed and never as a number. Every row is kept as the export has it (repeated rows too, and rows giving one
 * figure two values, marked ambiguous); a territory with no ISO code (Sark) is kept under its name. A file of another shape, or with any row whose country code, year or value
 * cannot be read, is refused whole with what was wrong and where: one file, one fate.
 */
public final class GlotipFile {
    /** The header row of the export, in order. */
    public static final List<String> COLUMNS = List.of("Iso3_code", "Country", "Region", "Subregion", "Indicator", "Dimension",
            "Category", "Sex", "Age", "Year", "Unit of measurement", "txtVALUE", "Source");
    /** UNODC's mark for a figure below five that it does not publish. */
    public static final String SUPPRESSED = "<5";
    private static final int HEADER_SEARCH_ROWS = 10;
    /** The most one part of the workbook may inflate to (UNODC's whole export: about 27 MB). */
    private static final long MAX_SHEET_BYTES = 512L << 20;
    private static final int PROBLEMS_SHOWN = 20;
    private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");
    private static final Pattern COUNT = Pattern.compile("\\d{1,3}(,\\d{3})+|\\d+");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * One figure of the export, with its row in the sheet: {@code value} is empty when UNODC suppressed it ({@code <5});
     * {@code ambiguous} when the export gives the same country, indicator, breakdown and year more than once with
     * different values (it does, for some "Other" sex rows): every such row is kept, and no comparison picks one.
     */
    public record Figure(int row, String iso3, String country, String region, String subregion, String indicator, String dimension,
                         String category, String sex, String age, int year, String unit, Optional<Long> value, String text,
                         String source, boolean ambiguous) {
        public boolean suppressed() {
            return value.isEmpty();
        }

        String key() {
            return String.join("\u0001", iso3, country, region, subregion, indicator, dimension, category, sex, age, Integer.toString(year), unit);
        }

        Figure asAmbiguous() {
            return new Figure(row, iso3, country, region, subregion, indicator, dimension, category, sex, age, year, unit, value, text, source, true);
        }
    }

    /** A whole export: its date where the title lines give one, every figure in file order, how many are given twice differently. */
    public record Export(Optional<LocalDate> stamp, List<Figure> figures, int ambiguousFigures) {
        public Export {
            figures = List.copyOf(figures);
        }
    }

    private GlotipFile() {}

    /** Reads a whole export, or refuses it with {@link GlotipFileException} naming what was wrong and where. */
    public static Export read(Path file) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new GlotipFileException("Refused " + name + ": no such file.");
        }
        // POI's limit on what one part of the zip may inflate to is global, and a clerk's upload sets it to a file's size;
        // UNODC's export of the whole world inflates its sheet to some 27 MB. Raised for this read, then put back.
        long limit = ZipSecureFile.getMaxEntrySize();
        ZipSecureFile.setMaxEntrySize(Math.max(limit, MAX_SHEET_BYTES));
        try (InputStream in = Files.newInputStream(file); Workbook wb = new XSSFWorkbook(in)) {
            return read(name, wb.getSheetAt(0));
        } catch (GlotipFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI's own message may quote the file's content; say only what the file is not.
            throw new GlotipFileException("Refused " + name + ": it is not an Excel workbook (.xlsx) that can be read (or its sheet "
                    + "inflates to more than " + (MAX_SHEET_BYTES >> 20) + " MB).");
        } finally {
            ZipSecureFile.setMaxEntrySize(limit);
        }
    }

    private static Export read(String name, Sheet sheet) {
        DataFormatter format = new DataFormatter(java.util.Locale.ROOT);
        Optional<LocalDate> stamp = Optional.empty();
        int header = -1;
        for (int r = 0; r <= Math.min(sheet.getLastRowNum(), HEADER_SEARCH_ROWS - 1) && header < 0; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            String first = text(format, row.getCell(0));
            if (first.equals(COLUMNS.get(0))) {
                header = r;
            } else if (stamp.isEmpty()) {
                stamp = date(first);
            }
        }
        if (header < 0) {
            throw new GlotipFileException("Refused " + name + ": this is not a UNODC GLOTIP export; no header row starting with "
                    + COLUMNS.get(0) + " in its first " + HEADER_SEARCH_ROWS + " rows. Expected the columns " + String.join(", ", COLUMNS) + ".");
        }
        List<String> found = new ArrayList<>();
        Row headerRow = sheet.getRow(header);
        for (int c = 0; c < Math.max(COLUMNS.size(), headerRow.getLastCellNum()); c++) {
            String t = text(format, headerRow.getCell(c));
            if (!t.isEmpty() || c < COLUMNS.size()) {
                found.add(t);
            }
        }
        if (!found.equals(COLUMNS)) {
            // Where the header differs, by position and what is expected there, never the file's own text.
            List<String> differs = new ArrayList<>();
            for (int c = 0; c < Math.max(found.size(), COLUMNS.size()); c++) {
                if (c >= COLUMNS.size()) {
                    differs.add("column " + (c + 1) + " should not be there");
                } else if (c >= found.size() || !found.get(c).equals(COLUMNS.get(c))) {
                    differs.add("column " + (c + 1) + " should be " + COLUMNS.get(c));
                }
            }
            throw new GlotipFileException("Refused " + name + ": its header (row " + (header + 1) + ") is not a UNODC GLOTIP export's: "
                    + String.join("; ", differs.subList(0, Math.min(10, differs.size()))) + (differs.size() > 10 ? "; …" : "")
                    + ". The export has exactly " + String.join(", ", COLUMNS) + ", in this order. Nothing was imported.");
        }
        List<Figure> figures = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int problemCount = 0;
        Map<String, String> seen = new HashMap<>();
        java.util.Set<String> conflicting = new java.util.HashSet<>();
        for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> v = new ArrayList<>(COLUMNS.size());
            boolean blank = true;
            for (int c = 0; c < COLUMNS.size(); c++) {
                String t = row == null ? "" : text(format, row.getCell(c));
                blank &= t.isEmpty();
                v.add(t);
            }
            if (blank) {
                continue;
            }
            List<String> wrong = new ArrayList<>();
            // A territory without an ISO code (the export has Sark) carries its name alone.
            if (v.get(0).isEmpty() ? v.get(1).isEmpty() : !ISO3.matcher(v.get(0)).matches()) {
                wrong.add(v.get(0).isEmpty() ? "neither Iso3_code nor Country is given" : "Iso3_code is not three capital letters");
            }
            Integer year = null;
            try {
                year = Integer.valueOf(v.get(9));
                if (year < 1900 || year > 2100) {
                    wrong.add("Year is not a year between 1900 and 2100");
                }
            } catch (NumberFormatException e) {
                wrong.add("Year is not a whole number");
            }
            for (int c : new int[] {4, 5, 7, 8, 10}) { // Category may be empty: the export leaves it so for some countries of repatriation
                if (v.get(c).isEmpty()) {
                    wrong.add(COLUMNS.get(c) + " is empty");
                }
            }
            Optional<Long> value = Optional.empty();
            String text = v.get(11);
            if (COUNT.matcher(text).matches()) {
                value = Optional.of(Long.parseLong(text.replace(",", "")));
            } else if (!text.equals(SUPPRESSED)) {
                wrong.add("txtVALUE is neither a whole number nor " + SUPPRESSED);
            }
            if (wrong.isEmpty()) {
                String key = String.join("\u0001", v.subList(0, 11));
                String before = seen.putIfAbsent(key, text);
                if (before != null && !before.equals(text)) {
                    conflicting.add(key);
                }
            }
            if (!wrong.isEmpty()) {
                problemCount++;
                if (problems.size() < PROBLEMS_SHOWN) {
                    problems.add("row " + (r + 1) + ": " + String.join("; ", wrong));
                }
                continue;
            }
            figures.add(new Figure(r + 1, v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7), v.get(8), year,
                    v.get(10), value, text, v.get(12), false));
        }
        if (problemCount > 0) {
            throw new GlotipFileException("Refused " + name + ": " + problemCount + (problemCount == 1 ? " row" : " rows")
                    + " cannot be read (" + String.join(" | ", problems) + (problemCount > problems.size() ? " | …" : "")
                    + "). Nothing was imported; the series already in the warehouse is unchanged.");
        }
        if (figures.isEmpty()) {
            throw new GlotipFileException("Refused " + name + ": it has the export's header but no figures. Nothing was imported.");
        }
        List<Figure> marked = figures.stream().map(f -> conflicting.contains(f.key()) ? f.asAmbiguous() : f).toList();
        return new Export(stamp, marked, conflicting.size());
    }

    private static String text(DataFormatter format, Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            double d = cell.getNumericCellValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
        }
        return format.formatCellValue(cell).strip();
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text, STAMP));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
