package al.antitrafficking.portal;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.overview.FakeOverviewQueries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The portal over real HTTP on a random port, in front of a fake warehouse. */
class PortalAppTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private FakeOverviewQueries warehouse;
    private Javalin app;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;
    private al.antitrafficking.warehouse.forum.DuckDbForumStore forums;

    @BeforeEach
    void start() {
        warehouse = new FakeOverviewQueries();
        forums = TestPortal.store(dir);
        app = PortalApp.create(TestPortal.services(warehouse, forums, dir)).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
        forums.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        return json.readTree(response.body());
    }

    @Test
    void servesTheMonthlySeriesBehindTheEncounteredChart() throws Exception {
        JsonNode body = getJson("/api/v1/overview/children-encountered/monthly", 200);

        JsonNode points = body.get("series").get(0).get("points");
        assertThat(points.get(0).get("period").asText()).isEqualTo("2025-05");
        assertThat(points.get(0).get("value").asLong()).isEqualTo(40);
        assertThat(points.get(1).get("value").isNull()).isTrue();
        assertThat(points.get(1).get("status").asText()).isEqualTo("SUPPRESSED_SMALL_COUNT");
        assertThat(body.get("suppressionThreshold").asInt()).isEqualTo(5);
    }

    @Test
    void servesTheVictimSeriesPerStatus() throws Exception {
        JsonNode series = getJson("/api/v1/overview/child-victims/monthly", 200).get("series");

        assertThat(series).extracting(s -> s.get("key").asText()).containsExactly("potential", "presumed", "identified");
        assertThat(series.get(1).get("points").get(0).get("status").asText()).isEqualTo("NOT_REPORTED");
        assertThat(series.get(2).get("points").get(0).get("value").asLong()).isZero();
    }

    @Test
    void countyBreakdownDefaultsToTheSnapshotsLastTwelveMonths() throws Exception {
        JsonNode body = getJson("/api/v1/overview/children-encountered/by-county", 200);

        assertThat(warehouse.countyPeriodsAsked).containsExactly("2024-07..2025-06");
        assertThat(body.get("counties").get(0).get("countyName").asText()).isEqualTo("Kukës");
    }

    @Test
    void countyBreakdownTakesAPeriod() throws Exception {
        getJson("/api/v1/overview/children-encountered/by-county?from=2025-01&to=2025-03", 200);

        assertThat(warehouse.countyPeriodsAsked).containsExactly("2025-01..2025-03");
    }

    @Test
    void refusesAMalformedOrReversedPeriodWithAPlainMessage() throws Exception {
        JsonNode malformed = getJson("/api/v1/overview/children-encountered/by-county?from=2025-13", 400);
        JsonNode reversed = getJson("/api/v1/overview/children-encountered/by-county?from=2025-05&to=2025-01", 400);

        assertThat(malformed.get("error").asText()).isEqualTo("Cannot read period: from must be a month as yyyy-MM");
        assertThat(reversed.get("error").asText()).isEqualTo("Cannot read period: from 2025-05 is after to 2025-01");
        assertThat(warehouse.countyPeriodsAsked).isEmpty();
    }

    @Test
    void answersAWarehouseFailureWithoutLeakingItsDetails() throws Exception {
        warehouse.failing = true;

        HttpResponse<String> response = get("/api/v1/overview/children-encountered/monthly");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("could not answer").doesNotContain("secret_table").doesNotContain("Exception")
                .doesNotContain("at al.");
    }

    @Test
    void unknownApiPathsGetAJsonNotFound() throws Exception {
        JsonNode body = getJson("/api/v1/nothing-here", 404);

        assertThat(body.get("error").asText()).isEqualTo("Endpoint GET /api/v1/nothing-here not found");
    }

    @Test
    void everyPageAndEveryAssetItLoadsAreServedByThePortalItself() throws Exception {
        List<String> assets = new ArrayList<>();
        for (String path : List.of("/", "/convergence.html", "/compare.html", "/explorer.html", "/statistics.html", "/completeness.html", "/forums.html", "/forum.html", "/actions.html",
                "/action.html")) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
            while (m.find()) {
                assets.add(m.group(1));
            }
        }
        assertThat(assets).contains("/webjars/echarts/5.5.0/echarts.min.js", "/overview.js", "/style.css", "/app.js", "/charts.js",
                "/convergence.js", "/compare.js", "/explorer.js", "/statistics.js", "/completeness.js", "/forums.js", "/forum.js", "/actions.js", "/action.js", "/forum-form.js",
                "/action-form.js");
        for (String asset : assets.stream().distinct().toList()) {
            assertThat(asset).as("no outside address").startsWith("/");
            HttpResponse<String> response = get(asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body()).as(asset).isNotEmpty();
        }
        assertThat(get("/overview.js").body()).contains("/api/v1/indicators/", "/api/v1/completeness", "/api/v1/overview/child-victims/monthly");
        assertThat(get("/compare.js").body()).contains("/geo/albania-counties.geojson");
        assertThat(get("/geo/albania-counties.geojson").statusCode()).isEqualTo(200);
    }
}
