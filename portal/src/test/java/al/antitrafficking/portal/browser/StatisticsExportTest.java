package al.antitrafficking.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The ministry's tables over the fixture's warehouse: the same release gives the same file in each format, each file
 * says which release and what its marks mean, its figures are the JSON table's; the page shows every table it can,
 * says for the others what to ask instead, and marks a period the release covers only in part.
 */
@ExtendWith(ScreenshotOnFailure.class)
class StatisticsExportTest {
    static BrowserPortal portal;
    static Http http;
    /** The tables the release makes for 2025, and those it does not. */
    static final List<String> MADE = new ArrayList<>();
    static final List<String> REFUSED = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        portal = BrowserPortal.get();
        http = new Http(portal.fixture.app::port);
        for (JsonNode entry : http.json("/api/v1/statistics", 200).get("tables")) {
            String id = entry.get("id").asText();
            (http.get("/api/v1/statistics/" + id + "?year=2025").statusCode() == 200 ? MADE : REFUSED).add(id);
        }
        assertThat(MADE).as("tables the release makes for 2025").hasSizeGreaterThanOrEqualTo(2);
    }

    private static byte[] get(String path) {
        HttpResponse<byte[]> r = http.bytes(path);
        assertThat(r.statusCode()).as(path + ": " + new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return r.body();
    }

    private static JsonNode table(String id) {
        return http.json("/api/v1/statistics/" + id + "?year=2025", 200);
    }

    @Test
    void eachFormatIsTheSameFileWhenMadeAgainFromTheSameRelease() throws Exception {
        for (String format : List.of("csv", "xlsx", "pdf")) {
            byte[] first = get("/api/v1/statistics/all/export." + format + "?year=2025");
            Thread.sleep(1100);
            byte[] again = get("/api/v1/statistics/all/export." + format + "?year=2025");

            assertThat(again).as(format).isEqualTo(first);
        }
    }

    @Test
    void theCsvIsStampedAndHoldsTheTablesFigures() throws Exception {
        JsonNode t = table(MADE.get(0));
        String text = new String(get("/api/v1/statistics/" + MADE.get(0) + "/export.csv?year=2025"), StandardCharsets.UTF_8);
        List<CSVRecord> lines = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(text.substring(1))).getRecords();

        assertThat(lines.get(2).get(0)).isEqualTo("Snapshot");
        assertThat(lines.get(2).get(1)).isEqualTo(portal.fixture.releaseId).isEqualTo(t.get("snapshot").asText());
        assertThat(lines.get(7).get(0)).isEqualTo("Disclosure control");
        assertThat(lines.get(7).get(1)).startsWith("x = withheld to protect children's privacy");
        // After the stamp and a blank line: the header (the dimension's code and name), then one line per row (its code,
        // its label) and a total line; figures with a dot, as machines read them.
        List<CSVRecord> body = lines.subList(9, lines.size());
        assertThat(body.get(0).get(0)).isEqualTo(t.get("rows").asText());
        assertThat(body.get(0).get(1)).isEqualTo(label(t.get("rows").asText(), "*", "en"));
        assertThat(body).hasSize(1 + t.get("rowLabels").size() + 1);
        for (int r = 0; r < t.get("cells").size(); r++) {
            for (int c = 0; c < t.get("cells").get(r).size(); c++) {
                assertThat(body.get(r + 1).get(c + 2)).as("row %d col %d", r, c).isEqualTo(t.get("cells").get(r).get(c).asText());
            }
        }
    }

    /** A label of conf/reference/value_labels.csv, read here with commons-csv (code * is the dimension's own name). */
    private static String label(String dimension, String code, String lang) throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("project.root", "..")).resolve("conf/reference/value_labels.csv");
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get()
                .parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            if (r.get("dimension").equals(dimension) && r.get("code").equals(code)) {
                return r.get(lang);
            }
        }
        return code;
    }

    @Test
    void inAlbanianEveryFileIsWordedInAlbanianAndThePdfWritesNumbersTheAlbanianWay() throws Exception {
        String id = MADE.get(0);
        JsonNode t = table(id);
        String csv = new String(get("/api/v1/statistics/" + id + "/export.csv?year=2025&lang=sq"), StandardCharsets.UTF_8);
        List<CSVRecord> lines = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(csv.substring(1))).getRecords();

        assertThat(lines.get(0).get(0)).isEqualTo("Tabela");
        assertThat(lines.get(0).get(1)).isEqualTo(t.get("title").get("sq").asText());
        assertThat(lines.get(2).get(0)).isEqualTo("Versioni i të dhënave");
        assertThat(lines.get(3).get(1)).as("the CSV's date stays ISO").matches("[0-9]{4}-[0-9]{2}-[0-9]{2}");
        assertThat(lines.get(7).get(1)).startsWith("x = e fshehur");
        assertThat(lines.get(9).get(1)).isEqualTo(label(t.get("rows").asText(), "*", "sq"));
        assertThat(lines.get(lines.size() - 1).get(1)).isIn("Gjithsej", "Shqipëria");

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(get("/api/v1/statistics/" + id + "/export.xlsx?year=2025&lang=sq")))) {
            Sheet sheet = book.getSheet(id);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Tabela");
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).as("the date in Albanian words")
                    .matches("[0-9]{1,2} (janar|shkurt|mars|prill|maj|qershor|korrik|gusht|shtator|tetor|nëntor|dhjetor) [0-9]{4}");
            assertThat(sheet.getRow(9).getCell(0).getStringCellValue()).isEqualTo(label(t.get("rows").asText(), "*", "sq"));
        }

        // The share table, if the release makes it for 2025: its decimals with a comma in the Albanian PDF.
        JsonNode share = http.get("/api/v1/statistics/convergence_by_county?year=2025").statusCode() == 200 ? table("convergence_by_county") : null;
        String pdfId = share != null ? "convergence_by_county" : id;
        try (PDDocument pdf = Loader.loadPDF(get("/api/v1/statistics/" + pdfId + "/export.pdf?year=2025&lang=sq"))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Versioni i të dhënave: ").contains("Mbrojtja e të dhënave: x = e fshehur").contains("Periudha: 2025");
            if (share != null) {
                for (JsonNode row : share.get("cells")) {
                    for (JsonNode cell : row) {
                        if (cell.asText().matches("[0-9]+\\.[0-9]")) {
                            assertThat(text).contains(cell.asText().replace('.', ','));
                        }
                    }
                }
            }
        }
        assertThat(http.get("/api/v1/statistics/" + id + "/export.csv?year=2025&lang=de").statusCode()).isEqualTo(400);
    }

    @Test
    void theWorkbookHasASheetPerTableItMakesWithNumbersWhereFiguresArePublished() throws Exception {
        JsonNode t = table(MADE.get(0));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(get("/api/v1/statistics/all/export.xlsx?year=2025")))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(MADE.size() + (REFUSED.isEmpty() ? 0 : 1));
            Sheet sheet = book.getSheet(MADE.get(0));
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo(t.get("snapshot").asText());
            Row header = sheet.getRow(9);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo(label(t.get("rows").asText(), "*", "en"));
            for (int r = 0; r < t.get("cells").size(); r++) {
                Row row = sheet.getRow(10 + r);
                for (int c = 0; c < t.get("cells").get(r).size(); c++) {
                    String expected = t.get("cells").get(r).get(c).asText();
                    Cell cell = row.getCell(c + 1);
                    if (expected.matches("[0-9]+")) {
                        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                        assertThat((long) cell.getNumericCellValue()).isEqualTo(Long.parseLong(expected));
                        assertThat(cell.getCellStyle().getDataFormatString()).as("thousands shown the reader's way").isEqualTo("#,##0");
                    } else {
                        assertThat(cell.getStringCellValue()).isEqualTo(expected);
                    }
                }
            }
            if (!REFUSED.isEmpty()) {
                assertThat(book.getSheet("not_in_this_file").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Not in this file");
            }
        }
    }

    @Test
    void thePdfSaysWhichReleaseAndWhatItsMarksMean() throws Exception {
        JsonNode t = table(MADE.get(0));
        try (PDDocument pdf = Loader.loadPDF(get("/api/v1/statistics/" + MADE.get(0) + "/export.pdf?year=2025"))) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(text).contains("Snapshot: " + t.get("snapshot").asText()).contains("Disclosure control: x = withheld to protect children")
                    .contains(t.get("title").get("en").asText()).contains("Period: 2025");
        }
    }

    @Test
    void thePageShowsEveryTableAndDownloadsAllOfThemWithProgress() throws Exception {
        portal.driver.get(portal.url("/statistics.html?period=2025"));
        WebDriverWait wait = new WebDriverWait(portal.driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElements(By.cssSelector("#tables section")).size() == 6);
        assertThat(portal.driver.findElements(By.cssSelector("#tables section[data-refused]"))).hasSize(REFUSED.size());
        assertThat(portal.driver.findElement(By.id("disclosure")).getText()).startsWith("x = e fshehur");
        BrowserPortal.files(portal.downloads).forEach(File::delete);

        portal.driver.findElement(By.cssSelector(".export-all[data-format='xlsx']")).click();

        File file = wait.until(d -> BrowserPortal.files(portal.downloads).stream().filter(f -> f.getName().endsWith(".xlsx")).findFirst().orElse(null));
        wait.until(d -> d.findElement(By.id("export-progress")).getText().contains(file.getName()));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(file.toPath())))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(MADE.size() + (REFUSED.isEmpty() ? 0 : 1));
        }
        assertThat(file.getName()).startsWith("statistics_all_2025_");
    }

    @Test
    void aQuarterSaysOfEachTableTheReleaseDoesNotMakeThereToAskForTheYear() {
        List<String> refusedInQuarter = new ArrayList<>();
        for (String id : MADE) {
            if (http.get("/api/v1/statistics/" + id + "?quarter=2025-Q2").statusCode() == 400) {
                refusedInQuarter.add(id);
            }
        }
        assertThat(refusedInQuarter).as("tables published by year only").isNotEmpty();

        portal.driver.get(portal.url("/statistics.html?period=2025-Q2"));
        WebDriverWait wait = new WebDriverWait(portal.driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElements(By.cssSelector("#tables section")).size() == 6);

        for (String id : refusedInQuarter) {
            WebElement section = portal.driver.findElement(By.cssSelector("#tables section[data-table='" + id + "']"));
            assertThat(section.getDomAttribute("data-refused")).isEqualTo("true");
            assertThat(section.findElement(By.className("refusal")).getText()).startsWith("Nuk botohet në këtë version: Cannot make this table")
                    .endsWith("; ask for the year");
        }
    }

    @Test
    void aPeriodTheReleaseCoversOnlyInPartIsMarked() {
        portal.driver.get(portal.url("/statistics.html?period=2024"));
        WebDriverWait wait = new WebDriverWait(portal.driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElements(By.cssSelector("#tables section")).size() == 6);

        assertThat(new Select(portal.driver.findElement(By.id("period"))).getFirstSelectedOption().getText()).isEqualTo("2024 (i pjesshëm)");
        assertThat(portal.driver.findElement(By.id("partial-note")).getText()).contains("2024-03 deri 2026-02");
        portal.driver.findElements(By.cssSelector("#period option")).stream().filter(o -> o.getDomAttribute("value").equals("2025"))
                .forEach(o -> assertThat(o.getText()).isEqualTo("2025"));
    }
}
