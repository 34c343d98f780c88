package al.antitrafficking.portal.browser;

import al.antitrafficking.portal.PortalFixture;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium for all browser tests of a JVM, in front of the portal of the shared {@link PortalFixture} (a
 * warehouse built from generated regional files by the real ETL, with its protected release): Debian's chromium and
 * chromedriver, never Selenium Manager. A missing browser fails the tests, it does not skip them.
 */
final class BrowserPortal {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static BrowserPortal shared;

    final PortalFixture fixture;
    final Path downloads;
    final ChromeDriver driver;

    private BrowserPortal() throws Exception {
        requireExecutable(CHROMIUM, "chromium");
        requireExecutable(CHROMEDRIVER, "chromium-driver");
        Path dir = Files.createTempDirectory("browser-portal");
        downloads = Files.createDirectories(dir.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--no-first-run", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(dir)));
        fixture = PortalFixture.get();
    }

    private static void requireExecutable(Path path, String debianPackage) {
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("Cannot run the browser tests: " + path + " is missing; install Debian's " + debianPackage
                    + " (bin/test does so with apt-get)");
        }
    }

    /** At the JVM's end: the browser stops, and its profile and downloads go. */
    private void close(Path dir) {
        driver.quit();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("Cannot delete the browser tests' folder " + dir + ": " + e.getMessage());
        }
    }

    static synchronized BrowserPortal get() throws Exception {
        if (shared == null) {
            shared = new BrowserPortal();
        }
        return shared;
    }

    /** Signs the browser in as one of the test accounts through the sign-in page, and waits to be sent on to {@code next}. */
    void signIn(String username, String next) {
        signOut();
        driver.get(url("/signin.html?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)));
        driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(al.antitrafficking.portal.TestPortal.password(username));
        driver.findElement(org.openqa.selenium.By.cssSelector("#signin-form button[type=submit]")).click();
        // A page may write its view into the address (A.keepInUrl): the page reached is what counts, not its parameters.
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> (next.contains("?") ? d.getCurrentUrl() : d.getCurrentUrl().replaceFirst("[?#].*$", "")).endsWith(next));
    }

    /** Forgets the session (the next page is an anonymous visitor's). */
    void signOut() {
        driver.get(url("/signin.html"));
        driver.manage().deleteAllCookies();
    }

    String url(String path) {
        return fixture.url(path);
    }

    static List<File> files(Path folder) {
        File[] files = folder.toFile().listFiles();
        return files == null ? List.of() : List.of(files);
    }
}
