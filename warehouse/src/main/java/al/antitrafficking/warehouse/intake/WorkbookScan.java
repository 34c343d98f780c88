package al.antitrafficking.warehouse.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFCell;

/**
 * The first sheet of an Excel workbook (.xlsx), row by row, through the same checks as a CSV file. Dates become
 * yyyy-MM-dd and whole numbers lose their decimals; a formula cell whose workbook holds no computed value (saved by
 * a program that does not calculate) is not read as 0: its row is quarantined as FORMULA_WITHOUT_VALUE.
 */
final class WorkbookScan {
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final int MAX_PARTS = 200;
    private static final long INFLATION = 8;
    /** A sheet of the workbook's list: worksheet, chart sheet or dialog sheet alike ({@code <sheet name=... r:id=.../>}). */
    private static final java.util.regex.Pattern SHEET = java.util.regex.Pattern.compile("<(?:[A-Za-z0-9_]+:)?sheet[\\s/>]");
    private static final int MAX_LISTING = 1 << 20;

    private final FileScan scan;
    private final Landed file;

    WorkbookScan(FileScan scan, Landed file) {
        this.scan = scan;
        this.file = file;
    }

    Submission scan(Path target) throws FileRefusal, IOException {
        checkParts();
        // A workbook is a zip: the sheet it inflates to may not be larger than a file may be.
        ZipSecureFile.setMaxEntrySize(Math.max(scan.maxFileBytes(), 1L << 20));
        List<List<String>> rows = new ArrayList<>();
        List<Integer> formulas = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file.path()); Workbook workbook = WorkbookFactory.create(in)) {
            if (workbook.getNumberOfSheets() == 0) {
                // Excel cannot save a workbook without a sheet: this one was cut off or damaged (its sheet's part is missing).
                throw FileRefusal.of(file, FileProblem.UNREADABLE_ENCODING, "cannot be opened as an Excel workbook (.xlsx): it holds "
                        + "no sheet, as a cut-off or damaged file does; save it again");
            }
            Sheet sheet = workbook.getSheetAt(0);
            int width = -1;
            for (Row row : sheet) {
                if (row.getLastCellNum() > scan.maxRowFields()) {
                    throw FileRefusal.of(file, FileProblem.ROW_TOO_WIDE, "has a row of more than " + scan.maxRowFields()
                            + " cells (etl.max-row-fields) on sheet row " + (row.getRowNum() + 1) + "; the contract has at most "
                            + scan.widest() + " columns");
                }
                if (width < 0) {
                    width = row.getLastCellNum();
                }
                List<String> values = new ArrayList<>();
                int formula = -1;
                for (int c = 0; c < Math.max(width, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    if (formula < 0 && cell != null && formulaWithoutValue(cell)) {
                        formula = c;
                    }
                    values.add(cellText(cell));
                }
                while (values.size() > width && values.get(values.size() - 1).isEmpty()) {
                    values.remove(values.size() - 1);
                }
                if (values.stream().anyMatch(v -> !v.isEmpty()) || formula >= 0) {
                    rows.add(values);
                    formulas.add(formula);
                }
            }
        } catch (FileRefusal e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw FileRefusal.of(file, FileProblem.UNREADABLE_ENCODING, "cannot be opened as an Excel workbook (.xlsx)");
        }
        if (rows.isEmpty()) {
            throw FileRefusal.of(file, FileProblem.EMPTY_FILE, "has no header row");
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        try (Normalised out = scan.normalised(file, header, target)) {
            for (int i = 1; i < rows.size(); i++) {
                int formula = formulas.get(i);
                out.add(rows.get(i), formula < header.size() ? formula : -1);
            }
            out.refuseIfPersonalData();
            return new Submission(file, target, out.records(), "Excel workbook", out.repeatedIdRecords());
        }
    }

    /**
     * Before POI opens the workbook (which holds every sheet in memory): one sheet in the workbook's own list (wherever
     * its parts lie in the zip, whatever their kind), at most
     * {@value #MAX_PARTS} parts, and no more than {@value #INFLATION} times the file limit once inflated, read as a
     * stream with nothing kept. Only the first sheet is ever read, so a second sheet (a raw case list left beside the
     * month's rows, names and all) is refused rather than passed on unchecked, and a workbook of many large sheets
     * cannot fill the memory.
     */
    private void checkParts() throws FileRefusal, IOException {
        int sheets = 0;
        int parts = 0;
        int workbooks = 0;
        long inflated = 0;
        long limit = INFLATION * Math.max(scan.maxFileBytes(), 1L << 20);
        byte[] buffer = new byte[1 << 16];
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(file.path()))) {
            for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (++parts > MAX_PARTS) {
                    throw FileRefusal.of(file, FileProblem.WORKBOOK_SHEETS, "is a workbook of more than " + MAX_PARTS
                            + " parts; save the month's rows alone, on one sheet, or as CSV");
                }
                String name = e.getName().toLowerCase(Locale.ROOT);
                boolean workbookPart = name.endsWith("workbook.xml") && !name.contains("_rels/");
                if (workbookPart && ++workbooks > 1) {
                    throw FileRefusal.of(file, FileProblem.WORKBOOK_SHEETS, "holds more than one workbook part; save it again");
                }
                java.io.ByteArrayOutputStream listing = workbookPart ? new java.io.ByteArrayOutputStream() : null;
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    inflated += n;
                    if (inflated > limit) {
                        throw FileRefusal.of(file, FileProblem.TOO_BIG, "inflates to more than " + limit + " bytes; save the month's rows "
                                + "alone, on one sheet, or as CSV");
                    }
                    if (listing != null && listing.size() < MAX_LISTING) {
                        listing.write(buffer, 0, n);
                    }
                }
                if (listing != null) {
                    // The sheets POI opens are the ones the workbook lists, wherever their parts lie in the zip.
                    java.util.regex.Matcher m = SHEET.matcher(listing.toString(java.nio.charset.StandardCharsets.UTF_8));
                    while (m.find()) {
                        sheets++;
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // Not a zip, or one cut off (an end of file inside a part): damaged, whatever else it is.
            throw FileRefusal.of(file, FileProblem.UNREADABLE_ENCODING, "cannot be opened as an Excel workbook (.xlsx)");
        }
        if (workbooks == 0) {
            throw FileRefusal.of(file, FileProblem.UNREADABLE_ENCODING, "cannot be opened as an Excel workbook (.xlsx): it has no "
                    + "workbook part");
        }
        if (sheets > 1) {
            throw FileRefusal.of(file, FileProblem.WORKBOOK_SHEETS, "holds " + sheets + " sheets; only one is read, and the "
                    + "others would go unchecked: keep the month's rows alone, on one sheet (or save it as CSV)");
        }
    }

    private static boolean formulaWithoutValue(Cell cell) {
        return cell.getCellType() == CellType.FORMULA && cell instanceof XSSFCell x && !x.getCTCell().isSetV();
    }

    /** Dates as yyyy-MM-dd, whole numbers without decimals, text as typed. */
    private static String cellText(Cell cell) {
        if (cell == null || formulaWithoutValue(cell)) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    yield cell.getLocalDateTimeCellValue().toLocalDate().format(ISO_DATE);
                }
                double d = cell.getNumericCellValue();
                yield d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
            }
            case STRING -> cell.getStringCellValue().strip();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }
}
