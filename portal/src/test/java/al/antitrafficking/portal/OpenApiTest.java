package al.antitrafficking.portal;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.overview.FakeOverviewQueries;
import al.antitrafficking.warehouse.forum.DuckDbForumStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document the portal serves describes every route PortalApp registers, and nothing it does not. */
class OpenApiTest {
    @TempDir
    Path dir;

    @Test
    void theServedDocumentDescribesEveryRouteAndOnlyThose() throws Exception {
        Path source = Path.of(System.getProperty("project.root", "..")).resolve("portal/src/main/java/al/antitrafficking/portal/PortalApp.java");
        List<String> routes = new ArrayList<>();
        Matcher m = Pattern.compile("config\\.routes\\.(get|post|put|delete)\\(\"(/api/v1/[^\"]+)\"").matcher(Files.readString(source));
        while (m.find()) {
            if (!m.group(2).equals("/api/v1/openapi.json")) {
                routes.add(m.group(1).toUpperCase(Locale.ROOT) + " " + m.group(2));
            }
        }
        DuckDbForumStore store = TestPortal.store(dir);
        Javalin app = PortalApp.create(TestPortal.services(new FakeOverviewQueries(), store, dir)).start("127.0.0.1", 0);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/api/v1/openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode doc = new ObjectMapper().readTree(response.body());
            List<String> described = new ArrayList<>();
            doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                    .forEachRemaining(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(doc.get("openapi").asText()).startsWith("3.");
            assertThat(routes).hasSizeGreaterThan(20);
            assertThat(described).containsExactlyInAnyOrderElementsOf(routes);
        } finally {
            app.stop();
            store.close();
        }
    }
}
