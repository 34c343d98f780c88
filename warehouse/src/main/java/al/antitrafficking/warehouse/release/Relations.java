package al.antitrafficking.warehouse.release;

import al.antitrafficking.warehouse.disclosure.LinkedSystem;
import al.antitrafficking.warehouse.disclosure.Relation;
import al.antitrafficking.warehouse.indicator.PeriodType;
import java.util.ArrayList;
import java.time.YearMonth;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Everything a reader of the whole release knows links its cells, as relations of a {@link LinkedSystem}:
 * <ul>
 *   <li>time: a quarter and its months, a year and its quarters, a rolling window and its twelve months;</li>
 *   <li>territory: Albania and its counties, a county and its municipalities (and its rows of no municipality);</li>
 *   <li>dimensions: a total and its parts by each split, a pair table and its margins, a value set (unaccompanied or
 *       separated) and its values;</li>
 *   <li>complements: where one table's criteria lie within another's (a percentage's numerator in its denominator,
 *       officially identified victims among all victims), a hidden cell for what one counts and the other does not,
 *       which a reader gets by subtraction; hidden cells are linked over time, territory and splits like their tables.</li>
 * </ul>
 * Rows and one-row-per-child facts add up exactly; distinct children otherwise only within bounds, and the hidden
 * complements of distinct children add up only for an attacker who assumes each child is counted once.
 */
final class Relations {
    private static final List<PeriodType> TYPES = List.of(PeriodType.MONTH, PeriodType.QUARTER, PeriodType.YEAR, PeriodType.RANGE);

    private final Tabulation tabulation;
    private final List<Relation> relations = new ArrayList<>();
    /** The hidden difference tables, by inner and outer table id. */
    private final Map<List<String>, Layout> differences = new LinkedHashMap<>();
    /** {@link #inside} worked out once per period and finer type, not once per table and level. */
    private final Map<String, List<String>> inside = new HashMap<>();

    Relations(Tabulation tabulation) {
        this.tabulation = tabulation;
    }

    /** Adds the hidden difference cells, then returns the linked system of all cells. */
    LinkedSystem system() {
        List<Layout> layouts = List.copyOf(tabulation.layouts.values());
        for (Layout a : layouts) {
            for (Layout b : layouts) {
                if (a != b && a.table.family().equals(b.table.family()) && a.table.splits().equals(b.table.splits())
                        && a.table.criteria().within(b.table.criteria())) {
                    differences.put(List.of(a.table.id(), b.table.id()), differences(a, b));
                }
            }
        }
        for (Layout layout : layouts) {
            Relation.Kind kind = layout.table.family().additive() ? Relation.Kind.EXACT : Relation.Kind.DISTINCT;
            time(layout, kind);
            territory(layout, kind);
            splits(layout, kind);
            valueSets(layout, kind);
        }
        for (Map.Entry<List<String>, Layout> d : differences.entrySet()) {
            Layout layout = d.getValue();
            Relation.Kind kind = layout.table.family().additive() ? Relation.Kind.EXACT : Relation.Kind.IF_ADDITIVE;
            time(layout, kind);
            territory(layout, kind);
            differenceSplits(d.getKey(), layout, kind);
        }
        Tabulation.CellSet cells = tabulation.cells;
        long[] truth = new long[cells.size()];
        BitSet hidden = new BitSet();
        for (int i = 0; i < truth.length; i++) {
            truth[i] = cells.truth.get(i);
            if (cells.keys.get(i).difference()) {
                hidden.set(i);
            }
        }
        boolean[] notReported = new boolean[cells.size()];
        for (int i = cells.notReported.nextSetBit(0); i >= 0; i = cells.notReported.nextSetBit(i + 1)) {
            notReported[i] = true;
        }
        LinkedSystem system = new LinkedSystem(truth, notReported, hidden, cells.keys.stream().map(CellKey::toString).toList());
        relations.forEach(system::add);
        return system;
    }

