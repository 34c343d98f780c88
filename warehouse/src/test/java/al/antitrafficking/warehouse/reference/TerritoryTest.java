package al.antitrafficking.warehouse.reference;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The project's reference files against the public source tables they were written from, carried unchanged in
 * conf/reference/sources (outside input: the files there were compiled independently of conf/reference).
 */
class TerritoryTest {
    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    private static final Path SOURCES = ROOT.resolve("conf/reference/sources");

    private final Territory territory = Territory.load(ROOT.resolve("conf/reference"));

    @Test
    void hasTheTwelveCountiesWithIsoCodes() {
        assertThat(territory.counties()).extracting(County::code)
                .containsExactly("AL-01", "AL-02", "AL-03", "AL-04", "AL-05", "AL-06",
                        "AL-07", "AL-08", "AL-09", "AL-10", "AL-11", "AL-12");
        assertThat(territory.findCounty("AL-07")).map(County::name).contains("Kukës");
    }

    @Test
    void censusPopulationMatchesTheSharedCensusTable() throws IOException {
        long total2023 = territory.counties().stream().mapToLong(County::population2023).sum();
        assertThat(total2023).isEqualTo(2_402_113L); // INSTAT 2023 total, as stated in conf/reference/sources/README.md

        for (String[] row : csv(SOURCES.resolve("albania_population_by_county_census.csv"))) {
            County county = territory.findCounty(row[0]).orElseThrow();
            assertThat(county.population2011()).as(row[0]).isEqualTo(Long.parseLong(row[2]));
            assertThat(county.population2023()).as(row[0]).isEqualTo(Long.parseLong(row[3]));
        }
    }

    @Test
    void everyMunicipalityHasTheCountyTheSharedListGivesIt() throws IOException {
        Map<String, String> expected = new HashMap<>();
        for (String[] row : csv(SOURCES.resolve("albania_municipalities_61.csv"))) {
            expected.put(row[3], row[6]);
        }

        Map<String, String> actual = territory.municipalities().stream()
                .collect(Collectors.toMap(Municipality::code, Municipality::countyCode));

        assertThat(actual).hasSize(61).isEqualTo(expected);
    }

    @Test
    void matchesMunicipalityNamesLeniently() {
        assertThat(territory.findMunicipality("Kukes")).map(Municipality::code).contains("AL132");
        assertThat(territory.findMunicipality("  KUKËS ")).map(Municipality::code).contains("AL132");
        assertThat(territory.findMunicipality("korce")).map(Municipality::code).contains("AL343");
        assertThat(territory.findMunicipality("Fushe Arrez")).map(Municipality::code).contains("AL151");
        assertThat(territory.findMunicipality("Ura Vajgurore")).map(Municipality::code).contains("AL315");
        assertThat(territory.findMunicipality("AL357")).map(Municipality::name).contains("Vlorë");
        assertThat(territory.findMunicipality("Atlantis")).isEmpty();
    }

    @Test
    void mapsFormerCommuneNamesToTheMunicipalityThatAbsorbedThem() {
        assertThat(territory.findMunicipality("Bicaj")).map(Municipality::code).contains("AL132");
        assertThat(territory.findMunicipality("Dropull i Siperm")).map(Municipality::code).contains("AL331");
        assertThat(territory.findMunicipality("KSAMIL")).map(Municipality::name).contains("Sarandë");
        // A current name is never taken over by a former one.
        assertThat(territory.findMunicipality("Dropull")).map(Municipality::code).contains("AL331");
    }

    @Test
    void crossingsSitInTheCountyTheSharedListGivesThem() throws IOException {
        Map<String, String> byName = new HashMap<>();
        for (String[] row : csv(SOURCES.resolve("albania_land_border_crossings.csv"))) {
            byName.put(row[0], row[5]);
        }
        List<Crossing> land = territory.crossings().stream().filter(c -> c.kind() == Crossing.Kind.LAND).toList();

        assertThat(land).hasSize(byName.size());
        for (Crossing c : land) {
            assertThat(c.countyCode().orElse("")).as(c.name()).isEqualTo(byName.get(c.name()));
        }
        assertThat(territory.findCrossing("BOR").flatMap(Crossing::countyCode)).isEmpty();
        assertThat(territory.findCrossing("KAK").flatMap(Crossing::countyCode)).contains("AL-05");
    }

    private static List<String[]> csv(Path file) throws IOException {
        return Files.readAllLines(file, UTF_8).stream().skip(1)
                .map(TerritoryTest::splitCsvLine).toList();
    }

    /** A small independent CSV split (quoted fields with commas occur in the source crossings file). */
    private static String[] splitCsvLine(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        fields.add(current.toString());
        return fields.toArray(String[]::new);
    }
}
