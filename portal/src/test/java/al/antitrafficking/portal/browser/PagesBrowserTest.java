package al.antitrafficking.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.Http;
import al.antitrafficking.portal.LedgerFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal's pages in headless Chromium over the fixture's warehouse: each loads without an error, its charts are
 * drawn with data, it offers only what the release publishes (read from the catalogue's published), it says in the
 * page what the release does not publish, the language switch changes the labels, the map answers a click, and a
 * download holds the figures the API gives.
 */
@ExtendWith(ScreenshotOnFailure.class)
class PagesBrowserTest {
    static BrowserPortal portal;
    static ChromeDriver driver;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        portal = BrowserPortal.get();
        driver = portal.driver;
        http = new Http(portal.fixture.app::port);
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

    @SuppressWarnings("unchecked")
    private List<Object> xAxis(String elementId) {
        return (List<Object>) ((JavascriptExecutor) driver).executeScript(
                "const c = window.echarts && echarts.getInstanceByDom(document.getElementById(arguments[0])); const o = c && c.getOption();"
                        + "return o && o.xAxis && o.xAxis.length ? o.xAxis[0].data : null;", elementId);
    }

    private void assertNoPageError() {
        WebElement error = driver.findElement(By.id("error"));
        assertThat(error.isDisplayed()).as("error box: " + error.getText()).isFalse();
    }

    private static long drawn(List<Object> data) {
        return data.stream().filter(v -> v != null && !(v instanceof List<?> l && l.isEmpty())).count();
    }

    private static List<String> options(String selectId) {
        return new Select(driver.findElement(By.id(selectId))).getOptions().stream().map(o -> o.getDomAttribute("value")).toList();
    }

    /** The periods a breakdown can be asked by, from the finest one the catalogue says the release publishes it at. */
    private static List<String> periodsFrom(String finest) {
        List<String> all = List.of("month", "quarter", "year");
        return finest == null ? List.of() : all.subList(all.indexOf(finest), 3);
    }

    private static JsonNode catalogueEntry(String id) {
        for (JsonNode e : http.json("/api/v1/indicators", 200)) {
            if (e.get("id").asText().equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no indicator " + id);
    }

    @Test
    void theForumAndActionPagesLoadAndTheEffectChartIsByThePeriodTheReleasePublishesInTheCounty() throws Exception {
        portal.signIn("coordinator", "/forums.html");
        waiting().until(d -> d.findElement(By.tagName("main")).getText().contains("Kukës"));
        assertNoPageError();

        open("/forum.html?id=1");
        waiting().until(d -> d.findElement(By.tagName("main")).getText().contains("Terre des hommes"));
        assertNoPageError();

        open("/actions.html");
        waiting().until(d -> d.findElement(By.id("export-csv")).getDomAttribute("href") != null);
        assertNoPageError();

        Map<String, Object> action = Map.of("forumId", 2, "text", "Joint case review", "finding",
                "coordination between different local structures is incomplete", "responsibleInstitution", "County Council Kukës", "county", "AL-07",
                "dueDate", "2026-06-30", "indicators", List.of("child_victims"));
        long id = http.as("coordinator").call("POST", "/api/v1/actions", action, 201).get("id").asLong();
        String grain = new LedgerFiles(portal.fixture.releaseDir()).grain("nrm.identification_date.children|age_band=0-5,12-14,15-17,6-11|",
                "COUNTY").orElseThrow().toLowerCase(Locale.ROOT);
        open("/action.html?id=" + id);
        waiting().until(d -> d.findElement(By.tagName("main")).getText().contains("Joint case review"));

        assertThat(drawn(chartData("effect-child_victims"))).isGreaterThan(0);
        assertThat(driver.findElement(By.id("effect-child_victims")).getDomAttribute("data-period-type")).isEqualTo(grain);
        assertThat(xAxis("effect-child_victims")).first().asString().matches(grain.equals("year") ? "[0-9]{4}"
                : grain.equals("quarter") ? "[0-9]{4}-Q[1-4]" : "[0-9]{4}-[0-9]{2}");
        assertThat(driver.findElement(By.id("effect-legend")).getText()).startsWith("x = e fshehur");
        assertNoPageError();
        portal.signOut();
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
        // Each tile is its own indicator's figure over the last rolling window, whatever order the one call answered in.
        int compared = 0;
        for (WebElement tile : tiles) {
            java.net.http.HttpResponse<String> alone = http.get("/api/v1/indicators/" + tile.getDomAttribute("data-indicator")
                    + "?period=range&from=2025-03&to=2026-02");
            String shown = tile.findElement(By.className("tile-value")).getText();
            if (alone.statusCode() != 200) {
                // Not published over a rolling window: the tile says so rather than showing a figure.
                assertThat(shown).as(tile.getDomAttribute("data-indicator")).doesNotMatch("[0-9 .,%]+");
                continue;
            }
            JsonNode row = http.json("/api/v1/indicators/" + tile.getDomAttribute("data-indicator") + "?period=range&from=2025-03&to=2026-02", 200)
                    .get("rows").get(0);
            if (row.get("status").asText().equals("PUBLISHED") && row.get("numerator").isIntegralNumber() && row.get("denominator").isNull()) {
                // In Albanian whatever the browser's locale data: a space between thousands (6 620), never 6,620.
                assertThat(shown).as(tile.getDomAttribute("data-indicator"))
                        .isEqualTo(String.format(Locale.ROOT, "%,d", row.get("numerator").asLong()).replace(',', ' '));
                compared++;
            }
        }
        assertThat(compared).as("tiles whose count was compared with the API").isPositive();
        assertThat(tiles.get(0).findElement(By.className("tile-change")).getText()).contains("krahasuar me një vit më parë");
        assertThat(driver.findElements(By.cssSelector("#completeness-glance li"))).hasSize(4);
        assertThat(driver.findElement(By.id("snapshot")).getText()).startsWith("Të dhënat e ").contains("2024-03 deri 2026-02");
        // The release's date in Albanian words (30 nëntor 2026), not the browser's English fallback.
        String[] months = {"janar", "shkurt", "mars", "prill", "maj", "qershor", "korrik", "gusht", "shtator", "tetor", "nëntor", "dhjetor"};
        String id = portal.fixture.releaseId;
        assertThat(driver.findElement(By.id("snapshot")).getText()).contains(Integer.parseInt(id.substring(6, 8)) + " "
                + months[Integer.parseInt(id.substring(4, 6)) - 1] + " " + id.substring(0, 4));
        assertThat(driver.findElement(By.id("tiles-title")).getText()).contains("2025-03", "2026-02", "2024-03", "2025-02");
        assertThat(driver.findElement(By.id("disclosure")).getText()).startsWith("x = e fshehur").contains(portal.fixture.releaseId);
        assertNoPageError();
    }

    @Test
    void theTrendOffersOnlyThePeriodsPublishedForAlbaniaAndRedrawsByYear() {
        open("/");
        chartData("chart-trend");
        String indicator = new Select(driver.findElement(By.id("trend-indicator"))).getFirstSelectedOption().getDomAttribute("value");

        assertThat(options("trend-period")).containsExactlyElementsOf(periodsFrom(catalogueEntry(indicator).at("/published/albania/total").asText()));

        new Select(driver.findElement(By.id("trend-period"))).selectByValue("year");

        waiting().until(d -> List.of("2024", "2025", "2026").equals(xAxis("chart-trend")));
        assertThat(driver.findElement(By.id("trend-table")).getAttribute("textContent")).contains("2025");
        // 2024 (from March) and 2026 (to February) are partial: the line is solid over 2025 only and dashed into both,
        // and their table headings say so.
        JsonNode rows = http.json("/api/v1/indicators/" + indicator + "?period=year&from=2024-03&to=2026-02", 200).get("rows");
        assertThat(rows).extracting(r -> r.get("flags").toString()).containsExactly("[\"PARTIAL_PERIOD\"]", "[]", "[\"PARTIAL_PERIOD\"]");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript("return echarts.getInstanceByDom("
                + "document.getElementById('chart-trend')).getOption().series.map(function (s) { return { dashed: s.lineStyle && s.lineStyle.type "
                + "=== 'dashed', data: s.data }; });");
        assertThat(series).hasSize(2);
        List<Number> values = new ArrayList<>();
        rows.forEach(r -> values.add(r.get("value").isNull() ? null : r.get("value").asDouble()));
        assertThat(series.get(0).get("dashed")).isEqualTo(false);
        assertThat(numbers(series.get(0).get("data"))).containsExactly(null, values.get(1) == null ? null : values.get(1).doubleValue(), null);
        assertThat(series.get(1).get("dashed")).isEqualTo(true);
        assertThat(numbers(series.get(1).get("data"))).containsExactlyElementsOf(values.stream().map(v -> v == null ? null : v.doubleValue()).toList());
        assertThat(driver.findElement(By.id("trend-table")).getAttribute("textContent")).contains("2024 (i pjesshëm)", "2026 (i pjesshëm)");
        assertNoPageError();
    }

    private static List<Double> numbers(Object data) {
        List<Double> out = new ArrayList<>();
        for (Object o : (List<?>) data) {
            out.add(o == null ? null : ((Number) o).doubleValue());
        }
        return out;
    }

    @Test
    void compareDistrictsOffersWhatTheReleasePublishesByCountyAndDrawsTheMapTheRankingAndTheMunicipalities() {
        List<String> byCounty = new ArrayList<>();
        boolean byMunicipality = false;
        // conf/reference/child_population.csv holds no figures yet: a rate per children could draw nothing and is not offered.
        for (JsonNode e : http.json("/api/v1/indicators", 200)) {
            boolean perChildren = e.get("unit").asText().startsWith("rate_per_") && e.get("unit").asText().endsWith("_children");
            assertThat(e.get("drawable").asBoolean()).as(e.get("id").asText()).isEqualTo(!perChildren);
            if (e.at("/published/county/total").isTextual() && !perChildren) {
                byCounty.add(e.get("id").asText());
            }
            byMunicipality |= e.at("/published/municipality/total").isTextual();
        }
        open("/compare.html");

        assertThat(chartData("chart-map")).hasSize(12);
        assertThat(options("indicator")).containsExactlyElementsOf(byCounty);
        String chosen = new Select(driver.findElement(By.id("indicator"))).getFirstSelectedOption().getDomAttribute("value");
        List<String> spans = new ArrayList<>();
        if (catalogueEntry(chosen).at("/published/county/total").asText().equals("month")) {
            spans.addAll(List.of("2025-03/2026-02", "2024-03/2025-02"));
        }
        spans.add("2025-01/2025-12"); // the one whole year of March 2024 to February 2026
        assertThat(options("period")).containsExactlyElementsOf(spans);
        assertThat(drawn(chartData("chart-rank"))).isPositive();
        assertThat(driver.findElements(By.cssSelector("#county-table tbody tr"))).hasSize(13);
        assertThat(driver.findElement(By.id("municipality-section")).isDisplayed()).isEqualTo(byMunicipality);
        if (byMunicipality) {
            assertThat(drawn(chartData("chart-municipality"))).isGreaterThan(0);
        }
        assertNoPageError();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> seriesItems(String elementId) {
        return (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(
                "const c = echarts.getInstanceByDom(document.getElementById(arguments[0])); const o = c && c.getOption();"
                        + "return o && o.series && o.series[0].data ? o.series[0].data.map(function (d) { return d !== null && typeof d === 'object' ? d : { value: d }; }) : null;",
                elementId);
    }

    /** The chart's bars and how many of its table's rows have a cell that is exactly the withheld mark, read in one go. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> barsAndTable(String chartId, String tableId) {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(
                "const c = echarts.getInstanceByDom(document.getElementById(arguments[0])); const o = c && c.getOption();"
                        + "const rows = Array.from(document.querySelectorAll('#' + arguments[1] + ' tbody tr'));"
                        + "return { bars: o && o.series && o.series[0].data ? o.series[0].data.map(function (d) { return d !== null && typeof d === 'object' ? d : { value: d }; }) : [],"
                        + " withheld: rows.filter(function (r) { return Array.from(r.cells).some(function (td) { return td.textContent === 'x'; }); }).length };",
                chartId, tableId);
    }

    @Test
    void aWithheldFigureIsAHatchedBarOfOneLength() {
        List<Map<String, Object>> bars = List.of();
        long withheldRows = 0;
        // The days to the NRM over 2025 in Albania, then county after county, until one bar is withheld.
        open("/convergence.html?period=2025-01/2025-12");
        chartData("chart-flow");
        for (String county : options("county")) {
            new Select(driver.findElement(By.id("county"))).selectByValue(county);
            waiting().until(d -> d.getCurrentUrl().contains("county=" + county));
            waiting().until(d -> !((List<?>) barsAndTable("chart-delay", "delay-table").get("bars")).isEmpty()
                    || !d.findElement(By.id("chart-delay")).isDisplayed());
            Map<String, Object> read = barsAndTable("chart-delay", "delay-table");
            withheldRows = ((Number) read.get("withheld")).longValue();
            if (withheldRows > 0) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> drawnBars = (List<Map<String, Object>>) read.get("bars");
                bars = drawnBars;
                break;
            }
        }
        assertThat(withheldRows).as("some delay is withheld in the fixture's release").isPositive();

        List<Map<String, Object>> withheld = bars.stream().filter(b -> Boolean.TRUE.equals(b.get("withheld"))).toList();
        assertThat(withheld).hasSize((int) withheldRows);
        double longest = bars.stream().filter(b -> !Boolean.TRUE.equals(b.get("withheld")) && b.get("value") != null)
                .mapToDouble(b -> ((Number) b.get("value")).doubleValue()).max().orElse(0);
        assertThat(withheld).allSatisfy(b -> {
            assertThat(((Number) b.get("value")).doubleValue()).as("one length for every withheld bar").isEqualTo(longest > 0 ? longest / 10 : 1);
            assertThat(((Map<?, ?>) b.get("itemStyle")).get("decal")).as("hatched").isNotNull();
        });
        assertNoPageError();
    }

    /** The colour of each named series of a chart (its dashed twins for partial periods left out). */
    @SuppressWarnings("unchecked")
    private Map<String, String> seriesColours(String elementId) {
        return (Map<String, String>) waiting().until(d -> ((JavascriptExecutor) d).executeScript(
                "const c = echarts.getInstanceByDom(document.getElementById(arguments[0])); const o = c && c.getOption();"
                        + "if (!o || !o.series || !o.series.length) { return null; } const out = {};"
                        + "o.series.filter(function (s) { return !s.partial; }).forEach(function (s) { out[s.name] = s.lineStyle && s.lineStyle.color || s.color; });"
                        + "return out;", elementId));
    }

    @Test
    void everySeriesHasOneColourOnEveryPageAndTwelveCountiesTwelveColours() {
        open("/");
        Map<String, String> overview = seriesColours("chart-victims");
        open("/explorer.html?indicator=child_victims&by=status&period=year");
        waiting().until(d -> seriesColours("chart-explorer").keySet().containsAll(overview.keySet()));
        Map<String, String> explorer = seriesColours("chart-explorer");

        assertThat(overview).isNotEmpty();
        overview.forEach((status, colour) -> assertThat(explorer.get(status)).as(status).isEqualTo(colour));

        open("/explorer.html?indicator=child_victims&by=county&period=year");
        waiting().until(d -> seriesColours("chart-explorer").size() == 12);
        assertThat(new java.util.HashSet<>(seriesColours("chart-explorer").values())).as("no two counties share a colour").hasSize(12);
    }

    @Test
    void convergenceShowsTheShareLostOnTheDiagramAndItsIndicatorsOverTimeByCounty() {
        JsonNode flow = http.json("/api/v1/convergence?start=border&from=2025-01&to=2025-12&county=AL-07", 200);
        open("/convergence.html?start=border&period=2025-01/2025-12&county=AL-07");
        chartData("chart-flow");

        // The share lost after the Border Police: those who went no further, of all it met first, as the page writes a percent.
        JsonNode lost = null;
        for (JsonNode l : flow.get("links")) {
            if (l.get("source").asText().equals("border") && l.get("target").asText().equals("after:border")) {
                lost = l;
            }
        }
        String expected = lost == null || !lost.get("status").asText().equals("PUBLISHED") || !flow.get("status").asText().equals("PUBLISHED")
                ? "x" : String.format(Locale.ROOT, "%.1f", 100.0 * lost.get("children").asLong() / flow.get("children").asLong()).replace('.', ',') + "\u00a0%";
        Object label = ((JavascriptExecutor) driver).executeScript("const o = echarts.getInstanceByDom(document.getElementById('chart-flow')).getOption();"
                + "return o.series[0].label.formatter({ name: 'border' });");
        assertThat((String) label).isEqualTo("Policia Kufitare\n" + expected + " nuk shkuan më tej");

        // Over time: every county the release publishes, each in a line, the chosen one thick, and Albania's dashed line.
        String indicator = new Select(driver.findElement(By.id("trend-indicator"))).getFirstSelectedOption().getDomAttribute("value");
        JsonNode entry = catalogueEntry(indicator);
        String period = entry.at("/published/county/total").asText();
        JsonNode snapshot = http.json("/api/v1/snapshot", 200);
        String query = "period=" + period + "&from=" + snapshot.get("firstMonth").asText() + "&to=" + snapshot.get("lastMonth").asText();
        JsonNode byCounty = http.json("/api/v1/indicators/" + indicator + "?" + query + "&group_by=county", 200);
        JsonNode national = http.json("/api/v1/indicators/" + indicator + "?" + query, 200);
        java.util.Set<String> counties = new java.util.TreeSet<>(byCounty.findValuesAsText("county"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) waiting().until(d -> ((JavascriptExecutor) d).executeScript(
                "const c = echarts.getInstanceByDom(document.getElementById('chart-trend')); const o = c && c.getOption();"
                        + "return o && o.series && o.series.length ? o.series.filter(function (s) { return !s.partial; })"
                        + ".map(function (s) { return { name: s.name, width: s.lineStyle.width, data: s.data }; }) : null;"));

        assertThat(series).hasSize(counties.size() + 1);
        assertThat(series.get(series.size() - 1).get("name")).isEqualTo("Shqipëria");
        Map<String, Object> kukes = series.stream().filter(x -> "Kukës".equals(x.get("name"))).findFirst().orElseThrow();
        assertThat(((Number) kukes.get("width")).doubleValue()).isEqualTo(4.0);
        assertThat(driver.findElement(By.id("chart-trend")).getDomAttribute("data-period-type")).isEqualTo(period);
        List<Object> albania = (List<Object>) series.get(series.size() - 1).get("data");
        List<Double> expectedNational = new ArrayList<>();
        for (JsonNode r : national.get("rows")) {
            boolean partialPeriod = r.has("flags") && r.get("flags").toString().contains("PARTIAL_PERIOD");
            expectedNational.add(partialPeriod || !r.get("status").asText().equals("PUBLISHED") || r.get("value").isNull() ? null : r.get("value").asDouble());
        }
        assertThat(albania.stream().map(v -> v == null ? null : ((Number) v).doubleValue()).toList()).isEqualTo(expectedNational);

        // From the NRM there is no delay to the NRM: said, not drawn.
        new Select(driver.findElement(By.id("start"))).selectByValue("nrm");
        waiting().until(d -> d.findElement(By.id("delay-from-nrm")).isDisplayed());
        assertThat(driver.findElement(By.id("chart-delay")).isDisplayed()).isFalse();
        assertNoPageError();
    }

    @Test
    void aSlowAnswerIsAnnouncedAndTheOldFiguresMarkedStaleUntilItArrives() {
        open("/explorer.html?indicator=child_victims&by=&period=quarter");
        chartData("chart-explorer");
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 2000,
                "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            new Select(driver.findElement(By.id("period"))).selectByValue("year");

            waiting().until(d -> d.findElement(By.id("loading")).isDisplayed());
            assertThat(driver.findElement(By.tagName("main")).getDomAttribute("aria-busy")).isEqualTo("true");
            assertThat(driver.findElement(By.id("loading")).getText()).startsWith("Po ngarkohen shifrat");
        } finally {
            driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
        }
        waiting().until(d -> !d.findElement(By.id("loading")).isDisplayed());
        assertThat(driver.findElement(By.tagName("main")).getDomAttribute("aria-busy")).isNull();
        assertNoPageError();
    }

    @Test
    void theChosenCountyIsOutlinedOnTheMapNotFilledOver() {
        open("/compare.html");
        chartData("chart-map");
        new Select(driver.findElement(By.id("county"))).selectByValue("AL-07");
        waiting().until(d -> d.getCurrentUrl().contains("county=AL-07"));
        waiting().until(d -> seriesItems("chart-map").stream().anyMatch(x -> "AL-07".equals(x.get("name"))
                && x.get("itemStyle") instanceof Map<?, ?> m && m.get("borderWidth") != null));

        Map<String, Object> county = seriesItems("chart-map").stream().filter(d -> "AL-07".equals(d.get("name"))).findFirst().orElseThrow();
        Map<?, ?> style = (Map<?, ?>) county.get("itemStyle");
        assertThat(((Number) style.get("borderWidth")).intValue()).isEqualTo(3);
        assertThat(style.get("areaColor")).as("the value's colour is kept").isNull();
        assertThat(seriesItems("chart-map").stream().filter(d -> !"AL-07".equals(d.get("name")))
                .map(d -> (Map<?, ?>) d.get("itemStyle")).filter(m -> m != null && m.get("borderWidth") != null)).isEmpty();
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

        waiting().until(d -> ((JavascriptExecutor) d).executeScript("return document.getElementById('county').value;").equals("AL-10"));
        assertNoPageError();
    }

    @Test
    void convergenceDrawsThePathOverAYearAndItsDelaysWhereTheReleasePublishesThem() {
        JsonNode flow = http.json("/api/v1/convergence?start=border&from=2025-01&to=2025-12", 200);
        assertThat(flow.get("outcomes")).as("the fixture's release publishes the border's outcomes for 2025").isNotEmpty();

        open("/convergence.html?period=2025-01/2025-12");

        @SuppressWarnings("unchecked")
        List<Object> links = (List<Object>) waiting().until(d -> ((JavascriptExecutor) d).executeScript(
                "const c = echarts.getInstanceByDom(document.getElementById('chart-flow')); const o = c && c.getOption();"
                        + "return o && o.series && o.series[0].links && o.series[0].links.length ? o.series[0].links : null;"));
        assertThat(links.size()).isGreaterThanOrEqualTo(3);
        // Every flow of the answer is drawn, a withheld one as a placeholder of one width marked x, whatever its size.
        assertThat(links).hasSize(flow.get("links").size());
        double largest = 0;
        for (JsonNode l : flow.get("links")) {
            largest = l.get("status").asText().equals("PUBLISHED") ? Math.max(largest, l.get("children").asDouble()) : largest;
        }
        for (int i = 0; i < links.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> drawnLink = (Map<String, Object>) links.get(i);
            JsonNode l = flow.get("links").get(i);
            assertThat(drawnLink.get("source")).isEqualTo(l.get("source").asText());
            double value = ((Number) drawnLink.get("value")).doubleValue();
            if (l.get("status").asText().equals("PUBLISHED")) {
                assertThat(value).isEqualTo(l.get("children").asDouble());
            } else {
                assertThat(value).as("a withheld flow's width says nothing of it").isEqualTo(Math.max(1, largest / 50));
                assertThat(((Map<?, ?>) drawnLink.get("edgeLabel")).get("show")).isEqualTo(true);
            }
        }
        if (flow.get("delays").isEmpty()) {
            waiting().until(d -> d.findElement(By.id("flow-note")).getText().contains("the days to NRM identification are published here only"));
        } else {
            assertThat(drawn(chartData("chart-delay"))).isGreaterThan(0);
        }
        waiting().until(d -> d.findElement(By.id("median")).getText().startsWith("Mediana"));
        assertNoPageError();
    }

    @Test
    void convergenceSaysInThePageWhatTheReleaseDoesNotPublishForAPlaceAndSpan() {
        open("/convergence.html");
        waiting().until(d -> d.findElement(By.id("flow-note")).isDisplayed());
        assertThat(driver.findElement(By.id("flow-note")).getText()).startsWith("Nuk tregohen këtu: the outcomes are published here only");

        open("/convergence.html?county=AL-07");

        WebElement refusal = waiting().until(d -> {
            WebElement r = d.findElement(By.id("convergence-refusal"));
            return r.isDisplayed() ? r : null;
        });
        assertThat(refusal.getText()).startsWith("Nuk botohet në këtë version: Cannot draw the path by county").endsWith("choose another span");
        assertNoPageError();
    }

    @Test
    void theExplorerOffersOnlyPublishedBreakdownsAndPeriodsAndDrawsOne() {
        JsonNode entry = catalogueEntry("child_victims");
        List<String> breakdowns = new ArrayList<>();
        if (entry.at("/published/albania/total").isTextual()) {
            breakdowns.add("");
        }
        entry.get("dimensions").forEach(d -> {
            String level = d.asText().equals("county") || d.asText().equals("municipality") ? d.asText() : "albania";
            String breakdown = level.equals("albania") ? d.asText() : "total";
            if (entry.path("published").path(level).path(breakdown).isTextual()) {
                breakdowns.add(d.asText());
            }
        });

        open("/explorer.html?indicator=child_victims&by=status&period=quarter");

        assertThat(drawn(chartData("chart-explorer"))).isGreaterThan(0);
        assertThat(options("by")).containsExactlyElementsOf(breakdowns);
        assertThat(options("period")).containsExactlyElementsOf(periodsFrom(entry.at("/published/albania/status").asText()));
        assertThat(driver.findElements(By.cssSelector("#pivot tbody tr")).size()).isBetween(1, 3);
        assertThat(driver.findElement(By.id("disclosure")).getText()).startsWith("x = e fshehur");
        // The month pickers name the release's months in Albanian (the browser's own month input would not), first to last.
        List<String> shown = new Select(driver.findElement(By.id("from"))).getOptions().stream().map(WebElement::getText).toList();
        assertThat(shown).hasSize(24).startsWith("mars 2024", "prill 2024").endsWith("janar 2026", "shkurt 2026");
        assertThat(new Select(driver.findElement(By.id("from"))).getFirstSelectedOption().getText()).isEqualTo("mars 2024");
        assertThat(new Select(driver.findElement(By.id("to"))).getFirstSelectedOption().getText()).isEqualTo("shkurt 2026");
        assertNoPageError();
    }

    @Test
    void aViewIsKeptInItsLinkAndOnlyTheLatestChoiceDrawsWhenAnOlderAnswerComesLate() throws Exception {
        open("/explorer.html?indicator=child_victims&by=&period=quarter");
        chartData("chart-explorer");
        // Answers by month come 1.5 s late, as over a slow network: months asked first, years right after.
        ((JavascriptExecutor) driver).executeScript("const f = window.fetch; window.fetch = function (u, o) { const p = f(u, o); "
                + "return String(u).indexOf('period=month') >= 0 ? p.then(function (r) { return new Promise(function (ok) { "
                + "setTimeout(function () { ok(r); }, 1500); }); }) : p; };");

        new Select(driver.findElement(By.id("period"))).selectByValue("month");
        new Select(driver.findElement(By.id("period"))).selectByValue("year");

        List<Object> years = List.of("2024", "2025", "2026");
        waiting().until(d -> years.equals(xAxis("chart-explorer")));
        Thread.sleep(2500); // the late answer by month has come by now: it must not have drawn
        assertThat(xAxis("chart-explorer")).isEqualTo(years);
        assertThat(new Select(driver.findElement(By.id("period"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("year");

        new Select(driver.findElement(By.id("from"))).selectByValue("2025-01");
        waiting().until(d -> List.of("2025", "2026").equals(xAxis("chart-explorer")));
        String link = waiting().until(d -> d.getCurrentUrl().contains("from=2025-01") ? d.getCurrentUrl() : null);
        assertThat(link).contains("indicator=child_victims", "period=year", "to=2026-02").doesNotContain("reason");

        // The link, opened afresh, is the same view.
        driver.get(link);
        waiting().until(d -> List.of("2025", "2026").equals(xAxis("chart-explorer")));
        assertThat(new Select(driver.findElement(By.id("period"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("year");
        assertThat(new Select(driver.findElement(By.id("from"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("2025-01");

        WebElement copy = driver.findElement(By.cssSelector("button.copy-link"));
        assertThat(copy.getText()).isEqualTo("Kopjo lidhjen e kësaj pamjeje");
        copy.click();
        WebElement status = driver.findElement(By.cssSelector(".copy-status"));
        waiting().until(d -> !status.getText().isEmpty());
        List<WebElement> box = driver.findElements(By.cssSelector(".copy-status input.copy-box"));
        if (box.isEmpty()) {
            assertThat(status.getText()).startsWith("Lidhja u kopjua");
        } else {
            assertThat(box.get(0).getDomProperty("value")).isEqualTo(driver.getCurrentUrl());
        }
        assertNoPageError();
    }

    @Test
    void theCompletenessHeatMapHasEveryCountyAndMonthWithTheMonthNotYetDue() {
        open("/completeness.html?source=services");

        List<Object> data = chartData("chart-heat");
        assertThat(data).hasSize(12 * 12);
        @SuppressWarnings("unchecked")
        long notYetDue = ((List<Object>) ((JavascriptExecutor) driver).executeScript("return echarts.getInstanceByDom("
                + "document.getElementById('chart-heat')).getOption().series[0].data.map(function (d) { return d[2]; });"))
                .stream().filter(v -> ((Number) v).intValue() == 4).count();
        assertThat(notYetDue).isEqualTo(12);
        WebElement services = driver.findElements(By.cssSelector("#summary-table tbody tr")).get(3);
        assertThat(services.findElements(By.tagName("td"))).extracting(WebElement::getText).first().isEqualTo("132");
        assertThat(services.findElements(By.tagName("td"))).extracting(WebElement::getText).last().isEqualTo("12");
        assertNoPageError();
    }

    @Test
    void theInternationalReturnsShowAYearKeepTheChoiceInTheLinkAndGiveTheStatisticianTheInternalFiles() {
        open("/international.html?return=eurostat&year=2025");
        waiting().until(d -> d.findElements(By.cssSelector("[data-return-table]")).size() == 4);
        assertThat(new Select(driver.findElement(By.id("return"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("eurostat");
        assertThat(options("year")).containsExactly("2026", "2025", "2024");
        JsonNode first = http.json("/api/v1/returns/eurostat?year=2025", 200).get("tables").get(0);
        JsonNode lastRow = first.get("cells").get(first.get("cells").size() - 1);
        String total = lastRow.get(lastRow.size() - 1).asText();
        List<WebElement> rows = driver.findElements(By.cssSelector("[data-return-table] table tbody tr"));
        List<WebElement> cells = rows.get(first.get("cells").size() - 1).findElements(By.tagName("td"));
        assertThat(cells.get(cells.size() - 1).getText().replaceAll("[^0-9x]", "")).isEqualTo(total);
        assertThat(driver.findElements(By.cssSelector("#downloads a[href='/api/v1/returns/eurostat/export.xlsx?year=2025&lang=sq']"))).hasSize(1);
        assertThat(driver.findElement(By.id("internal")).isDisplayed()).as("internal files for an anonymous visitor").isFalse();
        waiting().until(d -> !d.findElement(By.id("series-note")).getText().isEmpty());
        assertNoPageError();

        portal.signIn("statistician", "/international.html?return=glotip&year=2025");
        waiting().until(d -> d.findElement(By.id("internal")).isDisplayed());
        driver.findElement(By.id("reason")).sendKeys("UNODC questionnaire 2025");
        waiting().until(d -> !d.findElements(By.cssSelector("#internal-downloads a[href*='reason=UNODC%20questionnaire%202025']")).isEmpty());
        assertThat(driver.findElement(By.id("internal-banner")).getText()).contains("E BRENDSHME");
        assertNoPageError();
        portal.signOut();
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
        waiting().until(d -> d.findElement(By.id("disclosure")).getText().startsWith("x = withheld to protect children's privacy"));
    }

    @Test
    void aChartDownloadsAsPngAndSvgAndAPrintedPageLeavesOutTheControls() throws Exception {
        open("/explorer.html?indicator=child_victims&by=&period=quarter");
        List<Object> data = chartData("chart-explorer");
        BrowserPortal.files(portal.downloads).forEach(File::delete);

        driver.findElement(By.cssSelector("#chart-explorer + .chart-download .chart-download-png")).click();
        File png = waiting().until(d -> BrowserPortal.files(portal.downloads).stream().filter(f -> f.getName().endsWith(".png")).findFirst().orElse(null));
        driver.findElement(By.cssSelector("#chart-explorer + .chart-download .chart-download-svg")).click();
        File svg = waiting().until(d -> BrowserPortal.files(portal.downloads).stream().filter(f -> f.getName().endsWith(".svg")).findFirst().orElse(null));

        byte[] pngBytes = waiting().until(d -> { byte[] b = read(png); return b.length > 8 ? b : null; });
        assertThat(java.util.Arrays.copyOf(pngBytes, 4)).containsExactly(0x89, 'P', 'N', 'G');
        String svgText = waiting().until(d -> { String t = new String(read(svg), StandardCharsets.UTF_8); return t.contains("</svg>") ? t : null; });
        assertThat(svgText).contains("<svg");
        // The SVG is the chart as drawn: every published value of its first period's label is on it.
        assertThat(svgText).contains(String.valueOf(xAxis("chart-explorer").get(0)));
        assertThat(drawn(data)).isGreaterThan(0);

        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(driver.findElement(By.id("main-nav")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("lang-switch")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.cssSelector("#chart-explorer + .chart-download")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("chart-explorer")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.tagName("h1")).isDisplayed()).isTrue();
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    private static byte[] read(File f) {
        try {
            return Files.readAllBytes(f.toPath());
        } catch (java.io.IOException e) {
            return new byte[0];
        }
    }

    @Test
    void theExplorerDownloadHoldsTheFiguresTheApiGives() throws Exception {
        open("/explorer.html?indicator=child_victims&by=&period=quarter");
        chartData("chart-explorer");
        BrowserPortal.files(portal.downloads).forEach(File::delete);

        driver.findElement(By.id("explorer-csv")).click();

        File file = waiting().until(d -> BrowserPortal.files(portal.downloads).stream()
                .filter(f -> f.getName().endsWith(".csv")).findFirst().orElse(null));
        String text = Files.readString(file.toPath(), StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.startsWith("\ufeff") ? text.substring(1) : text)).getRecords();
        JsonNode rows = new ObjectMapper().readTree(http.get("/api/v1/indicators/child_victims?period=quarter&from=2024-03&to=2026-02").body())
                .get("rows");

        assertThat(file.getName()).isEqualTo("child_victims_2024-03_2026-02.csv");
        assertThat(records).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            CSVRecord r = records.get(i);
            assertThat(Map.of("period", r.get("period"), "status", r.get("status"), "value", r.get("value"), "release", r.get("release")))
                    .isEqualTo(Map.of("period", row.get("period").asText(), "status", row.get("status").asText(),
                            "value", row.get("status").asText().equals("PUBLISHED") ? String.valueOf(row.get("value").asLong()) : "",
                            "release", portal.fixture.releaseId));
        }
        assertThat(records).extracting(r -> r.get("status")).contains("PUBLISHED");
    }
}
