package al.antitrafficking.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The OpenAPI document the portal serves describes every route PortalApp registers, and nothing it does not. */
class OpenApiTest {
    @Test
    void theServedDocumentDescribesEveryRouteAndOnlyThose() throws Exception {
        PortalFixture fixture = PortalFixture.get();
        List<String> routes = new ArrayList<>();
        for (Route r : PortalApp.routes(TestPortal.services(fixture.releases, fixture.forums, fixture.dir))) {
            if (!r.path().equals("/api/v1/openapi.json")) {
                routes.add(r.method().name() + " " + r.path());
            }
        }

        JsonNode doc = new Http(PortalFixture.get().app::port).json("/api/v1/openapi.json", 200);
        List<String> described = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(routes).hasSizeGreaterThan(20).contains("GET /api/v1/releases/{id}/files/{file}");
        assertThat(described).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void theDocumentNamesTheStatusesTheReleasePrintsAndNoOther() throws Exception {
        JsonNode doc = new Http(PortalFixture.get().app::port).json("/api/v1/openapi.json", 200);

        assertThat(doc.at("/components/schemas/Status/enum")).extracting(JsonNode::asText)
                .containsExactly("PUBLISHED", "WITHHELD", "NOT_REPORTED", "NOT_YET_DUE");
        assertThat(doc.toString()).doesNotContain("SUPPRESSED").doesNotContain("/api/v1/overview");
    }
}
