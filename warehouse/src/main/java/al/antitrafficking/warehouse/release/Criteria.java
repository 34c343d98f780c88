package al.antitrafficking.warehouse.release;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which rows of a family a cell counts, in a canonical form: dimensions restricted to sets of values, and flags
 * (any other condition, by its canonical text). Two indicators that count the same rows have equal criteria,
 * so their figures are one cell of the release, withheld or published together: "child victims officially
 * identified" is "child victims" with status {identified}. A dimension absent from the criteria is not restricted;
 * {@link #NOT_RECORDED} stands for a row whose dimension is empty.
 */
public record Criteria(SortedMap<String, SortedSet<String>> dimensions, SortedSet<String> flags) {
    public static final String NOT_RECORDED = "not_recorded";
    public static final Criteria ALL = new Criteria(new TreeMap<>(), new TreeSet<>());

    public Criteria {
        SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
        dimensions.forEach((d, values) -> {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("Cannot make criteria: dimension " + d + " allows no value");
            }
            copy.put(d, Collections.unmodifiableSortedSet(new TreeSet<>(values)));
        });
        dimensions = Collections.unmodifiableSortedMap(copy);
        flags = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(flags, "flags is null")));
    }

    /** These criteria and a dimension restricted to {@code values} (intersected with any restriction already there). */
    public Optional<Criteria> and(String dimension, SortedSet<String> values) {
        SortedMap<String, SortedSet<String>> d = new TreeMap<>(dimensions);
        SortedSet<String> kept = new TreeSet<>(values);
        if (dimensions.containsKey(dimension)) {
            kept.retainAll(dimensions.get(dimension));
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        d.put(dimension, kept);
        return Optional.of(new Criteria(d, flags));
    }

    public Optional<Criteria> and(String dimension, String value) {
        return and(dimension, new TreeSet<>(java.util.List.of(value)));
    }

    /** These criteria and more flags. */
    public Criteria andFlags(java.util.Collection<String> more) {
        SortedSet<String> f = new TreeSet<>(flags);
        f.addAll(more);
        return new Criteria(dimensions, f);
    }

    /** Whether every row these criteria count is also counted by {@code outer}. */
    public boolean within(Criteria outer) {
        if (!flags.containsAll(outer.flags)) {
            return false;
        }
        for (Map.Entry<String, SortedSet<String>> e : outer.dimensions.entrySet()) {
            SortedSet<String> mine = dimensions.get(e.getKey());
            if (mine == null || !e.getValue().containsAll(mine)) {
                return false;
            }
        }
        return true;
    }

    /** The canonical text of these criteria, the same for equal criteria. */
    public String key() {
        StringBuilder s = new StringBuilder();
        dimensions.forEach((d, values) -> s.append(s.isEmpty() ? "" : ";").append(d).append('=').append(String.join(",", values)));
        flags.forEach(f -> s.append(s.isEmpty() ? "" : ";").append('@').append(f));
        return s.isEmpty() ? "*" : s.toString();
    }

    @Override
    public String toString() {
        return key();
    }
}
