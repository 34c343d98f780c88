package al.antitrafficking.warehouse.release;

import static java.util.Objects.requireNonNull;

/**
 * One cell of the release: a family's rows meeting criteria (canonical text), in a territory (AL for Albania, a
 * county's ISO code, a municipality's LAU code, or {@code AL-07~not_recorded} for a county's rows of no municipality),
 * in a period (2025-03, 2025-Q1, 2025, or a rolling window 2025-11/2026-10). A difference cell ({@code inner} set)
 * counts the rows of {@code criteria} that {@code inner} does not: the complement a reader gets by subtracting two
 * published figures, which is protected like any other cell.
 */
public record CellKey(String family, String criteria, String inner, String territory, String period) {
    public static final String ALBANIA = "AL";
    public static final char NO_MUNICIPALITY = '~';

    public CellKey {
        requireNonNull(family, "family is null");
        requireNonNull(criteria, "criteria is null");
        requireNonNull(territory, "territory is null");
        requireNonNull(period, "period is null");
    }

    public static CellKey of(String family, String criteria, String territory, String period) {
        return new CellKey(family, criteria, null, territory, period);
    }

    public boolean difference() {
        return inner != null;
    }

    public CellKey withTerritory(String t) {
        return new CellKey(family, criteria, inner, t, period);
    }

    public CellKey withPeriod(String p) {
        return new CellKey(family, criteria, inner, territory, p);
    }

    /**
     * A hash that mixes the fields with a large multiplier. A record's own is 31 times the territory's hash plus the
     * period's, and those differ by small steps (AL-06 and AL-07; 2025-01 and 2025-11), so that AL-07 in 2025-01 and
     * AL-06 in 2025-11 share a hash: a release's maps of cells had buckets of many keys (trees, in a profile of 10M
     * corrections).
     */
    @Override
    public int hashCode() {
        long h = family.hashCode();
        h = h * 0x9E3779B97F4A7C15L + criteria.hashCode();
        h = h * 0x9E3779B97F4A7C15L + java.util.Objects.hashCode(inner);
        h = h * 0x9E3779B97F4A7C15L + territory.hashCode();
        h = h * 0x9E3779B97F4A7C15L + period.hashCode();
        return (int) (h ^ (h >>> 32));
    }

    /**
     * The key in words that no other key shares: each field after its length, and an absent inner as {@code -}. The
     * readable {@link #toString()} is not: a criteria text holding {@code " minus "}, {@code |} or {@code ;} could read as
     * another key, or as two keys joined. Words of this kind run together are still read one way only.
     */
    public String unambiguous() {
        StringBuilder s = new StringBuilder(family.length() + criteria.length() + territory.length() + period.length() + 24);
        field(s, family);
        field(s, criteria);
        if (inner == null) {
            s.append('-');
        } else {
            field(s, inner);
        }
        field(s, territory);
        field(s, period);
        return s.toString();
    }

    private static void field(StringBuilder s, String value) {
        s.append(value.length()).append(':').append(value);
    }

    @Override
    public String toString() {
        return family + "|" + criteria + (inner == null ? "" : " minus " + inner) + "|" + territory + "|" + period;
    }
}
