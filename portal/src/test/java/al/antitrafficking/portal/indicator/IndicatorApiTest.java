package al.antitrafficking.portal.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.PortalApp;
import al.antitrafficking.portal.TestPortal;
import al.antitrafficking.portal.overview.FakeOverviewQueries;
import al.antitrafficking.warehouse.forum.DuckDbForumStore;
import al.antitrafficking.warehouse.indicator.Audience;
import al.antitrafficking.warehouse.indicator.IndicatorQuery;
import al.antitrafficking.warehouse.indicator.PeriodType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue and the query layer over real HTTP, in front of a fake warehouse that records each query. */
class IndicatorApiTest {
    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private FakeOverviewQueries warehouse;
    private DuckDbForumStore forums;
    private Javalin app;

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

    private JsonNode get(String path, int status) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    @Test
    void listsTheCatalogueInBothLanguages() throws Exception {
        JsonNode list = get("/api/v1/indicators", 200);

        assertThat(list.size()).isGreaterThanOrEqualTo(14);
        assertThat(list.get(0).get("id").asText()).isEqualTo("children_encountered");
        assertThat(list.get(0).get("name").get("sq").asText()).isEqualTo("Fëmijë të takuar nga Policia Kufitare");
        assertThat(list.get(0).get("unit").asText()).isEqualTo("count");
    }

    @Test
    void turnsTheRequestIntoOnePublicQuery() throws Exception {
        JsonNode result = get("/api/v1/indicators/child_victims?from=2025-01&to=2025-06&period=quarter&group_by=county,status"
                + "&county=AL-05,AL-07&sex=F", 200);

        IndicatorQuery q = warehouse.indicatorQueries.get(0);
        assertThat(q).isEqualTo(new IndicatorQuery("child_victims", YearMonth.of(2025, 1), YearMonth.of(2025, 6), PeriodType.QUARTER,
                java.util.Map.of("county", List.of("AL-05", "AL-07"), "sex", List.of("F")), List.of("county", "status"), Audience.PUBLIC));
        assertThat(result.get("rows").get(0).get("value").asDouble()).isEqualTo(42.0);
        assertThat(result.get("audience").asText()).isEqualTo("PUBLIC");
    }

    @Test
    void defaultsToTheSnapshotsLastTwelveMonthsByMonth() throws Exception {
        get("/api/v1/indicators/children_encountered", 200);

        IndicatorQuery q = warehouse.indicatorQueries.get(0);
        assertThat(q.from()).isEqualTo(YearMonth.of(2024, 7));
        assertThat(q.to()).isEqualTo(YearMonth.of(2025, 6));
        assertThat(q.periodType()).isEqualTo(PeriodType.MONTH);
    }

    @Test
    void aRefusedQueryIsA400WithAPlainMessage() throws Exception {
        assertThat(get("/api/v1/indicators/children_encountered?group_by=refused", 400).get("error").asText())
                .contains("cannot be grouped by that dimension");
        assertThat(get("/api/v1/indicators/children_encountered?period=decade", 400).get("error").asText())
                .isEqualTo("Cannot read period: period must be month, quarter, year or range");
        assertThat(get("/api/v1/indicators/children_encountered?from=2025-1", 400).get("error").asText())
                .isEqualTo("Cannot read period: from must be a month as yyyy-MM");
    }
}