    private void add(int total, List<Integer> parts, Relation.Kind kind) {
        if (!parts.isEmpty()) {
            relations.add(new Relation(total, parts.stream().mapToInt(Integer::intValue).toArray(), kind));
        }
    }

    private void time(Layout l, Relation.Kind kind) {
        List<List<String>> combinations = l.combinations();
        for (Level level : l.grains.keySet()) {
            for (PeriodType coarse : List.of(PeriodType.QUARTER, PeriodType.YEAR, PeriodType.RANGE)) {
                PeriodType fine = coarse == PeriodType.YEAR ? PeriodType.QUARTER : PeriodType.MONTH;
                if (!l.has(level, coarse) || !l.has(level, fine)) {
                    continue;
                }
                for (String period : tabulation.periods(coarse)) {
                    List<String> inside = inside(period, fine);
                    for (String territory : tabulation.territories(level)) {
                        for (List<String> c : combinations) {
                            l.cell(territory, period, c).ifPresent(total -> add(total,
                                    inside.stream().map(f -> l.cell(territory, f, c)).flatMap(Optional::stream).toList(), kind));
                        }
                    }
                }
            }
        }
    }

    /** The periods of type {@code fine} that lie within {@code period}, in the tabulation's order: the same for every table. */
    private List<String> inside(String period, PeriodType fine) {
        return inside.computeIfAbsent(period + ' ' + fine, k -> {
            List<YearMonth> months = PeriodType.months(period);
            return tabulation.periods(fine).stream().filter(f -> months.containsAll(PeriodType.months(f))).toList();
        });
    }

    private void territory(Layout l, Relation.Kind kind) {
        List<List<String>> combinations = l.combinations();
        for (PeriodType type : TYPES) {
            for (String period : tabulation.periods(type)) {
                for (List<String> c : combinations) {
                    if (l.has(Level.ALBANIA, type) && l.has(Level.COUNTY, type)) {
                        l.cell(CellKey.ALBANIA, period, c).ifPresent(total -> add(total, tabulation.territories(Level.COUNTY).stream()
                                .map(t -> l.cell(t, period, c)).flatMap(Optional::stream).toList(), kind));
                    }
                    if (l.has(Level.COUNTY, type) && l.has(Level.MUNICIPALITY, type)) {
                        for (String county : tabulation.territories(Level.COUNTY)) {
                            l.cell(county, period, c).ifPresent(total -> add(total, tabulation.municipalitiesOf(county).stream()
                                    .map(m -> l.cell(m, period, c)).flatMap(Optional::stream).toList(), kind));
                        }
                    }
                }
            }
        }
    }

    /** For each split, the table without it holds the totals of its parts. */
    private void splits(Layout l, Relation.Kind kind) {
        List<String> splits = l.table.splits();
        for (int d = 0; d < splits.size(); d++) {
            Layout parent = tabulation.layouts.get(ReleaseTable.idOf(l.table.family(), l.table.criteria(), without(splits, d)));
            if (parent != null) {
                sum(parent, l, d, l.domains.get(d), kind);
            }
        }
    }

    /** A hidden difference table's splits, summed into the difference table of the same two tables without the split. */
    private void differenceSplits(List<String> pair, Layout l, Relation.Kind kind) {
        List<String> splits = l.table.splits();
        Layout inner = tabulation.layouts.get(pair.get(0));
        Layout outer = tabulation.layouts.get(pair.get(1));
        for (int d = 0; d < splits.size(); d++) {
            List<String> rest = without(splits, d);
            Layout parent = differences.get(List.of(ReleaseTable.idOf(inner.table.family(), inner.table.criteria(), rest),
                    ReleaseTable.idOf(outer.table.family(), outer.table.criteria(), rest)));
            if (parent != null) {
                sum(parent, l, d, l.domains.get(d), kind);
            }
        }
    }

