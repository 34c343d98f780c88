package al.antitrafficking.warehouse.release;

import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.Condition;
import al.antitrafficking.warehouse.indicator.FactTable;
import al.antitrafficking.warehouse.indicator.Indicator;
import al.antitrafficking.warehouse.indicator.PeriodType;
import al.antitrafficking.warehouse.indicator.Unit;
import al.antitrafficking.warehouse.international.Returns;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The public table set, decided from the catalogue: every indicator for Albania and by county, in total and by each of
 * its dimensions (for a percentage its numerator too, for a median its observations), municipalities only where the
 * catalogue marks a count safe at that level, the pairs the ministry's standard tables cross, and the convergence
 * page's children by first mechanism, split by outcome and by delay to NRM identification. Figures that count the
 * same rows get the same criteria, so they are one cell.
 */
public final class ReleasePlan {
    /** The age bands of children, as the catalogue's conditions name them. */
    static final List<String> CHILD_AGE_BANDS = List.of("0-5", "6-11", "12-14", "15-17");
    /** The territory dimensions: they are the levels of a table, not splits. */
    static final Set<String> TERRITORY = Set.of("county", "municipality");
    /** The first mechanisms the convergence page starts from, with the pathway's date of that first contact. */
    static final Map<String, String> CONVERGENCE_STARTS = Map.of("border", "first_border_date", "cpu", "first_cpu_date",
            "nrm", "first_nrm_date");

    /** How an indicator's figures are read from cells: a count, a percentage's numerator, a median's observations. */
    public record IndicatorCells(Indicator indicator, Family family, Criteria base, Optional<Criteria> numerator,
                                 Optional<Criteria> observations, List<String> splits) {}

    private final Map<String, ReleaseTable> tables = new LinkedHashMap<>();
    private final Map<String, Condition> flags = new LinkedHashMap<>();
    private final Map<String, IndicatorCells> indicators = new LinkedHashMap<>();
    private final Map<String, Family> convergence = new LinkedHashMap<>();
    private final Map<String, Criteria> convergenceCriteria = new LinkedHashMap<>();

    private ReleasePlan() {}

    public static ReleasePlan of(Catalogue catalogue) {
        ReleasePlan plan = new ReleasePlan();
        for (Indicator i : catalogue.indicators()) {
            plan.addIndicator(i);
        }
        for (StandardTables.Definition d : StandardTables.STANDARD) {
            IndicatorCells cells = plan.indicators.get(d.indicator());
            if (cells != null && d.columns() != null && !TERRITORY.contains(d.rows()) && !TERRITORY.contains(d.columns())) {
                plan.add(cells.family(), cells.base(), List.of(d.rows(), d.columns()), EnumSet.of(Level.ALBANIA), false,
                        PeriodType.QUARTER, Optional.empty());
            }
        }
        for (String start : List.of("border", "cpu", "nrm")) {
            plan.addConvergence(start);
        }
        catalogue.returns().ifPresent(plan::addReturns);
        return plan;
    }

    /** The NRM family the international returns count: distinct persons by year of identification. */
    public static Family returnsFamily() {
        return Family.of(FactTable.NRM, "identification_date", true);
    }

    /** The criteria of the statuses the returns count. */
    public static Criteria returnsBase(Returns returns) {
        return Criteria.ALL.and("status", new TreeSet<>(returns.statuses())).orElseThrow();
    }

