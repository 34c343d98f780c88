package al.antitrafficking.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The ministry's tables over the generated 12-county warehouse: the same snapshot gives the same file in each
 * format, each file says which snapshot and what suppression, and its figures are the JSON table's.
 */
@ExtendWith(ScreenshotOnFailure.class)
class StatisticsExportTest {
    static BrowserPortal portal;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        portal = BrowserPortal.get();
    }

    private static byte[] get(String path) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(portal.url(path))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path + ": " + new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return r.body();
    }

    private static JsonNode table(String id) throws Exception {
        return JSON.readTree(get("/api/v1/statistics/" + id + "?year=2025"));
    }

    @Test
    void eachFormatIsTheSameFileWhenMadeAgainFromTheSameSnapshot() throws Exception {
        for (String format : List.of("csv", "xlsx", "pdf")) {
            byte[] first = get("/api/v1/statistics/all/export." + format + "?year=2025");
            Thread.sleep(1100);
            byte[] again = get("/api/v1/statistics/all/export." + format + "?year=2025");

            assertThat(again).as(format).isEqualTo(first);
        }
    }

    @Test
    void theCsvIsStampedAndHoldsTheTablesFigures() throws Exception {
        JsonNode t = table("victims_by_county");
        String text = new String(get("/api/v1/statistics/victims_by_county/export.csv?year=2025"), StandardCharsets.UTF_8);
        List<CSVRecord> lines = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(text.substring(1))).getRecords();

        assertThat(lines.get(2).get(0)).isEqualTo("Snapshot");
        assertThat(lines.get(2).get(1)).isEqualTo(t.get("snapshot").asText());
        assertThat(lines.get(7).get(0)).isEqualTo("Disclosure control");
        // After the stamp and a blank line: the header, then one line per county and a total line.
        List<CSVRecord> body = lines.subList(9, lines.size());
        assertThat(body.get(0).get(0)).isEqualTo("county");
        assertThat(body).hasSize(1 + t.get("rowLabels").size() + 1);
        for (int r = 0; r < t.get("cells").size(); r++) {
            for (int c = 0; c < t.get("cells").get(r).size(); c++) {
                assertThat(body.get(r + 1).get(c + 1)).as("row %d col %d", r, c).isEqualTo(t.get("cells").get(r).get(c).asText());
            }
        }
        assertThat(body.get(1).get(0)).isEqualTo("Berat");
    }

    @Test
    void theWorkbookHasASheetPerTableWithNumbersWhereFiguresArePublished() throws Exception {
        JsonNode t = table("victims_by_sex_and_age");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(get("/api/v1/statistics/all/export.xlsx?year=2025")))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(6);
            Sheet sheet = book.getSheet("victims_by_sex_and_age");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo(t.get("snapshot").asText());
            Row header = sheet.getRow(9);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("sex");
            for (int r = 0; r < t.get("cells").size(); r++) {
                Row row = sheet.getRow(10 + r);
                for (int c = 0; c < t.get("cells").get(r).size(); c++) {
                    String expected = t.get("cells").get(r).get(c).asText();
                    Cell cell = row.getCell(c + 1);
                    if (expected.matches("[0-9]+")) {
                        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                        assertThat((long) cell.getNumericCellValue()).isEqualTo(Long.parseLong(expected));
                    } else {
                        assertThat(cell.getStringCellValue()).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void thePdfSaysWhichSnapshotAndHowFiguresAreSuppressed() throws Exception {
        JsonNode t = table("children_on_the_move_by_crossing");
        try (PDDocument pdf = Loader.loadPDF(get("/api/v1/statistics/children_on_the_move_by_crossing/export.pdf?year=2025"))) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(text).contains("Snapshot: " + t.get("snapshot").asText()).contains("Disclosure control: Counts below 5 are suppressed")
                    .contains("Children on the move by crossing and direction").contains("Period: 2025");
        }
    }

    @Test
    void thePageShowsEveryTableAndDownloadsAllOfThemWithProgress() throws Exception {
        portal.driver.get(portal.url("/statistics.html?period=2025"));
        WebDriverWait wait = new WebDriverWait(portal.driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElements(By.cssSelector("#tables section")).size() == 6);
        BrowserPortal.files(portal.downloads).forEach(File::delete);

        portal.driver.findElement(By.cssSelector(".export-all[data-format='xlsx']")).click();

        File file = wait.until(d -> BrowserPortal.files(portal.downloads).stream().filter(f -> f.getName().endsWith(".xlsx")).findFirst().orElse(null));
        wait.until(d -> d.findElement(By.id("export-progress")).getText().contains(file.getName()));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(file.toPath())))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(6);
        }
        assertThat(file.getName()).startsWith("statistics_all_2025_");
    }
}
