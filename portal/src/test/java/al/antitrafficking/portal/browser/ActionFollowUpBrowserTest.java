package al.antitrafficking.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Action follow-up as a county committee and the coordinator use it, in headless Chromium over the fixture's warehouse:
 * the summary per forum and per county against the actions counted one by one, sorting with its state in the address,
 * the forum column in Albanian, the confirmation before a final status, the history in words with day and time, and the
 * effect chart's markers and national line.
 */
@ExtendWith(ScreenshotOnFailure.class)
class ActionFollowUpBrowserTest {
    /** The fixture's day in Tirana (its clock: 2026-03-01T09:00Z, 10:00 in Tirana). */
    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    static final String FINDING = "coordination between different local structures is incomplete";
    static final List<String> COLUMNS = List.of("identified", "integrated", "inProgress", "completed", "dropped", "overdue");

    static BrowserPortal portal;
    static ChromeDriver driver;
    static Http coordinator;

    @BeforeAll
    static void start() throws Exception {
        portal = BrowserPortal.get();
        driver = portal.driver;
        coordinator = new Http(portal.fixture.app::port).as("coordinator");
    }

    @AfterEach
    void albanianAgain() {
        ((JavascriptExecutor) driver).executeScript("window.localStorage.removeItem('lang');");
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private static long action(long forum, String county, String institution, String text, String due, List<String> indicators, String... statuses) {
        long id = coordinator.call("POST", "/api/v1/actions", Map.of("forumId", forum, "text", text, "finding", FINDING,
                "responsibleInstitution", institution, "county", county, "dueDate", due, "indicators", indicators), 201).get("id").asLong();
        int version = 1;
        for (String status : statuses) {
            Map<String, Object> change = status.equals("DROPPED") ? Map.of("status", status, "reason", "merged into another action",
                    "version", version) : Map.of("status", status, "version", version);
            version = coordinator.call("POST", "/api/v1/actions/" + id + "/status", change, 200).get("version").asInt();
        }
        return id;
    }

    /** The summary's counts worked out here from the list of actions, one action at a time. */
    private static Map<String, List<Long>> expectedSummary(Function<JsonNode, String> key) {
        Map<String, List<Long>> rows = new TreeMap<>();
        for (JsonNode a : coordinator.json("/api/v1/actions", 200)) {
            if (a.get("example").asBoolean()) {
                continue;
            }
            String status = a.get("status").asText();
            boolean open = !status.equals("DONE") && !status.equals("DROPPED");
            long[] add = {1, List.of("INTEGRATED", "IN_PROGRESS", "DONE").contains(status) ? 1 : 0, status.equals("IN_PROGRESS") ? 1 : 0,
                    status.equals("DONE") ? 1 : 0, status.equals("DROPPED") ? 1 : 0,
                    open && LocalDate.parse(a.get("dueDate").asText()).isBefore(TODAY) ? 1 : 0};
            List<Long> row = rows.computeIfAbsent(key.apply(a), k -> new ArrayList<>(List.of(0L, 0L, 0L, 0L, 0L, 0L)));
            for (int i = 0; i < add.length; i++) {
                row.set(i, row.get(i) + add[i]);
            }
        }
        return rows;
    }

    /** The summary table as the page shows it: the key of each row (from its link) and its six counts. */
    private static Map<String, List<Long>> shownSummary(String param) {
        Map<String, List<Long>> rows = new TreeMap<>();
        for (WebElement tr : driver.findElements(By.cssSelector("#summary tbody tr"))) {
            String href = tr.findElement(By.cssSelector("th a")).getDomAttribute("href");
            String key = href.substring(href.indexOf(param + "=") + param.length() + 1);
            rows.put(key, tr.findElements(By.tagName("td")).stream().map(td -> Long.parseLong(td.getText().replaceAll("[\\s\u00a0]", ""))).toList());
        }
        return rows;
    }

    @Test
    void anEditorTranslatesAnActionOnTheForumPageAndPagesShowItInAlbanianOnly() {
        String typed = "Translation check: joint visits to the border crossings";
        String albanian = "Kontroll përkthimi: vizita të përbashkëta në pikat e kalimit kufitar";
        action(2, "AL-07", "County Council Kukës", typed, "2026-09-30", List.of());

        // A partner follows actions up but does not edit forums: no translation section.
        portal.signIn("partner", "/forum.html?id=2");
        waiting().until(d -> d.findElement(By.cssSelector("#forum-actions tbody")).getText().contains(typed));
        assertThat(driver.findElement(By.id("translate-forum")).isDisplayed()).isFalse();

        // Kukës's committee does not edit Gjirokastër's forum: no translation section there either.
        portal.signIn("kukes", "/forum.html?id=1");
        waiting().until(d -> !d.findElement(By.id("forum-title")).getText().isBlank()
                && d.findElements(By.cssSelector("#forum-actions tbody")).size() == 1);
        waiting().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return new Promise(function (r) { setTimeout(function () { r(true); }, 800); });"));
        assertThat(driver.findElement(By.id("translate-forum")).isDisplayed()).isFalse();

        driver.get(portal.url("/forum.html?id=2"));
        waiting().until(d -> d.findElement(By.id("translate-forum")).isDisplayed());
        driver.findElement(By.cssSelector("#translate-forum summary")).click();
        WebElement set = driver.findElements(By.cssSelector("#translations fieldset")).stream()
                .filter(f -> f.findElement(By.tagName("q")).getText().equals(typed)).findFirst().orElseThrow();
        assertThat(set.findElement(By.tagName("legend")).getText()).isEqualTo("Veprimi");
        set.findElement(By.cssSelector("textarea[data-language=sq]")).sendKeys(albanian);
        set.findElement(By.tagName("button")).click();
        waiting().until(d -> set.findElement(By.cssSelector("[role=status]")).getText().equals("Përkthimi u ruajt."));
        assertThat(coordinator.json("/api/v1/translations?language=sq", 200).get(typed).asText()).isEqualTo(albanian);
        assertThat(coordinator.json("/api/v1/translations?language=en", 200).has(typed)).isFalse();

        driver.navigate().refresh();
        waiting().until(d -> d.findElement(By.cssSelector("#forum-actions tbody")).getText().contains(albanian));
        ((JavascriptExecutor) driver).executeScript("window.localStorage.setItem('lang', 'en');");
        driver.navigate().refresh();
        waiting().until(d -> d.findElement(By.cssSelector("#forum-actions tbody")).getText().contains(typed));
        assertThat(driver.findElement(By.cssSelector("#forum-actions tbody")).getText()).doesNotContain(albanian);
    }

    @Test
    void theSummaryPerForumAndPerCountyCountsEachActionOnceUnderItsStatus() {
        action(2, "AL-07", "County Council Kukës", "Summary: overdue proposal", "2026-02-01", List.of());
        action(2, "AL-07", "County Council Kukës", "Summary: in progress", "2026-06-30", List.of(), "UNDER_REVIEW", "INTEGRATED", "IN_PROGRESS");
        action(1, "AL-05", "County Council Gjirokastër", "Summary: done", "2026-01-15", List.of(), "UNDER_REVIEW", "INTEGRATED", "IN_PROGRESS", "DONE");
        action(1, "AL-05", "County Council Gjirokastër", "Summary: dropped", "2026-01-15", List.of(), "DROPPED");
        Map<String, List<Long>> byForum = expectedSummary(a -> a.get("forumId").asText());
        Map<String, List<Long>> byCounty = expectedSummary(a -> a.get("countyCode").asText());

        portal.signIn("coordinator", "/actions.html");
        driver.get(portal.url("/actions.html?by=forum"));
        waiting().until(d -> d.findElement(By.id("summary-key")).getText().equals("Forumi")
                && !d.findElements(By.cssSelector("#summary tbody tr")).isEmpty());

        assertThat(shownSummary("forum")).isEqualTo(byForum);
        assertThat(driver.findElement(By.cssSelector("#summary tbody")).getText())
                .contains("Forum vendor për mbrojtjen e fëmijëve në lëvizje: Kukës");

        new Select(driver.findElement(By.id("summary-by"))).selectByValue("county");
        waiting().until(d -> d.findElement(By.id("summary-key")).getText().equals("Qarku"));
        waiting().until(d -> d.getCurrentUrl().contains("by=county"));

        assertThat(shownSummary("county")).isEqualTo(byCounty);
        assertThat(driver.findElement(By.id("summary-note")).getText()).contains("1 mars 2026");
        assertThat(driver.findElement(By.id("error")).isDisplayed()).isFalse();
    }

    @Test
    void actionsSortByAColumnWithTheOrderInTheAddressAndShowTheirForumInAlbanian() {
        action(2, "AL-07", "County Council Kukës", "Sorting: later", "2027-05-01", List.of());
        action(1, "AL-05", "County Council Gjirokastër", "Sorting: earlier", "2026-04-01", List.of());
        List<JsonNode> all = new ArrayList<>();
        coordinator.json("/api/v1/actions", 200).forEach(all::add);
        all.sort((x, y) -> {
            int c = y.get("dueDate").asText().compareTo(x.get("dueDate").asText());
            return c != 0 ? c : Long.compare(y.get("id").asLong(), x.get("id").asLong());
        });
        List<String> latestFirst = all.stream().map(a -> a.get("text").asText()).toList();

        portal.signIn("coordinator", "/actions.html");
        waiting().until(d -> !d.findElements(By.cssSelector("#actions tbody tr")).isEmpty());
        driver.findElement(By.cssSelector("#actions th[data-sort=dueDate] button")).click();
        waiting().until(d -> d.getCurrentUrl().contains("sort=dueDate") && d.getCurrentUrl().contains("dir=desc"));
        waiting().until(d -> "descending".equals(d.findElement(By.cssSelector("#actions th[data-sort=dueDate]")).getDomAttribute("aria-sort")));

        List<WebElement> rows = driver.findElements(By.cssSelector("#actions tbody tr"));
        assertThat(rows.stream().map(r -> r.findElement(By.cssSelector("td a")).getText()).toList()).isEqualTo(latestFirst);
        WebElement later = rows.stream().filter(r -> r.getText().contains("Sorting: later")).findFirst().orElseThrow();
        assertThat(later.findElements(By.tagName("td")).get(1).getText()).isEqualTo("Forum vendor për mbrojtjen e fëmijëve në lëvizje: Kukës");
        assertThat(later.findElements(By.tagName("td")).get(3).getText()).isEqualTo("Këshilli i Qarkut Kukës");

        driver.navigate().refresh();
        waiting().until(d -> "descending".equals(d.findElement(By.cssSelector("#actions th[data-sort=dueDate]")).getDomAttribute("aria-sort")));
        assertThat(driver.findElements(By.cssSelector("#actions tbody tr td:first-child a")).stream().map(WebElement::getText).toList())
                .isEqualTo(latestFirst);
    }

    @Test
    void doneIsSavedOnlyAfterAConfirmationAndTheHistoryReadsInWordsWithDayAndTime() {
        long id = action(2, "AL-07", "County Council Kukës", "Confirm: joint review", "2026-06-30", List.of(), "UNDER_REVIEW", "INTEGRATED", "IN_PROGRESS");

        portal.signIn("coordinator", "/action.html?id=" + id);
        waiting().until(d -> d.findElement(By.id("action-text")).getText().equals("Confirm: joint review"));
        Select status = new Select(driver.findElement(By.id("s-status")));
        assertThat(status.getFirstSelectedOption().getDomAttribute("value")).as("no status is chosen for the person").isEmpty();

        status.selectByValue("DONE");
        driver.findElement(By.cssSelector("#status-form button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("status-confirm")).isDisplayed());
        assertThat(driver.findElement(By.id("status-confirm-text")).getText()).contains("E përfunduar").contains("përfundimtar");
        assertThat(coordinator.json("/api/v1/actions/" + id, 200).get("action").get("status").asText()).isEqualTo("IN_PROGRESS");

        driver.findElement(By.id("status-confirm-no")).click();
        assertThat(driver.findElement(By.id("status-confirm")).isDisplayed()).isFalse();
        assertThat(coordinator.json("/api/v1/actions/" + id, 200).get("action").get("status").asText()).isEqualTo("IN_PROGRESS");

        driver.findElement(By.cssSelector("#status-form button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("status-confirm")).isDisplayed());
        driver.findElement(By.id("status-confirm-yes")).click();
        waiting().until(d -> coordinator.json("/api/v1/actions/" + id, 200).get("action").get("status").asText().equals("DONE"));
        waiting().until(d -> d.findElements(By.cssSelector("#history tbody tr")).size() == 5);

        List<List<String>> history = driver.findElements(By.cssSelector("#history tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
        // The fixture's clock: 09:00 UTC on 1 March 2026 is 10:00 in Tirana.
        assertThat(history).allSatisfy(row -> assertThat(row.get(0)).isEqualTo("1 mars 2026, 10:00"));
        assertThat(history.get(0).subList(2, 5)).containsExactly("Krijimi", "", "E propozuar");
        assertThat(history.get(4).subList(2, 5)).containsExactly("Statusi", "Në zbatim", "E përfunduar");
        assertThat(driver.findElement(By.id("status-form")).isDisplayed()).as("done is final").isFalse();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> series(String elementId) {
        return (List<Map<String, Object>>) waiting().until(d -> ((JavascriptExecutor) d).executeScript(
                "const el = document.getElementById(arguments[0]);"
                        + "const c = window.echarts && el && echarts.getInstanceByDom(el); const o = c && c.getOption();"
                        + "return o && o.series && o.series.length ? o.series.map(function (s) { return { name: s.name, data: s.data,"
                        + " axis: s.yAxisIndex }; }) : null;", elementId));
    }

    @Test
    void theEffectChartMarksStartAndDueDateOnItsPeriodsBesideAlbaniasLine() {
        long id = action(2, "AL-07", "County Council Kukës", "Effect: review", "2026-06-30", List.of("child_victims"),
                "UNDER_REVIEW", "INTEGRATED", "IN_PROGRESS");
        JsonNode effect = coordinator.json("/api/v1/actions/" + id + "/effect", 200);
        JsonNode trend = effect.get("trends").get(0);
        String type = trend.get("periodType").asText();
        List<String> periods = trend.get("series").get(0).get("points").findValuesAsText("period");
        List<String> expectedMarks = new ArrayList<>();
        for (Map.Entry<String, LocalDate> m : List.of(Map.entry("started", TODAY), Map.entry("due", LocalDate.of(2026, 6, 30)))) {
            LocalDate day = m.getValue();
            String period = type.equals("year") ? Integer.toString(day.getYear())
                    : type.equals("quarter") ? day.getYear() + "-Q" + ((day.getMonthValue() + 2) / 3) : day.toString().substring(0, 7);
            if (periods.contains(period)) {
                expectedMarks.add(m.getKey() + "@" + period);
            }
        }

        portal.signIn("coordinator", "/action.html?id=" + id);
        List<Map<String, Object>> series = series("effect-child_victims");

        assertThat(series).extracting(s -> s.get("name")).containsExactly("Kukës (boshti majtas)", "Shqipëria (boshti djathtas)");
        assertThat(series.get(1).get("axis")).isEqualTo(1L);
        List<Object> national = (List<Object>) series.get(1).get("data");
        List<Long> expectedNational = new ArrayList<>();
        trend.get("series").get(1).get("points").forEach(p -> expectedNational.add(p.get("value").isNull() ? null : p.get("value").asLong()));
        assertThat(national).isEqualTo(expectedNational);
        String marks = driver.findElement(By.id("effect-child_victims")).getDomAttribute("data-marks");
        assertThat(marks.isEmpty() ? List.of() : List.of(marks.split(" "))).isEqualTo(expectedMarks);
    }

    @Test
    void inEnglishTheSummaryAndTheForumsReadAsTyped() {
        portal.signIn("coordinator", "/actions.html");
        ((JavascriptExecutor) driver).executeScript("window.localStorage.setItem('lang', 'en');");
        driver.get(portal.url("/actions.html?by=forum"));
        waiting().until(d -> d.findElement(By.id("summary-key")).getText().equals("Forum"));
        assertThat(driver.findElement(By.cssSelector("#summary thead")).getText()).contains("Identified").contains("Integrated into the NRM plan");

        driver.get(portal.url("/forum.html?id=2"));
        waiting().until(d -> d.findElement(By.id("forum-title")).getText().equals("Local forum on the protection of children on the move: Kukës"));
        assertThat(driver.findElement(By.id("forum-facts")).getText()).contains(FINDING);
        assertThat(driver.getTitle()).isEqualTo("Forums · Children on the move and child victims of trafficking");

        ((JavascriptExecutor) driver).executeScript("window.localStorage.removeItem('lang');");
        driver.get(portal.url("/forum.html?id=2"));
        waiting().until(d -> d.findElement(By.id("forum-title")).getText().equals("Forum vendor për mbrojtjen e fëmijëve në lëvizje: Kukës"));
        assertThat(driver.findElement(By.id("forum-facts")).getText()).contains("koordinimi ndërmjet strukturave të ndryshme vendore është i paplotë")
                .contains("Njësitë për Mbrojtjen e Fëmijëve në nivel bashkie");
        assertThat(driver.findElement(By.id("forum-translated")).isDisplayed()).isTrue();
        assertThat(driver.getTitle()).isEqualTo("Forumet · Fëmijët në lëvizje dhe fëmijët viktima të trafikimit");
    }
}
