package al.antitrafficking.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.Http;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page of the portal checked with axe-core (the npm package, fetched at build time into target/npm by the portal's
 * pom) in headless Chromium over the fixture's warehouse: no serious or critical violation, in Albanian at desktop width
 * and in English at a 390 px phone's width, signed in as the coordinator (who sees every page but the clerks' upload)
 * and, for the upload page, as a data clerk. At phone width, no page is wider than the screen (wide tables scroll in
 * their own box) and the menu folds behind a button.
 */
@ExtendWith(ScreenshotOnFailure.class)
class AccessibilityBrowserTest {
    static final Path AXE = Path.of(System.getProperty("project.root", "..")).resolve("portal/target/npm/node_modules/axe-core/axe.min.js");
    static final List<String> PAGES = List.of("/", "/convergence.html", "/compare.html", "/explorer.html", "/statistics.html",
            "/international.html", "/completeness.html", "/forums.html", "/forum.html?id=1", "/actions.html", "/admin.html");

    static BrowserPortal portal;
    static ChromeDriver driver;
    static String axe;

    @BeforeAll
    static void start() throws Exception {
        assertThat(AXE).as("axe-core is fetched by the portal's pom (exec-maven-plugin, npm) before the tests").exists();
        axe = Files.readString(AXE, StandardCharsets.UTF_8);
        portal = BrowserPortal.get();
        driver = portal.driver;
    }

    @AfterEach
    void desktopAndAlbanianAgain() {
        ((JavascriptExecutor) driver).executeScript("window.localStorage.removeItem('lang');");
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    /** The page's serious and critical violations as "rule: target (impact)" lines, once it has loaded and drawn. */
    @SuppressWarnings("unchecked")
    private List<String> violations(String path) {
        driver.get(portal.url(path));
        WebDriverWait waiting = new WebDriverWait(driver, Duration.ofSeconds(20));
        waiting.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        // The page fills itself from the API: wait until its main region has content and the header its navigation.
        waiting.until(d -> !d.findElements(By.cssSelector("#top nav a")).isEmpty() && !d.findElement(By.tagName("main")).getText().isBlank());
        waiting.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return new Promise(function (r) { setTimeout(function () { r(true); }, 800); });"));
        ((JavascriptExecutor) driver).executeScript(axe);
        Map<String, Object> results = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, { resultTypes: ['violations'] }).then(function (r) { done({ violations: r.violations.map(function (v) {"
                        + " return { id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) { return n.target.join(' '); }) }; }) }); },"
                        + " function (e) { done({ error: String(e) }); });");
        assertThat(results.get("error")).as(path + ": axe-core ran").isNull();
        List<String> found = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) results.get("violations")) {
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                found.add(path + " " + v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes"));
            }
        }
        return found;
    }

    @Test
    void everyPageHasNoSeriousOrCriticalViolationInAlbanianAtDesktopWidth() {
        portal.signIn("coordinator", "/forums.html");
        long action = new Http(portal.fixture.app::port).as("coordinator").call("POST", "/api/v1/actions", Map.of("forumId", 2, "text",
                "Accessible review", "finding", "coordination between different local structures is incomplete", "responsibleInstitution",
                "County Council Kukës", "county", "AL-07", "dueDate", "2026-06-30", "indicators", List.of("child_victims")), 201).get("id").asLong();
        List<String> found = new ArrayList<>();
        for (String page : PAGES) {
            found.addAll(violations(page));
        }
        found.addAll(violations("/action.html?id=" + action));
        portal.signIn("clerk", "/upload.html");
        found.addAll(violations("/upload.html"));
        portal.signOut();
        found.addAll(violations("/signin.html"));

        assertThat(found).isEmpty();
    }

    @Test
    void everyPageHasNoSeriousOrCriticalViolationInEnglishAtPhoneWidth() {
        portal.signIn("coordinator", "/forums.html");
        ((JavascriptExecutor) driver).executeScript("window.localStorage.setItem('lang', 'en');");
        driver.manage().window().setSize(new Dimension(390, 844));
        List<String> found = new ArrayList<>();
        List<String> wider = new ArrayList<>();
        for (String page : PAGES) {
            found.addAll(violations(page));
            long width = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;");
            long window = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth;");
            if (width > window) {
                wider.add(page + ": " + width + " px in " + window + " px; widest: " + ((JavascriptExecutor) driver).executeScript(
                        "return Array.from(document.querySelectorAll('body *')).filter(function (e) { return e.getBoundingClientRect().right > "
                                + "document.documentElement.clientWidth + 1 && !(e.parentElement && e.parentElement.closest('.scroll, .table-box')); }).slice(0, 1).map(function (e) { const chain = []; for (let n = e; n && n !== document.body; n = n.parentElement) {"
                                + " chain.push(n.tagName + '#' + n.id + '.' + n.className + ' ' + n.getBoundingClientRect().width + '/' + n.scrollWidth"
                                + " + ' ' + getComputedStyle(n).overflowX + ' ' + getComputedStyle(n).display); } return chain.join(' < '); }).join(', ');"));
            }
        }

        driver.get(portal.url("/actions.html"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("menu-toggle")).isDisplayed());
        assertThat(driver.findElement(By.id("main-nav")).isDisplayed()).as("the menu folds on a phone").isFalse();
        driver.findElement(By.id("menu-toggle")).click();
        assertThat(driver.findElement(By.id("main-nav")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("menu-toggle")).getDomAttribute("aria-expanded")).isEqualTo("true");

        assertThat(found).isEmpty();
        assertThat(wider).as("pages wider than a phone (their wide tables scroll in their own box)").isEmpty();
    }
}
