package al.antitrafficking.warehouse.indicator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueTest {
    private static final Path CATALOGUE = Path.of(System.getProperty("project.root", "..")).resolve("conf/indicators/catalogue.yaml");

    @TempDir
    Path dir;

    private Path broken(String from, String to) throws IOException {
        String text = Files.readString(CATALOGUE, UTF_8);
        assertThat(text).contains(from);
        return Files.writeString(dir.resolve("catalogue.yaml"), text.replace(from, to), UTF_8);
    }

    @Test
    void theProjectCatalogueLoadsWithNamesInBothLanguages() {
        Catalogue catalogue = Catalogue.load(CATALOGUE);

        assertThat(catalogue.indicators()).hasSizeGreaterThanOrEqualTo(14);
        assertThat(catalogue.indicators()).allSatisfy(i -> assertThat(i.name()).containsKeys("sq", "en"));
        assertThat(catalogue.find("nrm_victims_with_cpu_case")).map(Indicator::unit).contains(Unit.PERCENT);
    }

    @Test
    void anUnknownColumnStopsLoadingNamingTheIndicator() throws IOException {
        Path file = broken("{column: referred_to, in: [cpu]}", "{column: child_name, in: [cpu]}");

        assertThatThrownBy(() -> Catalogue.load(file)).isInstanceOf(CatalogueException.class)
                .hasMessage("Cannot load indicator border_referred_to_child_protection: fact border has no column child_name to test");
    }

    @Test
    void aDimensionTheFactLacksStopsLoading() throws IOException {
        Path file = broken("dimensions: [service_type, provider, county]", "dimensions: [service_type, provider, crossing]");

        assertThatThrownBy(() -> Catalogue.load(file)).hasMessage("Cannot load indicator services_given: fact services has no dimension crossing");
    }

    @Test
    void aRateByAnythingButCountyStopsLoading() throws IOException {
        Path file = broken("    dimensions: [county]\n    higher_is_better: null\n    source: \"Border Police "
                + "monthly files; INSTAT", "    dimensions: [county, sex]\n    higher_is_better: null\n"
                + "    source: \"Border Police monthly files; INSTAT");

        assertThatThrownBy(() -> Catalogue.load(file)).hasMessageContaining("children_encountered_rate: a rate can only be broken down by county");
    }

    @Test
    void aPercentWithoutNumeratorStopsLoading() throws IOException {
        Path file = broken("    numerator_where: [{column: reached_cpu, is: true}]\n", "");

        assertThatThrownBy(() -> Catalogue.load(file)).hasMessageContaining("nrm_victims_with_cpu_case: a percent needs numerator_where");
    }

    @Test
    void onlyACountByMunicipalityCanBePublishedByMunicipality() throws IOException {
        Path file = broken("    dimensions: [county]\n    higher_is_better: null\n    source: \"Border Police monthly files; INSTAT",
                "    dimensions: [county]\n    published_by_municipality: true\n    higher_is_better: null\n    source: \"Border Police monthly files; INSTAT");

        assertThatThrownBy(() -> Catalogue.load(file)).hasMessageContaining(
                "children_encountered_rate: only a count with the dimension municipality can be published by municipality");
    }

    @Test
    void onlyChildProtectionCasesArePublishedByMunicipality() {
        Catalogue catalogue = Catalogue.load(CATALOGUE);

        assertThat(catalogue.indicators()).filteredOn(Indicator::publishedByMunicipality).extracting(Indicator::id)
                .containsExactly("new_cpu_cases");
    }
}
