package al.antitrafficking.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.Http;
import al.antitrafficking.portal.TestPortal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Signing in through the page as each role, in the real browser: what each sees, and typed markup that stays text. */
@ExtendWith(ScreenshotOnFailure.class)
class SignInBrowserTest {
    static BrowserPortal portal;
    static ChromeDriver driver;
    static Http http;
    /** The roles that follow forums and actions (the rest are told the page needs another account). */
    static final Set<String> FOLLOWERS = Set.of("national_coordinator", "ministry_statistician", "regional_committee", "partner_organisation");

    @BeforeAll
    static void start() throws Exception {
        portal = BrowserPortal.get();
        driver = portal.driver;
        http = new Http(portal.fixture.app::port);
    }

    @AfterEach
    void signOut() {
        portal.signOut();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @Test
    void eachRoleSignsInOnThePageAndSeesTheActionsAndAdministrationItsRoleGivesAndNoMore() {
        for (Map.Entry<String, String> account : TestPortal.ACCOUNT_OF_ROLE.entrySet()) {
            String role = account.getKey();
            portal.signIn(account.getValue(), "/actions.html");
            waiting().until(d -> !d.findElement(By.id("who")).getText().isBlank());
            boolean follows = FOLLOWERS.contains(role);
            if (follows) {
                waiting().until(d -> d.findElement(By.id("export-csv")).getDomAttribute("href") != null);
                assertThat(driver.findElement(By.id("error")).isDisplayed()).as(role).isFalse();
            } else {
                waiting().until(d -> d.findElement(By.id("error")).isDisplayed());
                assertThat(driver.findElement(By.id("error")).getText()).as(role).contains(role);
            }
            boolean adminLink = !driver.findElements(By.cssSelector("nav a[href='/admin.html']")).isEmpty();
            assertThat(adminLink).as(role).isEqualTo(role.equals("administrator"));
        }
        portal.signIn("admin", "/admin.html");
        waiting().until(d -> d.findElement(By.id("users")).getText().contains("statistician"));
        waiting().until(d -> d.findElement(By.id("audit")).getText().contains("sign_in"));
    }

    @Test
    void aClerkSendsFilesOnTheUploadPageAndReadsAReceiptForEachInAlbanian() throws Exception {
        java.nio.file.Path files = java.nio.file.Files.createTempDirectory("clerk-files");
        String header = "case_id,child_pseudonym,municipality,opened_date,referral_source,risk_category,sex,age,"
                + "assessment_date,case_plan_date,nrm_referral_date,closed_date,closed_reason\n";
        String pseudonym = "ef".repeat(32);
        java.nio.file.Path good = java.nio.file.Files.writeString(files.resolve("cpu_AL-07_2026-03.csv"), header
                + "CPU-AL07-202603-000001," + pseudonym + ",Kukës,2026-03-01,school,neglect,M,10,,,,,\n");
        java.nio.file.Path named = java.nio.file.Files.writeString(files.resolve("Dosja e Arben Hoxhës.csv"), header);
        portal.signIn("clerk", "/upload.html");
        waiting().until(d -> d.findElement(By.id("upload-section")).isDisplayed());
        assertThat(driver.findElements(By.cssSelector("nav a[href='/upload.html']"))).as("the clerk's menu has the page").hasSize(1);

        driver.findElement(By.id("files")).sendKeys(good + "\n" + named);
        driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();

        waiting().until(d -> d.findElements(By.cssSelector("#receipts tbody tr")).size() >= 2);
        String receipts = driver.findElement(By.id("receipts")).getText();
        assertThat(receipts).contains("cpu_AL-07_2026-03.csv", "pranuar, në pritje të ngarkimit", "Shifrat publikohen pas ngarkimit të radhës")
                .contains("refuzuar", "emri i skedarit nuk është").doesNotContain("Arben").doesNotContain(pseudonym);
        assertThat(driver.findElement(By.cssSelector("#upload-form .form-status")).getText()).isEqualTo("U pranuan: 1 / 2");
        // Anyone else is told the page is not theirs, and has no such menu entry.
        portal.signOut();
        portal.signIn("kukes", "/upload.html");
        waiting().until(d -> d.findElement(By.id("error")).isDisplayed());
        assertThat(driver.findElement(By.id("upload-section")).isDisplayed()).isFalse();
        assertThat(driver.findElements(By.cssSelector("nav a[href='/upload.html']"))).isEmpty();
    }

    @Test
    void eachRoleSeesOnThePagesThatDependOnTheRoleWhatItsRoleGivesAndNoMore() {
        for (Map.Entry<String, String> account : TestPortal.ACCOUNT_OF_ROLE.entrySet()) {
            String role = account.getKey();
            portal.signIn(account.getValue(), "/explorer.html");
            waiting().until(d -> !d.findElement(By.id("who")).getText().isBlank() && !d.findElement(By.id("pivot")).getText().isBlank());
            assertThat(driver.findElement(By.id("internal-choice")).isDisplayed()).as(role + ": internal figures")
                    .isEqualTo(role.equals("national_coordinator"));
            assertThat(driver.findElements(By.cssSelector("nav a[href='/admin.html']")).size()).as(role + ": admin menu")
                    .isEqualTo(role.equals("administrator") ? 1 : 0);
            assertThat(driver.findElements(By.cssSelector("nav a[href='/upload.html']")).size()).as(role + ": upload menu")
                    .isEqualTo(role.equals("data_clerk") ? 1 : 0);

            driver.get(portal.url("/completeness.html"));
            waiting().until(d -> !d.findElement(By.id("who")).getText().isBlank() && !d.findElement(By.id("summary-table")).getText().isBlank());
            if (role.equals("data_manager")) {
                waiting().until(d -> d.findElement(By.id("ingestion-section")).isDisplayed());
            } else {
                assertThat(driver.findElement(By.id("ingestion-section")).isDisplayed()).as(role + ": ingestion report").isFalse();
            }

            driver.get(portal.url("/upload.html"));
            if (role.equals("data_clerk")) {
                waiting().until(d -> d.findElement(By.id("upload-section")).isDisplayed());
            } else {
                waiting().until(d -> d.findElement(By.id("error")).isDisplayed());
                assertThat(driver.findElement(By.id("upload-section")).isDisplayed()).as(role + ": upload").isFalse();
            }

            driver.get(portal.url("/admin.html"));
            waiting().until(d -> !d.findElement(By.id("who")).getText().isBlank());
            for (String section : java.util.List.of("users-section", "backup-section", "audit-section")) {
                assertThat(driver.findElement(By.id(section)).isDisplayed()).as(role + ": " + section).isEqualTo(role.equals("administrator"));
            }
            portal.signOut();
        }
    }

    @Test
    void anAnonymousVisitorIsAskedToSignInForActionsAndSeesThePublicPages() {
        portal.signOut();
        driver.get(portal.url("/actions.html"));
        waiting().until(d -> d.findElement(By.id("error")).isDisplayed());
        assertThat(driver.findElement(By.cssSelector("#error a")).getDomAttribute("href")).startsWith("/signin.html?next=");
        driver.get(portal.url("/"));
        waiting().until(d -> d.findElement(By.id("sign-in")).isDisplayed());
    }

    @Test
    void markupTypedIntoEveryTextFieldStaysTextInThePages() {
        String payload = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=1</script>";
        Http coordinator = http.as("coordinator");
        long id = coordinator.call("POST", "/api/v1/actions", Map.of("forumId", 2, "text", "Review " + payload, "finding",
                "coordination between different local structures is incomplete", "responsibleInstitution", "County Council Kukës", "county", "AL-07", "dueDate", "2026-06-30",
                "indicators", List.of()), 201).get("id").asLong();
        coordinator.call("POST", "/api/v1/actions/" + id + "/notes", Map.of("text", "note " + payload), 201);
        long forum = coordinator.call("POST", "/api/v1/forums", Map.of("heldOn", "2026-02-10", "municipality", "Kukës", "title",
                "Forum " + payload, "context", "context " + payload, "organisers", List.of("CPU " + payload), "objectives",
                List.of("objective " + payload), "institutions", List.of("Border Police"), "findings", List.of("found " + payload)), 201)
                .get("id").asLong();

        portal.signIn("coordinator", "/action.html?id=" + id);
        waiting().until(d -> d.findElement(By.tagName("main")).getText().contains("note <img"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Review <img src=x");
        driver.get(portal.url("/forum.html?id=" + forum));
        waiting().until(d -> d.findElement(By.tagName("main")).getText().contains("context <img"));
        driver.get(portal.url("/actions.html"));
        waiting().until(d -> d.findElement(By.tagName("main")).getText().contains("Review <img"));
        driver.get(portal.url("/forums.html"));
        waiting().until(d -> d.findElement(By.tagName("main")).getText().contains("Forum <img"));

        assertThat(((JavascriptExecutor) driver).executeScript("return window.__xss === undefined;")).isEqualTo(true);
        assertThat(driver.findElements(By.cssSelector("main img[src=x]"))).isEmpty();
    }

    @Test
    void theCoordinatorCanTurnOnInternalFiguresWithAReasonUnderABannerAndWithoutAFileOthersCannot() {
        portal.signIn("statistician", "/explorer.html");
        waiting().until(d -> !d.findElement(By.id("pivot")).getText().isBlank());
        assertThat(driver.findElement(By.id("internal-choice")).isDisplayed()).isFalse();

        portal.signIn("coordinator", "/explorer.html");
        waiting().until(d -> d.findElement(By.id("internal-choice")).isDisplayed());
        driver.findElement(By.id("reason")).sendKeys("preparing the committee meeting");
        driver.findElement(By.id("internal")).click();
        waiting().until(d -> d.findElement(By.id("internal-banner")).isDisplayed());

        assertThat(driver.findElement(By.id("internal-banner")).getText()).contains("preparing the committee meeting");
        assertThat(driver.findElement(By.id("explorer-csv")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector("#chart-explorer + .chart-download")).isDisplayed()).as("no image of them either").isFalse();
        assertThat(driver.findElement(By.id("pivot")).getText()).isNotBlank();
        driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            assertThat(driver.findElement(By.id("internal-banner")).isDisplayed()).as("a printed page holds the banner").isTrue();
            assertThat(driver.findElement(By.id("chart-explorer")).isDisplayed()).as("and no figure").isFalse();
            assertThat(driver.findElement(By.id("pivot")).isDisplayed()).isFalse();
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }
    }

    @Test
    void theDataManagerSeesEachFilesIngestionReportOnTheCompletenessPageUnderTheInternalBannerOthersDoNot() {
        portal.signIn("datamanager", "/completeness.html");
        waiting().until(d -> d.findElement(By.id("ingestion-section")).isDisplayed());
        waiting().until(d -> d.findElement(By.id("ingestion-files")).getText().contains(al.antitrafficking.portal.PortalFixture.REFUSED_FILE));
        assertThat(driver.findElement(By.cssSelector("#ingestion-section .banner-internal")).isDisplayed()).isTrue();

        portal.signIn("coordinator", "/completeness.html");
        waiting().until(d -> !d.findElement(By.id("who")).getText().isBlank());
        assertThat(driver.findElement(By.id("ingestion-section")).isDisplayed()).isFalse();
    }

    @Test
    void afterSigningInThePageNeverSendsThePersonToAnotherSite() {
        portal.signOut();
        driver.get(portal.url("/signin.html?next=%2F%09%2Fattacker.invalid%2Fphish"));
        driver.findElement(By.id("username")).sendKeys("statistician");
        driver.findElement(By.id("password")).sendKeys(TestPortal.password("statistician"));
        driver.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
        waiting().until(d -> !d.getCurrentUrl().contains("signin.html"));

        assertThat(driver.getCurrentUrl()).startsWith(portal.url("/"));
    }
}
