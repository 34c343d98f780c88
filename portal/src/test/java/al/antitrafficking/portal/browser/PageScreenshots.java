package al.antitrafficking.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Not part of the test suite (its name does not end in Test): saves a screenshot of every page of the portal, in Albanian
 * and in English, at desktop width (1280 px) and at a phone's (390 px), whole pages as JPEG, over the fixture's warehouse
 * (generated regional files through the real ETL and release). Signed in as the national coordinator, who sees every page
 * but the clerks' upload (taken as a data clerk) and the sign-in page (taken signed out). Run by {@code bin/screenshots},
 * which names the folder in {@code SCREENSHOTS_DIR}; it writes an index.md listing what it took.
 */
class PageScreenshots {
    static final List<String> PAGES = List.of("/", "/convergence.html", "/compare.html", "/explorer.html", "/statistics.html",
            "/international.html", "/completeness.html", "/forums.html", "/forum.html?id=2", "/actions.html", "/admin.html");

    @Test
    void saveEveryPageInBothLanguagesAtDesktopAndPhoneWidth() throws Exception {
        String folder = System.getenv("SCREENSHOTS_DIR");
        assertThat(folder).as("SCREENSHOTS_DIR names where the screenshots go (bin/screenshots sets it)").isNotBlank();
        Path out = Files.createDirectories(Path.of(folder));
        BrowserPortal portal = BrowserPortal.get();
        ChromeDriver driver = portal.driver;
        Http coordinator = new Http(portal.fixture.app::port).as("coordinator");
        long action = coordinator.call("POST", "/api/v1/actions", Map.of("forumId", 2, "text", "Joint monthly review of border and CPU cases",
                "finding", "coordination between different local structures is incomplete", "responsibleInstitution", "County Council Kukës",
                "county", "AL-07", "dueDate", "2026-06-30", "indicators", List.of("child_victims")), 201).get("id").asLong();
        coordinator.call("POST", "/api/v1/actions/" + action + "/status", Map.of("status", "UNDER_REVIEW", "version", 1), 200);

        Map<String, String> taken = new LinkedHashMap<>();
        for (String lang : List.of("sq", "en")) {
            for (int width : new int[] {1280, 390}) {
                portal.signIn("coordinator", "/forums.html");
                ((JavascriptExecutor) driver).executeScript("window.localStorage.setItem('lang', arguments[0]);", lang);
                driver.manage().window().setSize(new Dimension(width, width > 500 ? 1000 : 844));
                List<String> pages = new ArrayList<>(PAGES);
                pages.add("/action.html?id=" + action);
                for (String page : pages) {
                    taken.put(save(driver, portal, page, out, lang, width), page);
                }
                portal.signIn("clerk", "/upload.html");
                ((JavascriptExecutor) driver).executeScript("window.localStorage.setItem('lang', arguments[0]);", lang);
                taken.put(save(driver, portal, "/upload.html", out, lang, width), "/upload.html");
                portal.signOut();
                driver.get(portal.url("/signin.html"));
                ((JavascriptExecutor) driver).executeScript("window.localStorage.setItem('lang', arguments[0]);", lang);
                taken.put(save(driver, portal, "/signin.html", out, lang, width), "/signin.html");
            }
        }
        driver.manage().window().setSize(new Dimension(1280, 1000));
        ((JavascriptExecutor) driver).executeScript("window.localStorage.removeItem('lang');");

        StringBuilder index = new StringBuilder("# Screenshots of every page\n\nTaken by `bin/screenshots` (headless Chromium over a warehouse"
                + " built from generated regional files by the real ETL; signed in as the national coordinator, the upload page as a data"
                + " clerk, the sign-in page signed out). Desktop: 1280 px wide; phone: 390 px. Whole pages, JPEG.\n\n| file | page |\n|---|---|\n");
        taken.forEach((file, page) -> index.append("| [").append(file).append("](").append(file).append(") | `").append(page).append("` |\n"));
        Files.writeString(out.resolve("index.md"), index.toString());
        assertThat(taken).hasSize(4 * (PAGES.size() + 3));
    }

    /** Opens the page, waits until it has drawn, and saves the whole page as LANG-WIDTH-NAME.jpg. */
    @SuppressWarnings("unchecked")
    private static String save(ChromeDriver driver, BrowserPortal portal, String page, Path out, String lang, int width) throws Exception {
        driver.get(portal.url(page));
        WebDriverWait waiting = new WebDriverWait(driver, Duration.ofSeconds(30));
        waiting.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        waiting.until(d -> !d.findElement(By.tagName("main")).getText().isBlank());
        waiting.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return !document.querySelector('main[aria-busy=true]') && new Promise(function (r) { setTimeout(function () { r(true); }, 1200); });"));
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double height = Math.min(8000, ((Number) size.get("height")).doubleValue());
        double pageWidth = Math.max(width, ((Number) size.get("width")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "jpeg", "quality", 70,
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", pageWidth, "height", height, "scale", 1)));
        String name = page.equals("/") ? "overview" : page.substring(1).replace(".html", "").replaceAll("[?=]", "-").replace("id-", "");
        String file = lang + "-" + (width > 500 ? "desktop" : "phone") + "-" + name + ".jpg";
        Files.write(out.resolve(file), Base64.getDecoder().decode((String) shot.get("data")));
        return file;
    }
}
