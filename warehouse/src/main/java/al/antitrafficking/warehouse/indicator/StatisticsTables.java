package al.antitrafficking.warehouse.indicator;

import al.antitrafficking.warehouse.disclosure.Cell;
import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.disclosure.DisclosureControl;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The ministry's standard tables: a catalogue count cross-tabulated by two of its dimensions over a year or a
 * quarter, with row, column and grand totals, all protected together by {@link DisclosureControl}, so that no
 * withheld cell follows from the totals printed beside it. The counts are read unsuppressed inside the warehouse
 * and leave it only as protected cells. Totals count distinct children: a child in two cells counts once in
 * their total, so a total can be less than the sum of its cells.
 */
public final class StatisticsTables {
    /** One standard table: a count, its rows and columns, and its titles. */
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

    /** A table as it may be published: labels, and cells with a last row and column of totals. */
    public record Table(Definition definition, Unit unit, String period, List<String> rowKeys, List<String> columnKeys,
                        List<List<Cell>> cells, List<List<Double>> values, String snapshot, int suppressionThreshold) {}

    /** Labels in reading order: age bands by their first year (0-5 before 12-14), anything else alphabetically. */
    static final java.util.Comparator<String> NATURAL = (a, b) -> {
        java.util.regex.Matcher ma = java.util.regex.Pattern.compile("^([0-9]+)[-+]").matcher(a);
        java.util.regex.Matcher mb = java.util.regex.Pattern.compile("^([0-9]+)[-+]").matcher(b);
        if (ma.find() && mb.find()) {
            return Integer.compare(Integer.parseInt(ma.group(1)), Integer.parseInt(mb.group(1)));
        }
        return a.compareTo(b);
    };

    private final Indicators indicators;

    public StatisticsTables(Indicators indicators) {
        this.indicators = indicators;
    }

    public static Optional<Definition> find(String id) {
        return STANDARD.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The table for the months from..to (a year or a quarter), labelled {@code period}. */
    public Table table(Definition d, YearMonth from, YearMonth to, String period) {
        Indicator indicator = indicators.catalogue().find(d.indicator()).orElseThrow(() -> new IllegalStateException(
                "Cannot make table " + d.id() + ": the catalogue has no indicator " + d.indicator()));
        if (indicator.unit() != Unit.COUNT) {
            return shareByRow(d, indicator, from, to, period);
        }
        Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
        TreeSet<String> rows = new TreeSet<>(NATURAL);
        TreeSet<String> columns = new TreeSet<>(NATURAL);
        for (ResultRow r : internal(d.indicator(), from, to, List.of(d.rows(), d.columns())).rows()) {
            rows.add(r.group().get(d.rows()));
            columns.add(r.group().get(d.columns()));
            cells.computeIfAbsent(r.group().get(d.rows()), k -> new LinkedHashMap<>()).put(r.group().get(d.columns()), r.numerator());
        }
        Map<String, Long> rowTotals = totals(internal(d.indicator(), from, to, List.of(d.rows())).rows(), d.rows());
        Map<String, Long> columnTotals = totals(internal(d.indicator(), from, to, List.of(d.columns())).rows(), d.columns());
        IndicatorResult national = internal(d.indicator(), from, to, List.of());
        Long grand = national.rows().get(0).numerator();
        rows.addAll(rowTotals.keySet());
        columns.addAll(columnTotals.keySet());
        List<String> rowKeys = new ArrayList<>(rows);
        List<String> columnKeys = new ArrayList<>(columns);
        List<List<Long>> extended = new ArrayList<>();
        for (String row : rowKeys) {
            List<Long> line = new ArrayList<>();
            for (String column : columnKeys) {
                // A cell of a row or column that was not reported is not reported either; otherwise no row is a zero.
                boolean reported = rowTotals.get(row) != null && columnTotals.get(column) != null;
                line.add(reported ? cells.getOrDefault(row, Map.of()).getOrDefault(column, 0L) : null);
            }
            line.add(rowTotals.get(row));
            extended.add(line);
        }
        List<Long> last = new ArrayList<>();
        for (String column : columnKeys) {
            last.add(columnTotals.get(column));
        }
        last.add(grand);
        extended.add(last);
        DisclosureControl disclosure = new DisclosureControl(national.suppressionThreshold());
        List<List<Cell>> protectedCells = disclosure.protectTable(extended);
        List<List<Double>> values = protectedCells.stream()
                .map(line -> line.stream().map(c -> c.value() == null ? null : c.value().doubleValue()).toList()).toList();
        return new Table(d, indicator.unit(), period, rowKeys, columnKeys, protectedCells, values, national.snapshot(), disclosure.minCount());
    }

    /** A share by the rows' dimension with Albania as the total row: the query layer's own protected answers. */
    private Table shareByRow(Definition d, Indicator indicator, YearMonth from, YearMonth to, String period) {
        IndicatorResult result = indicators.run(new IndicatorQuery(d.indicator(), from, to, PeriodType.RANGE, Map.of(), List.of(d.rows()),
                Audience.PUBLIC)).requirePublishable();
        List<ResultRow> byRow = result.rows();
        ResultRow national = indicators.run(new IndicatorQuery(d.indicator(), from, to, PeriodType.RANGE, Map.of(), List.of(), Audience.PUBLIC))
                .requirePublishable().rows().get(0);
        List<String> rowKeys = new ArrayList<>();
        List<List<Cell>> cells = new ArrayList<>();
        List<List<Double>> values = new ArrayList<>();
        for (ResultRow r : byRow) {
            rowKeys.add(r.group().get(d.rows()));
            cells.add(List.of(cellOf(r)));
            values.add(java.util.Arrays.asList(r.status() == CellStatus.PUBLISHED ? r.value() : null));
        }
        cells.add(List.of(cellOf(national)));
        values.add(java.util.Arrays.asList(national.status() == CellStatus.PUBLISHED ? national.value() : null));
        return new Table(d, indicator.unit(), period, rowKeys, List.of(), cells, values, result.snapshot(), result.suppressionThreshold());
    }

    private static Cell cellOf(ResultRow r) {
        return r.status() == CellStatus.PUBLISHED ? Cell.published(r.numerator() == null ? 0 : r.numerator()) : Cell.withheld(r.status());
    }

    /** Unsuppressed counts, which only ever leave this class protected. */
    private IndicatorResult internal(String indicator, YearMonth from, YearMonth to, List<String> groupBy) {
        return indicators.run(new IndicatorQuery(indicator, from, to, PeriodType.RANGE, Map.of(), groupBy, Audience.INTERNAL));
    }

    private static Map<String, Long> totals(List<ResultRow> rows, String dimension) {
        Map<String, Long> totals = new LinkedHashMap<>();
        rows.forEach(r -> totals.put(r.group().get(dimension), r.numerator()));
        return totals;
    }
}
