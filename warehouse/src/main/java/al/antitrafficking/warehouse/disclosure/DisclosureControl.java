package al.antitrafficking.warehouse.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * The one rule set every count passes before it leaves the warehouse.
 *
 * <p><b>Primary suppression</b>: a count from 1 to {@code minCount - 1} is withheld. Zero is published:
 * it says a region reported none, identifies nobody, and must stay apart from "not reported".
 *
 * <p><b>Secondary suppression</b>: the figures of one answer are treated as a table whose row and column
 * totals a reader may know or derive (a national total, a yearly sum). A row or column with exactly one
 * suppressed cell would give it back by subtraction, so another published cell of that line is withheld
 * too: preferably one whose crossing line already holds a suppressed cell (so the hidden cells form
 * rectangles rather than spreading), then a non-zero one (a known zero would give the value back as
 * well), then the smallest. This is repeated over rows and columns until every line holds no suppressed
 * cell or at least two.
 */
public final class DisclosureControl {
    private final int minCount;

    public DisclosureControl(int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("Cannot apply disclosure control: min count must be at least 1: " + minCount);
        }
        this.minCount = minCount;
    }

    public int minCount() {
        return minCount;
    }

    /** A single list of counts whose total may be known: one line of {@link #protectTable}. */
    public List<Cell> protectLine(List<Long> counts) {
        List<List<Long>> table = new ArrayList<>();
        table.add(counts);
        return protectTable(table).get(0);
    }

    /**
     * Protects a table of counts (rows of equal length); null means not reported. The result has the
     * same shape.
     */
    public List<List<Cell>> protectTable(List<List<Long>> counts) {
        int rows = counts.size();
        int cols = rows == 0 ? 0 : counts.get(0).size();
        Cell[][] cells = new Cell[rows][cols];
        for (int r = 0; r < rows; r++) {
            if (counts.get(r).size() != cols) {
                throw new IllegalArgumentException("Cannot apply disclosure control: rows of unequal length");
            }
            for (int c = 0; c < cols; c++) {
                cells[r][c] = primary(counts.get(r).get(c));
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < rows; r++) {
                changed |= protectLine(cells, r, -1);
            }
            for (int c = 0; c < cols; c++) {
                changed |= protectLine(cells, -1, c);
            }
        }
        List<List<Cell>> result = new ArrayList<>();
        for (Cell[] row : cells) {
            result.add(List.of(row));
        }
        return List.copyOf(result);
    }

    private Cell primary(Long count) {
        if (count == null) {
            return Cell.withheld(CellStatus.NOT_REPORTED);
        }
        if (count < 0) {
            throw new IllegalArgumentException("Cannot apply disclosure control: negative count " + count);
        }
        return count > 0 && count < minCount ? Cell.withheld(CellStatus.SUPPRESSED_SMALL_COUNT) : Cell.published(count);
    }

    /** Protects one row (col = -1) or one column (row = -1); returns whether a cell was newly withheld. */
    private static boolean protectLine(Cell[][] cells, int row, int col) {
        int length = row >= 0 ? cells[row].length : cells.length;
        int suppressed = 0;
        int candidate = -1;
        for (int i = 0; i < length; i++) {
            Cell cell = at(cells, row, col, i);
            if (cell.suppressed()) {
                suppressed++;
            } else if (cell.status() == CellStatus.PUBLISHED && (candidate < 0 || better(cells, row, col, i, candidate))) {
                candidate = i;
            }
        }
        if (suppressed != 1 || candidate < 0) {
            return false;
        }
        Cell complementary = Cell.withheld(CellStatus.SUPPRESSED_COMPLEMENTARY);
        if (row >= 0) {
            cells[row][candidate] = complementary;
        } else {
            cells[candidate][col] = complementary;
        }
        return true;
    }

    /**
     * Whether cell i of the line is a better complement than cell j: first one whose crossing line already
     * holds a suppressed cell (hiding it then protects that line too, instead of leaving it with a lone
     * suppressed cell), then a non-zero one, then the smaller.
     */
    private static boolean better(Cell[][] cells, int row, int col, int i, int j) {
        boolean iCrossing = crossingHasSuppressed(cells, row, col, i);
        boolean jCrossing = crossingHasSuppressed(cells, row, col, j);
        if (iCrossing != jCrossing) {
            return iCrossing;
        }
        long vi = at(cells, row, col, i).value();
        long vj = at(cells, row, col, j).value();
        if ((vi > 0) != (vj > 0)) {
            return vi > 0;
        }
        return vi < vj;
    }

    private static boolean crossingHasSuppressed(Cell[][] cells, int row, int col, int i) {
        if (row >= 0) {
            for (Cell[] r : cells) {
                if (r[i].suppressed()) {
                    return true;
                }
            }
            return false;
        }
        for (Cell c : cells[i]) {
            if (c.suppressed()) {
                return true;
            }
        }
        return false;
    }

    private static Cell at(Cell[][] cells, int row, int col, int i) {
        return row >= 0 ? cells[row][i] : cells[i][col];
    }
}
