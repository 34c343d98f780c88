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

    @Override
    public String toString() {
        return family + "|" + criteria + (inner == null ? "" : " minus " + inner) + "|" + territory + "|" + period;
    }
}