    /**
     * Each return table's cells as release tables, for Albania by year: the table split by both dimensions (in both
     * orders, so that a category gathering several codes is known as the sum of its codes whichever side it is on), its
     * margins, and each gathered category as criteria split by the other dimension. A cell of two single codes is a cell
     * of the table split by both; every cell is a cell of the release.
     */
    private void addReturns(Returns returns) {
        Family family = returnsFamily();
        Criteria base = returnsBase(returns);
        Set<Level> albania = EnumSet.of(Level.ALBANIA);
        for (Returns.Return r : returns.returns()) {
            for (Returns.Table t : r.tables()) {
                Returns.Breakdown rows = returns.breakdown(t.rows());
                Returns.Breakdown columns = returns.breakdown(t.columns());
                String dr = rows.dimension();
                String dc = columns.dimension();
                for (List<String> splits : List.of(List.of(dr, dc), List.of(dc, dr), List.of(dr), List.of(dc), List.<String>of())) {
                    add(family, base, splits, albania, false, PeriodType.YEAR, Optional.empty());
                }
                for (Returns.Category gr : rows.categories()) {
                    Optional<Criteria> withRow = gr.grouped() ? base.and(dr, gr.values()) : Optional.empty();
                    withRow.ifPresent(c -> {
                        add(family, c, List.of(dc), albania, false, PeriodType.YEAR, Optional.empty());
                        add(family, c, List.of(), albania, false, PeriodType.YEAR, Optional.empty());
                    });
                    for (Returns.Category gc : columns.categories()) {
                        if (gc.grouped()) {
                            Criteria withColumn = base.and(dc, gc.values()).orElseThrow();
                            add(family, withColumn, List.of(dr), albania, false, PeriodType.YEAR, Optional.empty());
                            add(family, withColumn, List.of(), albania, false, PeriodType.YEAR, Optional.empty());
                            withRow.flatMap(c -> c.and(dc, gc.values()))
                                    .ifPresent(c -> add(family, c, List.of(), albania, false, PeriodType.YEAR, Optional.empty()));
                        }
                    }
                }
            }
        }
    }

    private void addIndicator(Indicator i) {
        boolean children = i.measure() == Indicator.Measure.DISTINCT_CHILDREN;
        Family family = Family.of(i.fact(), i.date(), children);
        Criteria base = criteria(i.fact(), i.where());
        List<String> splits = i.dimensions().stream().filter(d -> !TERRITORY.contains(d)).toList();
        Set<Level> levels = i.dimensions().contains("county") ? EnumSet.of(Level.ALBANIA, Level.COUNTY) : EnumSet.of(Level.ALBANIA);
        Optional<Criteria> numerator = Optional.empty();
        Optional<Criteria> observations = Optional.empty();
        addTemplate(family, base, splits, levels, Optional.empty());
        if (i.publishedByMunicipality()) {
            add(family, base, List.of(), EnumSet.of(Level.ALBANIA, Level.COUNTY, Level.MUNICIPALITY), true, PeriodType.MONTH, Optional.empty());
        }
        if (i.unit() == Unit.PERCENT) {
            numerator = Optional.of(and(base, criteria(i.fact(), i.numeratorWhere())));
            addTemplate(family, numerator.get(), splits, levels, Optional.empty());
        }
        if (i.unit() == Unit.MEDIAN_DAYS) {
            String days = i.days().orElseThrow();
            Condition observed = new Condition(i.fact().daysExpression(days).orElseThrow(), Condition.Test.IS_NOT_NULL, List.of());
            flags.put(observed.canonical(), observed);
            observations = Optional.of(base.andFlags(List.of(observed.canonical())));
            addTemplate(family, observations.get(), splits, levels, Optional.of(days));
        }
        indicators.put(i.id(), new IndicatorCells(i, family, base, numerator, observations, splits));
    }

    /** A template's total (with rolling windows) and its split by each dimension. */
    private void addTemplate(Family family, Criteria criteria, List<String> splits, Set<Level> levels, Optional<String> medianDays) {
        add(family, criteria, List.of(), levels, true, PeriodType.MONTH, medianDays);
        for (String split : splits) {
            // A crossing lies in one county: by county, a crossing's figure would be its national figure again.
            Set<Level> at = split.equals("crossing") ? EnumSet.of(Level.ALBANIA) : levels;
            // The convergence page's median by first mechanism is asked over its spans, rolling windows included.
            add(family, criteria, List.of(split), at, split.equals("first_mechanism"), PeriodType.MONTH, medianDays);
        }
    }

