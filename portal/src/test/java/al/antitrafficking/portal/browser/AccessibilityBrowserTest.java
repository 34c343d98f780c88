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
 * and, for the upload page, as a data clerk.
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
        for (String page : PAGES) {
            found.addAll(violations(page));
        }

        assertThat(found).isEmpty();
    }
}
