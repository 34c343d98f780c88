package al.antitrafficking.warehouse.query;

import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.Population;
import al.antitrafficking.warehouse.reference.Territory;
import java.nio.file.Path;

/** The project's own catalogue and population, as the warehouse tests read them. */
final class TestConf {
    static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    static final Catalogue CATALOGUE = Catalogue.load(ROOT.resolve("conf/indicators/catalogue.yaml"));
    static final Population POPULATION = Population.load(Territory.load(ROOT.resolve("conf/reference")), ROOT.resolve("conf/reference"));

    private TestConf() {}
}