    private void addConvergence(String start) {
        Family family = Family.of(FactTable.PATHWAY, CONVERGENCE_STARTS.get(start), true);
        Condition reached = new Condition("reached_" + start, Condition.Test.IS_TRUE, List.of());
        flags.put(reached.canonical(), reached);
        Criteria criteria = Criteria.ALL.andFlags(List.of(reached.canonical())).and("first_mechanism", start).orElseThrow();
        if (start.equals("nrm")) {
            criteria = criteria.and("age_band", new TreeSet<>(CHILD_AGE_BANDS)).orElseThrow();
        }
        Set<Level> levels = EnumSet.of(Level.ALBANIA, Level.COUNTY);
        add(family, criteria, List.of(), levels, true, PeriodType.MONTH, Optional.empty());
        add(family, criteria, List.of("outcome"), levels, true, PeriodType.MONTH, Optional.empty());
        add(family, criteria, List.of("nrm_delay_band"), levels, true, PeriodType.MONTH, Optional.empty());
        convergence.put(start, family);
        convergenceCriteria.put(start, criteria);
    }

    private void add(Family family, Criteria criteria, List<String> splits, Set<Level> levels, boolean rolling, PeriodType finest,
                     Optional<String> medianDays) {
        String id = ReleaseTable.idOf(family, criteria, splits);
        ReleaseTable known = tables.get(id);
        if (known != null) {
            Set<Level> all = EnumSet.copyOf(known.levels());
            all.addAll(levels);
            PeriodType finer = known.finest().ordinal() <= finest.ordinal() ? known.finest() : finest;
            tables.put(id, new ReleaseTable(id, family, criteria, splits, all, known.rolling() || rolling, finer,
                    known.medianDays().or(() -> medianDays)));
        } else {
            tables.put(id, new ReleaseTable(id, family, criteria, splits, levels, rolling, finest, medianDays));
        }
    }

    /** The catalogue's conditions as criteria: a test of a dimension's values restricts it, anything else is a flag. */
    private Criteria criteria(FactTable fact, List<Condition> conditions) {
        Criteria c = Criteria.ALL;
        List<String> other = new ArrayList<>();
        for (Condition condition : conditions) {
            Optional<String> dimension = fact.dimensionOfColumn(condition.column());
            if (condition.test() == Condition.Test.IN && dimension.isPresent()) {
                SortedSet<String> values = new TreeSet<>();
                condition.values().forEach(v -> values.add(String.valueOf(v)));
                c = c.and(dimension.get(), values).orElseThrow(() -> new IllegalStateException(
                        "Cannot plan the release: conditions on " + condition.column() + " exclude every row"));
            } else {
                flags.put(condition.canonical(), condition);
                other.add(condition.canonical());
            }
        }
        return c.andFlags(other);
    }

    private static Criteria and(Criteria a, Criteria b) {
        Criteria c = a.andFlags(b.flags());
        for (Map.Entry<String, SortedSet<String>> e : b.dimensions().entrySet()) {
            c = c.and(e.getKey(), e.getValue()).orElseThrow(() -> new IllegalStateException(
                    "Cannot plan the release: a numerator excludes every row of its denominator"));
        }
        return c;
    }

    public List<ReleaseTable> tables() {
        return List.copyOf(tables.values());
    }

    /** The SQL condition behind a flag of the criteria. */
    public Condition flag(String key) {
        Condition c = flags.get(key);
        if (c == null) {
            throw new IllegalArgumentException("Cannot plan the release: unknown flag " + key);
        }
        return c;
    }

    public Optional<IndicatorCells> indicator(String id) {
        return Optional.ofNullable(indicators.get(id));
    }

    public List<IndicatorCells> indicators() {
        return List.copyOf(indicators.values());
    }

    /** The family and criteria of the children first met by {@code start} (border, cpu, nrm). */
    public Family convergenceFamily(String start) {
        return convergence.get(start);
    }

    public Criteria convergenceCriteria(String start) {
        return convergenceCriteria.get(start);
    }
}
