package al.antitrafficking.portal;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.forum.DuckDbForumStore;
import al.antitrafficking.warehouse.indicator.Population;
import al.antitrafficking.warehouse.release.PublishedReleases;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal over real HTTP in front of the fixture's warehouse: the release it reads, the ledger, errors, the pages. */
class PortalAppTest {
    static final PortalFixture FIXTURE = PortalFixture.get();
    final Http http = new Http(FIXTURE.app::port);

    @Test
    void describesThePublishedReleaseAsItsLedgerFilesDo() throws Exception {
        JsonNode about = http.json("/api/v1/snapshot", 200);
        LedgerFiles ledger = new LedgerFiles(FIXTURE.releaseDir());
        // Every file generated was loaded but the one of the wrong columns.
        long files = FIXTURE.incomingFiles().size();

        assertThat(about.get("id").asText()).isEqualTo(onlyReleaseInTheLedger());
        assertThat(about.get("firstMonth").asText()).isEqualTo("2024-03");
        assertThat(about.get("lastMonth").asText()).isEqualTo("2026-02");
        assertThat(about.get("filesLoaded").asLong()).isEqualTo(files - 1);
        assertThat(about.get("filesRejected").asLong()).isEqualTo(1);
        assertThat(about.get("cellsPrinted").asLong()).isEqualTo(ledger.size());
        assertThat(about.get("cellsWithheld").asLong()).isEqualTo(ledger.count("WITHHELD")).isPositive();
        assertThat(about.get("rollingWindows")).extracting(JsonNode::asText).containsExactly("2025-03/2026-02", "2024-03/2025-02");
        assertThat(about.get("years")).extracting(JsonNode::asText).containsExactly("2024", "2025", "2026");
        assertThat(about.get("suppressionThreshold").asInt()).isEqualTo(FIXTURE.config.disclosureMinCount());
        assertThat(about.get("legend").get("en").asText()).contains("x = withheld", "a count from 1 to 4", "– = nothing reported",
                "… = not yet due");
        assertThat(about.get("legend").get("sq").asText()).contains("x = e fshehur");
    }

    private static String onlyReleaseInTheLedger() throws Exception {
        try (Stream<Path> dirs = Files.list(FIXTURE.config.warehouseDir().resolve("releases"))) {
            List<String> ids = dirs.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
            assertThat(ids).hasSize(1);
            return ids.get(0);
        }
    }

    @Test
    void listsTheLedgerAndServesAReleasesPublicFilesButNoOther() throws Exception {
        String id = FIXTURE.releaseId;

        JsonNode history = http.json("/api/v1/releases", 200);
        JsonNode revision = http.json("/api/v1/releases/" + id, 200);
        byte[] cells = http.bytes("/api/v1/releases/" + id + "/files/cells.csv.gz").body();

        assertThat(history).extracting(r -> r.get("id").asText()).containsExactly(id);
        assertThat(history.get(0).get("previous").asText()).isEmpty();
        assertThat(revision.get("release").get("id").asText()).isEqualTo(id);
        assertThat(revision.get("notes").asText()).contains("The first release of this warehouse");
        assertThat(cells).isEqualTo(Files.readAllBytes(FIXTURE.releaseDir().resolve("cells.csv.gz")));
        assertThat(http.json("/api/v1/releases/" + id + "/files/release.properties", 404).get("error").asText())
                .isEqualTo("No file release.properties; cells.csv.gz, tables.csv, submissions.csv or notes.md");
        assertThat(http.get("/api/v1/releases/" + id + "/files/internal%2Fcells.csv.gz").statusCode()).isEqualTo(404);
        assertThat(http.json("/api/v1/releases/20200101T000000000Z", 404).get("error").asText())
                .isEqualTo("No release 20200101T000000000Z in the ledger");
    }

    @Test
    void readsAReleaseOfTheLedgerByIdAndRefusesOneItDoesNotHold() {
        assertThat(http.json("/api/v1/snapshot?release=" + FIXTURE.releaseId, 200).get("id").asText()).isEqualTo(FIXTURE.releaseId);
        assertThat(http.json("/api/v1/indicators/child_victims?release=20200101T000000000Z", 404).get("error").asText())
                .isEqualTo("No release 20200101T000000000Z in the ledger");
        assertThat(http.refusal("/api/v1/statistics?release=latest")).isEqualTo("Cannot read release: an id looks like 20261130T102504034Z");
    }

