package al.antitrafficking.warehouse.release;

import al.antitrafficking.warehouse.indicator.PeriodType;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lays the computed counts of every release table out as cells, before protection: zeros filled in where a source
 * reported and no row reached a cell, cells of a territory and period no file covered marked not reported (usually
 * zero; a pathway cell can count children there, and is then protected as an unknown: {@code LinearAuditor.unknown}), and for each table and territory level the finest period grain that stays safe: months when at
 * most {@code maxSmallShare} of the cells some row reached are small counts, else quarters, else years, else (but for
 * Albania's totals) not at that level at all. A grain published by the previous release is kept, and so is a level it
 * did not publish: a revision keeps the previous layout (a correction then changes figures, not tables).
 */
final class Tabulation {
    /** The places cells cover: counties, and each county's municipalities. */
    record Places(List<String> counties, Map<String, List<String>> municipalities) {}

    /** Where the data stand: the snapshot's first and last month, and which source sent which county-month. */
    record Coverage(YearMonth first, YearMonth last, Set<String> reported) {
        static String key(String source, String county, YearMonth month) {
            return source + '|' + county + '|' + month;
        }

        /** Whether the source sent any of the counties for any of the months (of a period) within the data's first and last. */
        boolean covers(Optional<String> source, List<String> counties, List<YearMonth> months) {
            for (YearMonth m : months) {
                if (m.isBefore(first) || m.isAfter(last)) {
                    continue;
                }
                for (String c : counties) {
                    if (reported.contains(key(source.orElse("*"), c, m))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The rolling windows the overview compares: the last twelve months, and the twelve before them when covered. */
        List<YearMonth[]> windows() {
            List<YearMonth[]> windows = new ArrayList<>();
            windows.add(new YearMonth[] {last.minusMonths(11), last});
            if (!last.minusMonths(23).isBefore(first)) {
                windows.add(new YearMonth[] {last.minusMonths(23), last.minusMonths(12)});
            }
            return windows;
        }
    }

    /** The share of small cells a table may have by year, its last chance before it is not published at a level. */
    static final double YEARLY_SMALL_SHARE = 0.5;

    private final Places places;
    private final Coverage coverage;
    private final int minCount;
    private final double maxSmallShare;
    private final Map<String, PeriodType> keptGrains;
    private final java.util.Set<String> keptDropped;
    final CellSet cells = new CellSet();
    final Map<String, Layout> layouts = new LinkedHashMap<>();
    /** The months of each period laid out, parsed once rather than for each of its cells. */
    private final Map<String, List<YearMonth>> monthsOf = new HashMap<>();

    Tabulation(Places places, Coverage coverage, int minCount, double maxSmallShare, Map<String, PeriodType> keptGrains) {
        this(places, coverage, minCount, maxSmallShare, keptGrains, java.util.Set.of());
    }

    /** {@code keptDropped}: tables and levels (id|level) the previous release did not publish, which stay unpublished. */
    Tabulation(Places places, Coverage coverage, int minCount, double maxSmallShare, Map<String, PeriodType> keptGrains,
               java.util.Set<String> keptDropped) {
        this.places = places;
        this.coverage = coverage;
        this.minCount = minCount;
        this.maxSmallShare = maxSmallShare;
        this.keptGrains = keptGrains;
        this.keptDropped = keptDropped;
    }

    /** The true counts of a release read back from its internal ledger, instead of computed from the facts (audits). */
    private Map<CellKey, ReleaseCell> ledger;

    /**
     * A release laid out again from its ledger: the same tables, grains, values and true counts, so that its linked system
     * can be audited after its facts are pruned.
     */
    static Tabulation fromLedger(Places places, Coverage coverage, int minCount, ReleasePlan plan, Ledger.Loaded internal,
                                 List<Ledger.TableRow> rows) {
        Tabulation t = new Tabulation(places, coverage, minCount, 0, internal.grains());
        t.ledger = internal.cells();
        Map<String, List<List<String>>> domains = new HashMap<>();
        rows.forEach(r -> domains.put(r.table(), r.domains()));
        Map<String, Optional<PeriodType>> grains = new HashMap<>();
        for (ReleaseTable table : plan.tables()) {
            if (!domains.containsKey(table.id())) {
                continue;
            }
            t.computed.put(table.id(), new Computed(table, Map.of(), domains.get(table.id())));
            for (Level level : table.levels()) {
                String key = grainKey(table, level);
                grains.put(key, Optional.ofNullable(internal.grains().get(key)));
            }
        }
        t.layOut(grains);
        return t;
    }

    /** The key of a table's grain at a level, as the ledger keeps it. */
    static String grainKey(ReleaseTable t, Level level) {
        return t.id() + "|" + level;
    }

    /** One table's computed cells, indexed, with the values its splits take. */
    private record Computed(ReleaseTable table, Map<String, CellComputer.Raw> byKey, List<List<String>> domains) {}

    private final Map<String, Computed> computed = new LinkedHashMap<>();
    /** For each cell, the tables and levels it was laid out in (table id|level). */
    final Map<Integer, List<String>> owners = new HashMap<>();

    /** Takes one table's computed cells; {@link #layOut} then decides grains and makes the cells. */
    void add(ReleaseTable t, List<CellComputer.Raw> raw) {
        Map<String, CellComputer.Raw> byKey = new HashMap<>();
        List<TreeSet<String>> values = new ArrayList<>();
        t.splits().forEach(s -> values.add(new TreeSet<>()));
        for (CellComputer.Raw r : raw) {
            byKey.put(r.key(), r);
            for (int i = 0; i < r.splitValues().size(); i++) {
                values.get(i).add(r.splitValues().get(i));
            }
        }
        List<List<String>> domains = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            TreeSet<String> domain = values.get(i);
            // A split the criteria restrict counts only the values they allow, even where no row had one yet.
            Optional.ofNullable(t.criteria().dimensions().get(t.splits().get(i))).ifPresent(domain::addAll);
            domains.add(List.copyOf(domain));
        }
        computed.put(t.id(), new Computed(t, byKey, domains));
    }

    /**
     * Decides each table's grain at each level (given in {@code grains} by the builder, which coarsens what it cannot
     * protect; else kept from the previous release; else the finest safe one) and lays the cells out; an empty grain
     * in {@code grains} drops the level.
     */
    void layOut(Map<String, Optional<PeriodType>> grains) {
        Map<String, PeriodType> chosen = new HashMap<>();
        for (Computed c : computed.values()) {
            ReleaseTable t = c.table();
            List<List<String>> combinations = new Layout(t, c.domains()).combinations();
            for (Level level : t.levels()) {
                String key = grainKey(t, level);
                PeriodType grain = grains.containsKey(key) ? grains.get(key).orElse(null)
                        : keptGrains.containsKey(key) ? keptGrains.get(key)
                        : keptDropped.contains(key) ? null : safeGrain(c, level, combinations);
                if (grain != null) {
                    chosen.put(key, grain);
                }
            }
        }
        if (ledger == null) {
            // A release laid out again from its ledger is audited as it was published, grain for grain.
            followParts(chosen);
        }
        for (Computed c : computed.values()) {
            ReleaseTable t = c.table();
            Layout layout = new Layout(t, c.domains());
            List<List<String>> combinations = layout.combinations();
            for (Level level : Level.values()) {
                PeriodType grain = t.levels().contains(level) ? chosen.get(grainKey(t, level)) : null;
                if (grain == null) {
                    continue;
                }
                layout.grains.put(level, grain);
                for (PeriodType type : List.of(PeriodType.MONTH, PeriodType.QUARTER, PeriodType.YEAR, PeriodType.RANGE)) {
                    if (layout.has(level, type)) {
                        for (String period : periods(type)) {
                            for (String territory : territories(level)) {
                                for (List<String> combination : combinations) {
                                    addCell(layout, level, territory, period, combination, c.byKey());
                                }
                            }
                        }
                    }
                }
            }
            layouts.put(t.id(), layout);
        }
    }

    /**
     * A table counting a set of a dimension's values (ages 0-17, unaccompanied or separated) is published only where the
     * table of those values one by one (planned at that level) is, and no finer: the linked system knows the set as the sum
     * of its values only through that table. Published without it, the set's cells and the margins could give back the
     * cells of the table not published (which are then in no relation the protection sees). A set with no such table
     * planned is related to nothing by sum and is left as it is; rolling windows follow their months.
     */
    private void followParts(Map<String, PeriodType> chosen) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Computed c : computed.values()) {
                ReleaseTable t = c.table();
                for (Map.Entry<String, java.util.SortedSet<String>> e : t.criteria().dimensions().entrySet()) {
                    if (e.getValue().size() < 2) {
                        continue;
                    }
                    java.util.TreeMap<String, java.util.SortedSet<String>> without = new java.util.TreeMap<>(t.criteria().dimensions());
                    without.remove(e.getKey());
                    List<String> splits = new ArrayList<>(t.splits());
                    splits.add(e.getKey());
                    Computed parts = computed.get(ReleaseTable.idOf(t.family(), new Criteria(without, t.criteria().flags()), splits));
                    if (parts == null) {
                        continue;
                    }
                    for (Level level : t.levels()) {
                        String key = grainKey(t, level);
                        if (!chosen.containsKey(key) || !parts.table().levels().contains(level)) {
                            continue;
                        }
                        PeriodType partsGrain = chosen.get(grainKey(parts.table(), level));
                        if (partsGrain == null) {
                            chosen.remove(key);
                            changed = true;
                        } else if (partsGrain.ordinal() > chosen.get(key).ordinal()) {
                            chosen.put(key, partsGrain);
                            changed = true;
                        }
                    }
                }
            }
        }
    }

    /**
     * The tables and levels a cell was laid out in; a hidden complement belongs to the tables of the smaller of the two
     * cells it is the difference of (a percentage's numerator, not its denominator).
     */
    List<String> ownersOf(int cell) {
        List<String> direct = owners.get(cell);
        if (direct != null) {
            return direct;
        }
        CellKey key = cells.keys.get(cell);
        List<String> all = new ArrayList<>();
        Integer id = cells.index.get(CellKey.of(key.family(), key.inner(), key.territory(), key.period()));
        if (id != null && owners.containsKey(id)) {
            all.addAll(owners.get(id));
        }
        return all;
    }

    /** The grain a table has at a level, once laid out. */
    Optional<PeriodType> grain(String tableAndLevel) {
        int bar = tableAndLevel.lastIndexOf('|');
        Layout l = layouts.get(tableAndLevel.substring(0, bar));
        return l == null ? Optional.empty() : Optional.ofNullable(l.grains.get(Level.valueOf(tableAndLevel.substring(bar + 1))));
    }

    private void addCell(Layout layout, Level level, String territory, String period, List<String> combination,
                         Map<String, CellComputer.Raw> byKey) {
        ReleaseTable t = layout.table;
        Optional<Criteria> criteria = Optional.of(t.criteria());
        for (int i = 0; i < combination.size() && criteria.isPresent(); i++) {
            criteria = criteria.get().and(t.splits().get(i), combination.get(i));
        }
        if (criteria.isEmpty()) {
            return;
        }
        CellKey key = CellKey.of(t.family().id(), criteria.get().key(), territory, period);
        int id;
        if (ledger != null) {
            ReleaseCell known = ledger.get(key);
            if (known == null) {
                throw new IllegalStateException("Cannot lay out the release again: its ledger holds no cell " + key);
            }
            id = cells.add(key, known.truth(), known.median(), known.status() == ReleaseCell.Status.NOT_REPORTED);
        } else {
            CellComputer.Raw r = byKey.get(rawKey(level, territory, period, combination));
            boolean reported = coverage.covers(t.family().fact().source(), countiesOf(territory),
                    monthsOf.computeIfAbsent(period, PeriodType::months));
            id = cells.add(key, r == null ? 0 : r.count(), r == null ? null : r.median(), !reported);
        }
        layout.put(territory, period, combination, id);
        owners.computeIfAbsent(id, k -> new ArrayList<>(1)).add(grainKey(t, level));
    }

    /**
     * The finest grain at which at most maxSmallShare of the cells some row reached are small counts, counting also what
     * the table leaves out of each table that holds it (a percentage's complement): that is printed too, by subtraction.
     * Null when not even years are safe.
     */
    private PeriodType safeGrain(Computed c, Level level, List<List<String>> combinations) {
        ReleaseTable t = c.table();
        List<Computed> outers = computed.values().stream().filter(o -> o != c && o.table().family().equals(t.family())
                && o.table().splits().equals(t.splits()) && t.criteria().within(o.table().criteria())).toList();
        for (PeriodType type : List.of(PeriodType.MONTH, PeriodType.QUARTER, PeriodType.YEAR)) {
            if (type.ordinal() < t.finest().ordinal()) {
                continue;
            }
            long nonZero = 0;
            long small = 0;
            for (String period : periods(type)) {
                for (String territory : territories(level)) {
                    for (List<String> combination : combinations) {
                        String key = rawKey(level, territory, period, combination);
                        long v = count(c, key);
                        nonZero += v > 0 ? 1 : 0;
                        small += v > 0 && v < minCount ? 1 : 0;
                        for (Computed o : outers) {
                            long d = count(o, key) - v;
                            nonZero += d > 0 ? 1 : 0;
                            small += d > 0 && d < minCount ? 1 : 0;
                        }
                    }
                }
            }
            // By year, the last grain before not publishing at all, a table is published when most of it can be.
            double limit = type == PeriodType.YEAR ? Math.max(maxSmallShare, YEARLY_SMALL_SHARE) : maxSmallShare;
            if (small <= limit * nonZero) {
                return type;
            }
        }
        // Albania's totals are always published by year, withheld where small: the least a release can say.
        return level == Level.ALBANIA && t.splits().isEmpty() ? PeriodType.YEAR : null;
    }

    private static long count(Computed c, String key) {
        CellComputer.Raw r = c.byKey().get(key);
        return r == null ? 0 : r.count();
    }

    List<String> periods(PeriodType type) {
        if (type == PeriodType.RANGE) {
            return coverage.windows().stream().map(w -> w[0] + "/" + w[1]).toList();
        }
        return type.labels(coverage.first(), coverage.last());
    }

    List<String> territories(Level level) {
        return switch (level) {
            case ALBANIA -> List.of(CellKey.ALBANIA);
            case COUNTY -> places.counties();
            case MUNICIPALITY -> {
                List<String> all = new ArrayList<>();
                for (String county : places.counties()) {
                    all.addAll(municipalitiesOf(county));
                }
                yield all;
            }
        };
    }

    /** A county's municipalities, and the bucket of its rows that name none. */
    List<String> municipalitiesOf(String county) {
        List<String> all = new ArrayList<>(places.municipalities().getOrDefault(county, List.of()));
        all.add(county + CellKey.NO_MUNICIPALITY + Criteria.NOT_RECORDED);
        return all;
    }

    private List<String> countiesOf(String territory) {
        if (territory.equals(CellKey.ALBANIA)) {
            return places.counties();
        }
        if (territory.startsWith("AL-")) {
            return List.of(territory.substring(0, 5));
        }
        for (Map.Entry<String, List<String>> e : places.municipalities().entrySet()) {
            if (e.getValue().contains(territory)) {
                return List.of(e.getKey());
            }
        }
        return List.of();
    }

    static String rawKey(Level level, String territory, String period, List<String> values) {
        return level + "|" + territory + "|" + period + "|" + String.join("\u0001", values);
    }

    /** The cells laid out so far: keys, true counts, medians, and which are not reported. */
    static final class CellSet {
        final List<CellKey> keys = new ArrayList<>();
        final List<Long> truth = new ArrayList<>();
        final List<Double> medians = new ArrayList<>();
        final BitSet notReported = new BitSet();
        final Map<CellKey, Integer> index = new HashMap<>();

        /** Adds a cell, or returns the one with the same key, which must count the same. */
        int add(CellKey key, long count, Double median, boolean unreported) {
            Integer known = index.get(key);
            if (known != null) {
                if (truth.get(known) != count) {
                    throw new IllegalStateException("Cannot lay out the release: two tables compute cell " + key
                            + " differently, so their criteria are not what the plan says");
                }
                if (median != null && medians.get(known) == null) {
                    medians.set(known, median);
                }
                return known;
            }
            int id = keys.size();
            keys.add(key);
            truth.add(count);
            medians.add(median);
            if (unreported) {
                notReported.set(id);
            }
            index.put(key, id);
            return id;
        }

        int size() {
            return keys.size();
        }
    }
}
