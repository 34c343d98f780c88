package al.antitrafficking.warehouse.release;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many of a cell's rows saw each number of days (a histogram): what a cell's median is read from. Unlike a median,
 * it adds up, so a correction takes off the changed children's old rows and adds their new ones as it does for counts
 * ({@link CorrectedCells}) instead of scanning every row of the fact again.
 *
 * <p>The median is DuckDB's {@code median()}, a continuous quantile: the middle value, or halfway between the two
 * middle values ({@code lo + 0.5 * (hi - lo)}, as DuckDB interpolates), over the rows whose days are known.
 */
final class DayCounts {
    private final long[] days;
    private final long[] counts;

    private DayCounts(long[] days, long[] counts) {
        this.days = days;
        this.counts = counts;
    }

    /**
     * From a map of days to counts (DuckDB's {@code histogram()} read through JDBC, or a correction's sums, none below
     * zero); null for no rows.
     */
    static DayCounts of(Map<?, ?> histogram) {
        if (histogram == null || histogram.isEmpty()) {
            return null;
        }
        TreeMap<Long, Long> sorted = new TreeMap<>();
        histogram.forEach((d, n) -> {
            if (!(d instanceof Long || d instanceof Integer)) {
                throw new IllegalStateException("a median is of whole days, not of " + d.getClass().getSimpleName());
            }
            sorted.merge(((Number) d).longValue(), ((Number) n).longValue(), Long::sum);
        });
        return of(sorted);
    }

    private static DayCounts of(TreeMap<Long, Long> sorted) {
        sorted.values().removeIf(n -> n == 0);
        if (sorted.isEmpty()) {
            return null;
        }
        long[] days = new long[sorted.size()];
        long[] counts = new long[sorted.size()];
        int i = 0;
        for (Map.Entry<Long, Long> e : sorted.entrySet()) {
            days[i] = e.getKey();
            counts[i++] = e.getValue();
        }
        return new DayCounts(days, counts);
    }

    /** Adds {@code sign} times these counts to {@code sums} (days to counts): a correction's arithmetic. */
    void addTo(Map<Long, Long> sums, int sign) {
        for (int i = 0; i < days.length; i++) {
            sums.merge(days[i], sign * counts[i], Long::sum);
        }
    }

    /** The median of the days, as DuckDB's {@code median()} gives it. */
    double median() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        double lo = at((n - 1) / 2);
        double hi = at(n / 2);
        return lo + 0.5 * (hi - lo);
    }

    /** The value at a 0-based position of the sorted rows. */
    private long at(long position) {
        long seen = 0;
        for (int i = 0; i < days.length; i++) {
            seen += counts[i];
            if (position < seen) {
                return days[i];
            }
        }
        throw new IllegalStateException("no row at " + position);
    }

    /** As the kept cells write it: {@code days:count} pairs separated by spaces, days ascending. */
    String text() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < days.length; i++) {
            s.append(i == 0 ? "" : " ").append(days[i]).append(':').append(counts[i]);
        }
        return s.toString();
    }

    /** Reads {@link #text()}; null for an empty text. */
    static DayCounts parse(String text) {
        if (text.isEmpty()) {
            return null;
        }
        String[] pairs = text.split(" ");
        long[] days = new long[pairs.length];
        long[] counts = new long[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            int colon = pairs[i].indexOf(':');
            days[i] = Long.parseLong(pairs[i], 0, colon, 10);
            counts[i] = Long.parseLong(pairs[i], colon + 1, pairs[i].length(), 10);
            if (counts[i] <= 0 || i > 0 && days[i] <= days[i - 1]) {
                throw new IllegalArgumentException("day counts out of order or not positive: " + text);
            }
        }
        return new DayCounts(days, counts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DayCounts d && Arrays.equals(days, d.days) && Arrays.equals(counts, d.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(days) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "{" + text() + "}";
    }
}