    @Test
    void refusesAMalformedOrReversedPeriodWithAPlainMessage() {
        assertThat(http.refusal("/api/v1/indicators/child_victims?from=2025-13")).isEqualTo("Cannot read period: from must be a month as yyyy-MM");
        assertThat(http.refusal("/api/v1/indicators/child_victims?from=2025-05&to=2025-01")).isEqualTo("Cannot query: from 2025-05 is after to 2025-01");
        assertThat(http.refusal("/api/v1/completeness?from=2025-05&to=2025-01"))
                .isEqualTo("Cannot report completeness: from 2025-05 is after to 2025-01");
    }

    @Test
    void answersADamagedReleaseWithoutLeakingItsDetails(@TempDir Path dir) throws Exception {
        // A ledger holding the fixture's release, published, and an older one whose cells file is damaged.
        Path warehouse = dir.resolve("warehouse");
        Path good = warehouse.resolve("releases").resolve(FIXTURE.releaseId);
        Path damaged = warehouse.resolve("releases").resolve("20200101T000000000Z");
        Files.createDirectories(good);
        Files.createDirectories(damaged);
        for (String file : List.of("cells.csv.gz", "tables.csv", "submissions.csv", "notes.md", "release.properties")) {
            Files.copy(FIXTURE.releaseDir().resolve(file), good.resolve(file));
            Files.copy(FIXTURE.releaseDir().resolve(file), damaged.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(damaged.resolve("cells.csv.gz"), "secret_table: not a gzip file");
        Files.writeString(warehouse.resolve("CURRENT"), FIXTURE.releaseId);
        PublishedReleases releases = new PublishedReleases(warehouse, FIXTURE.catalogue, TestPortal.TERRITORY,
                Population.load(TestPortal.TERRITORY, FIXTURE.config.referenceDir()), TestPortal.CLOCK, Duration.ofHours(1));
        try (DuckDbForumStore forums = TestPortal.store(dir, releases.current())) {
            Javalin app = PortalApp.create(TestPortal.services(releases, forums, dir)).start("127.0.0.1", 0);
            try {
                Http other = new Http(app::port);
                assertThat(other.json("/api/v1/snapshot", 200).get("id").asText()).isEqualTo(FIXTURE.releaseId);

                JsonNode failed = other.json("/api/v1/snapshot?release=20200101T000000000Z", 500);

                assertThat(failed.get("error").asText()).isEqualTo("The portal could not answer this request; the error is in the portal log.");
                assertThat(failed.toString()).doesNotContain("secret_table").doesNotContain("Exception").doesNotContain("gzip")
                        .doesNotContain("GZIP").doesNotContain(dir.toString()).doesNotContain("at al.");
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void unknownApiPathsGetAJsonNotFound() {
        assertThat(http.json("/api/v1/nothing-here", 404).get("error").asText()).isEqualTo("Endpoint GET /api/v1/nothing-here not found");
    }

    @Test
    void everyPageAndEveryAssetItLoadsAreServedByThePortalItself() {
        List<String> assets = new ArrayList<>();
        for (String path : List.of("/", "/convergence.html", "/compare.html", "/explorer.html", "/statistics.html", "/completeness.html",
                "/forums.html", "/forum.html", "/actions.html", "/action.html", "/signin.html", "/admin.html", "/upload.html")) {
            var page = http.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
            while (m.find()) {
                assets.add(m.group(1));
            }
        }
        assertThat(assets).contains("/webjars/echarts/5.5.0/echarts.min.js", "/overview.js", "/style.css", "/app.js", "/charts.js",
                "/convergence.js", "/compare.js", "/explorer.js", "/statistics.js", "/completeness.js", "/forums.js", "/forum.js", "/actions.js",
                "/action.js", "/forum-form.js", "/action-form.js", "/signin.js", "/admin.js", "/upload.js");
        // Signed in, so that the actions' export links answer too.
        Http signedIn = http.as("coordinator");
        for (String asset : assets.stream().distinct().toList()) {
            assertThat(asset).as("no outside address").startsWith("/");
            if (asset.startsWith("/api/")) {
                continue; // data behind a link (an export), checked with its role elsewhere
            }
            var response = signedIn.get(asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body()).as(asset).isNotEmpty();
        }
        assertThat(http.get("/overview.js").body()).contains("/api/v1/indicators/", "/api/v1/completeness", "group_by=status")
                .doesNotContain("/api/v1/overview");
        assertThat(http.get("/compare.js").body()).contains("/geo/albania-counties.geojson");
        assertThat(http.get("/geo/albania-counties.geojson").statusCode()).isEqualTo(200);
    }
}
