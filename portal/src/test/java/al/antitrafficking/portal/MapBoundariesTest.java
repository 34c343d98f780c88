package al.antitrafficking.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The county boundaries the portal serves are Natural Earth's 12 features for Albania as extracted by
 * portal/tools/extract-counties.mjs: the same codes and the same geometry as the project team's
 * independent extract of the same npm package, carried in conf/reference/sources with its source.
 */
class MapBoundariesTest {
    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));

    private static Map<String, JsonNode> byCode(JsonNode collection) {
        Map<String, JsonNode> features = new TreeMap<>();
        collection.get("features").forEach(f -> features.put(f.at("/properties/iso_3166_2").asText(), f));
        return features;
    }

    @Test
    void theServedCountiesAreTheNaturalEarthExtract() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode served = json.readTree(ROOT.resolve("portal/src/main/resources/public/geo/albania-counties.geojson").toFile());
        JsonNode shared = json.readTree(ROOT.resolve("conf/reference/sources/albania_counties_naturalearth10m_admin1.geojson").toFile());

        Map<String, JsonNode> ours = byCode(served);
        Map<String, JsonNode> theirs = byCode(shared);
        assertThat(ours.keySet()).containsExactly("AL-01", "AL-02", "AL-03", "AL-04", "AL-05", "AL-06", "AL-07", "AL-08", "AL-09", "AL-10",
                "AL-11", "AL-12");
        assertThat(ours.keySet()).isEqualTo(theirs.keySet());
        for (String code : ours.keySet()) {
            assertThat(ours.get(code).get("geometry")).as(code).isEqualTo(theirs.get(code).get("geometry"));
            assertThat(ours.get(code).at("/properties/name").asText()).as(code).isEqualTo(theirs.get(code).at("/properties/name").asText());
        }
    }
}