    private static List<String> without(List<String> splits, int d) {
        List<String> rest = new ArrayList<>(splits);
        rest.remove(d);
        return rest;
    }

    /** A value set of the criteria (unaccompanied or separated) is the sum of its values in the table split by it. */
    private void valueSets(Layout l, Relation.Kind kind) {
        Criteria criteria = l.table.criteria();
        for (Map.Entry<String, SortedSet<String>> e : criteria.dimensions().entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            TreeMap<String, SortedSet<String>> without = new TreeMap<>(criteria.dimensions());
            without.remove(e.getKey());
            List<String> splits = new ArrayList<>(l.table.splits());
            splits.add(e.getKey());
            Layout parts = tabulation.layouts.get(ReleaseTable.idOf(l.table.family(), new Criteria(without, criteria.flags()), splits));
            if (parts != null) {
                List<String> values = parts.domains.get(splits.size() - 1).stream().filter(e.getValue()::contains).toList();
                sum(l, parts, splits.size() - 1, values, kind);
            }
        }
    }

    /** Each cell of {@code totals} is the sum of the cells of {@code parts} that split it further by split {@code d}. */
    private void sum(Layout totals, Layout parts, int d, List<String> values, Relation.Kind kind) {
        List<List<String>> combinations = totals.combinations();
        for (Level level : parts.grains.keySet()) {
            for (PeriodType type : TYPES) {
                if (!parts.has(level, type) || !totals.has(level, type)) {
                    continue;
                }
                for (String period : tabulation.periods(type)) {
                    for (String territory : tabulation.territories(level)) {
                        for (List<String> c : combinations) {
                            Optional<Integer> total = totals.cell(territory, period, c);
                            if (total.isEmpty()) {
                                continue;
                            }
                            List<Integer> cells = new ArrayList<>();
                            for (String v : values) {
                                List<String> full = new ArrayList<>(c);
                                full.add(d, v);
                                parts.cell(territory, period, full).ifPresent(cells::add);
                            }
                            add(total.get(), cells, kind);
                        }
                    }
                }
            }
        }
    }

    /**
     * Cells of {@code inner} lie within cells of {@code outer}: what outer counts and inner does not is a hidden cell,
     * and outer = inner + hidden. Returns the hidden cells laid out like inner, at the grains both publish.
     */
    private Layout differences(Layout inner, Layout outer) {
        Tabulation.CellSet cells = tabulation.cells;
        Layout hidden = new Layout(inner.table, inner.domains);
        List<List<String>> combinations = inner.combinations();
        for (Level level : inner.grains.keySet()) {
            PeriodType a = inner.grains.get(level);
            PeriodType b = outer.grains.get(level);
            if (b != null) {
                hidden.grains.put(level, a.ordinal() >= b.ordinal() ? a : b);
            }
        }
        for (Level level : hidden.grains.keySet()) {
            for (PeriodType type : TYPES) {
                if (!inner.has(level, type) || !outer.has(level, type)) {
                    continue;
                }
                for (String period : tabulation.periods(type)) {
                    for (String territory : tabulation.territories(level)) {
                        for (List<String> c : combinations) {
                            Optional<Integer> in = inner.cell(territory, period, c);
                            Optional<Integer> out = outer.cell(territory, period, c);
                            if (in.isEmpty() || out.isEmpty() || in.get().equals(out.get())) {
                                continue;
                            }
                            CellKey outerKey = cells.keys.get(out.get());
                            CellKey key = new CellKey(outerKey.family(), outerKey.criteria(), cells.keys.get(in.get()).criteria(),
                                    territory, period);
                            int diff = cells.add(key, cells.truth.get(out.get()) - cells.truth.get(in.get()), null,
                                    cells.notReported.get(out.get()));
                            hidden.put(territory, period, c, diff);
                            add(out.get(), List.of(in.get(), diff), Relation.Kind.EXACT);
                        }
                    }
                }
            }
        }
        return hidden;
    }
}
