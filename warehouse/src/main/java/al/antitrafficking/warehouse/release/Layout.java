package al.antitrafficking.warehouse.release;

import al.antitrafficking.warehouse.indicator.PeriodType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where one release table's cells sit: for each territory level the finest period grain published (coarser grains
 * and, where months are published, the rolling windows come with it), the values each split dimension takes, and the
 * index of every cell by territory, period and split values.
 */
final class Layout {
    final ReleaseTable table;
    final List<List<String>> domains;
    final Map<Level, PeriodType> grains = new EnumMap<>(Level.class);
    private final Map<Key, Integer> cells = new HashMap<>();

    /**
     * A cell's place: a record of the strings given rather than one string joined from them, whose hash would be
     * computed anew at every look-up (the relations of a 10M release look up about a million).
     */
    private record Key(String territory, String period, List<String> values) {}

    Layout(ReleaseTable table, List<List<String>> domains) {
        this.table = table;
        this.domains = domains;
    }

    /** Whether the table publishes periods of this type at this level. */
    boolean has(Level level, PeriodType type) {
        PeriodType finest = grains.get(level);
        if (finest == null) {
            return false;
        }
        if (type == PeriodType.RANGE) {
            return finest == PeriodType.MONTH && table.rolling() && level != Level.MUNICIPALITY;
        }
        return type.ordinal() >= finest.ordinal();
    }

    void put(String territory, String period, List<String> values, int cell) {
        cells.put(key(territory, period, values), cell);
    }

    Optional<Integer> cell(String territory, String period, List<String> values) {
        return Optional.ofNullable(cells.get(key(territory, period, values)));
    }

    /** Every combination of the split dimensions' values, in order. */
    List<List<String>> combinations() {
        List<List<String>> all = new ArrayList<>();
        all.add(List.of());
        for (List<String> domain : domains) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : all) {
                for (String v : domain) {
                    List<String> c = new ArrayList<>(prefix);
                    c.add(v);
                    next.add(List.copyOf(c));
                }
            }
            all = next;
        }
        return all;
    }

    private static Key key(String territory, String period, List<String> values) {
        return new Key(territory, period, values);
    }
}
