package al.antitrafficking.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal's pages in headless Chromium over a real warehouse: each loads without an error, its charts are
 * drawn with data, the language switch changes the labels, the map answers a click, and a download holds the
 * figures the API gives.
 */
@ExtendWith(ScreenshotOnFailure.class)
class PagesBrowserTest {
    static BrowserPortal portal;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        portal = BrowserPortal.get();
        driver = portal.driver;
    }

    @AfterEach
    void albanianAgain() {
        ((JavascriptExecutor) driver).executeScript("window.localStorage.removeItem('lang');");
    }

    private void open(String path) {
        driver.get(portal.url(path));
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** The series data of the ECharts chart in the element, once it has some. */
    @SuppressWarnings("unchecked")
    private List<Object> chartData(String elementId) {
        String script = "const e = document.getElementById(arguments[0]); const c = e && echarts.getInstanceByDom(e);"
                + "if (!c) { return null; } const o = c.getOption(); const s = o && o.series; if (!s || !s.length) { return null; }"
                + "const d = [].concat.apply([], s.map(function (x) { return x.data || []; }));"
                + "return d.length ? d.map(function (v) { return v === null ? null : (typeof v === 'object' && !Array.isArray(v) ? v.value : v); }) : null;";
        return (List<Object>) waiting().until(d -> ((JavascriptExecutor) d).executeScript(script, elementId));
    }

    private void assertNoPageError() {
        WebElement error = driver.findElement(By.id("error"));
        assertThat(error.isDisplayed()).as("error box: " + error.getText()).isFalse();
    }

    private static long drawn(List<Object> data) {
        return data.stream().filter(v -> v != null && !(v instanceof List<?> l && l.isEmpty())).count();
    }

    @Test
    void theForumAndActionPagesLoadWithoutAnError() throws Exception {
        open("/forums.html");
        waiting().until(d -> d.findElement(By.tagName("main")).getText().contains("Kukës"));
        assertNoPageError();

        open("/forum.html?id=1");
        waiting().until(d -> d.findElement(By.tagName("main")).getText().contains("Terre des hommes"));
        assertNoPageError();

        open("/actions.html");
        waiting().until(d -> d.findElement(By.id("export-csv")).getDomAttribute("href") != null);
        assertNoPageError();

        String body = "{\"forumId\": 2, \"text\": \"Joint case review\", \"finding\": \"coordination between different local structures is incomplete\", "
                + "\"responsibleInstitution\": \"CPU Kukës\", \"county\": \"AL-07\", \"dueDate\": \"2026-06-30\", "
                + "\"indicators\": [\"children_encountered\"], \"editor\": \"Arben\"}";
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal.url("/api/v1/actions")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        open("/action.html?id=" + new ObjectMapper().readTree(created.body()).get("id").asLong());
        waiting().until(d -> d.findElement(By.tagName("main")).getText().contains("Joint case review"));
        assertThat(drawn(chartData("effect-children_encountered"))).isGreaterThan(0);
        assertNoPageError();
    }

    @Test
    void theOverviewShowsTilesWithTheYearOnYearChangeAndDrawsItsCharts() {
        open("/");

        assertThat(drawn(chartData("chart-trend"))).isGreaterThan(2);
        assertThat(drawn(chartData("chart-victims"))).isGreaterThan(0);
        List<WebElement> tiles = waiting().until(d -> {
            List<WebElement> t = d.findElements(By.cssSelector("#tiles .tile"));
            return t.size() == 6 ? t : null;
        });
        assertThat(tiles.get(0).findElement(By.className("tile-value")).getText()).matches("[0-9 .,]+");
        assertThat(driver.findElements(By.cssSelector("#completeness-glance li"))).hasSize(4);
        // The snapshot line says when the data were taken (the fixture's snapshot is taken today), in Albanian by default.
        assertThat(driver.findElement(By.id("snapshot")).getText()).startsWith("Të dhënat e ").contains("2025-01 deri 2025-12");
        assertNoPageError();
    }

    @Test
    void thePeriodPickerRedrawsTheTrendByYear() {
        open("/");
        chartData("chart-trend");

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("trend-period"))).selectByValue("year");

        waiting().until(d -> chartData("chart-trend").size() == 1);
        assertThat(driver.findElement(By.id("trend-table")).getAttribute("textContent")).contains("2025");
    }

    @Test
    void compareDistrictsDrawsTheMapTheRankingAndTheMunicipalities() {
        open("/compare.html");

        assertThat(chartData("chart-map")).hasSize(12);
        assertThat(drawn(chartData("chart-map"))).isGreaterThan(6);
        assertThat(drawn(chartData("chart-rank"))).isGreaterThan(6);
        assertThat(drawn(chartData("chart-municipality"))).isGreaterThan(0);
        assertThat(driver.findElements(By.cssSelector("#county-table tbody tr"))).hasSize(13);
        assertNoPageError();
    }

    @Test
    void theMapAnswersAClickOnACounty() {
        open("/compare.html");
        chartData("chart-map");
        // A point inside Shkodër (AL-10), turned into the map's pixels by the chart itself, then clicked by the browser.
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                "return echarts.getInstanceByDom(document.getElementById('chart-map')).convertToPixel({seriesIndex: 0}, [19.65, 42.15]);");
        WebElement map = driver.findElement(By.id("chart-map"));
        new Actions(driver).moveToElement(map, xy.get(0).intValue() - map.getSize().getWidth() / 2, xy.get(1).intValue() - map.getSize().getHeight() / 2)
                .click().perform();

        waiting().until(d -> d.findElement(By.id("municipality-title")).getText().contains("Shkodër"));
        assertThat(((JavascriptExecutor) driver).executeScript("return document.getElementById('county').value;")).isEqualTo("AL-10");
    }

    @Test
    void convergenceDrawsThePathAndTheDelays() {
        open("/convergence.html");

        assertThat(drawn(chartData("chart-delay"))).isGreaterThan(0);
        @SuppressWarnings("unchecked")
        List<Object> links = (List<Object>) waiting().until(d -> ((JavascriptExecutor) d).executeScript(
                "const c = echarts.getInstanceByDom(document.getElementById('chart-flow')); const o = c && c.getOption();"
                        + "return o && o.series && o.series[0].links && o.series[0].links.length ? o.series[0].links : null;"));
        assertThat(links.size()).isGreaterThanOrEqualTo(3);
        waiting().until(d -> d.findElement(By.id("median")).getText().matches(".*[0-9].*"));
        assertNoPageError();
    }

    @Test
    void theExplorerDrawsAnIndicatorByADimension() {
        open("/explorer.html?indicator=child_victims&by=status&period=quarter");

        assertThat(drawn(chartData("chart-explorer"))).isGreaterThan(0);
        assertThat(driver.findElements(By.cssSelector("#pivot tbody tr")).size()).isBetween(1, 3);
        assertNoPageError();
    }

    @Test
    void theCompletenessHeatMapHasEveryCountyAndMonth() {
        open("/completeness.html?from=2025-01&to=2025-12&source=border");

        assertThat(chartData("chart-heat")).hasSize(12 * 12);
        assertThat(driver.findElement(By.id("summary-table")).getText()).contains("144");
        assertNoPageError();
    }

    @Test
    void theLanguageSwitchChangesTheLabelsAndIsRemembered() {
        open("/compare.html");
        waiting().until(d -> !d.findElement(By.cssSelector("h1")).getText().isEmpty());
        assertThat(driver.findElement(By.cssSelector("h1")).getText()).isEqualTo("Krahaso qarqet");

        driver.findElement(By.id("lang-switch")).click();
        waiting().until(d -> d.findElement(By.cssSelector("h1")).getText().equals("Compare districts"));
        open("/explorer.html");

        waiting().until(d -> d.findElement(By.cssSelector("h1")).getText().equals("Explore the indicators"));
        assertThat(driver.findElement(By.cssSelector("nav")).getText()).contains("Data completeness").doesNotContain("Plotësia");
    }

    @Test
    void theExplorerDownloadHoldsTheFiguresTheApiGives() throws Exception {
        open("/explorer.html?indicator=children_encountered&by=county&period=quarter");
        chartData("chart-explorer");
        BrowserPortal.files(portal.downloads).forEach(File::delete);

        driver.findElement(By.id("explorer-csv")).click();

        File file = waiting().until(d -> BrowserPortal.files(portal.downloads).stream()
                .filter(f -> f.getName().endsWith(".csv")).findFirst().orElse(null));
        String text = Files.readString(file.toPath(), StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.startsWith("\ufeff") ? text.substring(1) : text)).getRecords();
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal.url(
                "/api/v1/indicators/children_encountered?period=quarter&from=2025-01&to=2025-12&group_by=county"))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode rows = new ObjectMapper().readTree(api.body()).get("rows");

        assertThat(file.getName()).isEqualTo("children_encountered_by_county_2025-01_2025-12.csv");
        assertThat(records).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            CSVRecord r = records.get(i);
            assertThat(Map.of("period", r.get("period"), "status", r.get("status"), "value", r.get("value")))
                    .isEqualTo(Map.of("period", row.get("period").asText(), "status", row.get("status").asText(),
                            "value", row.get("status").asText().equals("PUBLISHED") ? String.valueOf(row.get("value").asLong()) : ""));
        }
        assertThat(records).extracting(r -> r.get("status")).contains("PUBLISHED");
    }
}
