package al.antitrafficking.warehouse.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import al.antitrafficking.warehouse.reference.Territory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PopulationTest {
    private static final Path REFERENCE = Path.of(System.getProperty("project.root", "..")).resolve("conf/reference");
    private static final Territory TERRITORY = Territory.load(REFERENCE);
    private final Population population = Population.load(TERRITORY, REFERENCE);

    @Test
    void censusYearsGiveTheCensusFigures() {
        // Kukës: 85,292 residents in 2011, 61,998 in 2023 (INSTAT).
        assertThat(population.residents("AL-07", 2011)).contains(new Population.Figure(85_292, false));
        assertThat(population.residents("AL-07", 2023)).contains(new Population.Figure(61_998, false));
        assertThat(population.residents("", 2023).orElseThrow().value()).isEqualTo(2_402_113);
    }

    @Test
    void otherYearsAreLinearEstimatesFlaggedAsSuch() {
        // 2017 is half way: 85,292 + (61,998 - 85,292) / 2 = 73,645. After 2023 the 2023 figure is carried forward.
        Population.Figure y2017 = population.residents("AL-07", 2017).orElseThrow();
        assertThat(y2017.value()).isCloseTo(73_645, within(1e-9));
        assertThat(y2017.estimate()).isTrue();
        assertThat(population.residents("AL-07", 2026)).contains(new Population.Figure(61_998, true));
        assertThat(population.residents("AL-99", 2023)).isEmpty();
    }

    @Test
    void theChildPopulationSlotIsEmptyUntilASourceIsSupplied(@TempDir Path dir) throws IOException {
        assertThat(population.children("AL-07", 2023)).isEmpty();

        for (String file : new String[] {"counties.csv", "municipalities.csv", "border_crossings.csv"}) {
            Files.copy(REFERENCE.resolve(file), dir.resolve(file));
        }
        Files.writeString(dir.resolve("child_population.csv"), "county_code,year,population,source\nAL-07,2023,14567,test source\n");
        assertThat(Population.load(Territory.load(dir), dir).children("AL-07", 2023)).contains(new Population.Figure(14_567, false));

        Files.writeString(dir.resolve("child_population.csv"), "county_code,year,population,source\nAL-07,2023,14567,\n");
        assertThatThrownBy(() -> Population.load(Territory.load(dir), dir)).hasMessageContaining("names no source");
    }
}
