package al.antitrafficking.warehouse.release;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ministry's standard tables: a catalogue indicator cross-tabulated by two of its dimensions (or by one, for a
 * percentage by county) over a year or a quarter, with row, column and grand totals. Their cells are cells of the
 * release, so a table, its margins and every other answer are protected together.
 */
public final class StandardTables {
    /** One standard table: an indicator, its rows and columns (null: a single column of values), and its titles. */
    public record Definition(String id, String indicator, String rows, String columns, Map<String, String> title) {}

    public static final List<Definition> STANDARD = List.of(
            new Definition("victims_by_sex_and_age", "child_victims", "sex", "age_band",
                    Map.of("sq", "Fëmijë viktima të trafikimit sipas gjinisë dhe grupmoshës", "en", "Child victims of trafficking by sex and age band")),
            new Definition("victims_by_form_of_exploitation", "child_victims", "exploitation_form", "status",
                    Map.of("sq", "Fëmijë viktima sipas formës së shfrytëzimit dhe statusit", "en", "Child victims by form of exploitation and status")),
            new Definition("victims_by_county", "child_victims", "county", "status",
                    Map.of("sq", "Fëmijë viktima sipas qarkut dhe statusit", "en", "Child victims by county and status")),
            new Definition("victims_by_citizenship", "child_victims", "citizenship", "scope",
                    Map.of("sq", "Fëmijë viktima sipas shtetësisë, trafikim i brendshëm ose ndërkombëtar",
                            "en", "Child victims by citizenship, internal or transnational trafficking")),
            new Definition("children_on_the_move_by_crossing", "children_encountered", "crossing", "direction",
                    Map.of("sq", "Fëmijë në lëvizje sipas pikës së kalimit dhe drejtimit", "en", "Children on the move by crossing and direction")),
            new Definition("convergence_by_county", "nrm_victims_with_cpu_case", "county", null,
                    Map.of("sq", "Konvergjenca: viktima fëmijë të MKR me rast në NjMF, sipas qarkut",
                            "en", "Convergence: NRM child victims who also have a CPU case, by county")));

    private StandardTables() {}

    public static Optional<Definition> find(String id) {
        return STANDARD.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
