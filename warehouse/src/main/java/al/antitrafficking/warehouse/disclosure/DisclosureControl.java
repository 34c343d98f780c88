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
 * cell or at least two, and until no withheld cell is a bridge: one that sums and differences of the
 * totals give back alone (see {@code balance}).
 *
 * <p><b>Linked answers</b>: the row totals and the column totals of a table are themselves published by
 * other answers (a county ranking over the period, the national monthly series), protected as lines by
 * these rules; a line whose total is withheld there gives up a cell here, so its total cannot be added up.
 * One limit remains and is pinned by a test: a small count whose every possible partner in both its lines is
 * not reported cannot be hidden from totals that other answers publish; it stays hidden within its answer
 * and within a table published with its totals ({@link #protectTableWithTotals}).
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
        Cell[][] cells = protect(counts);
        // Linked tables: a reader may also hold this table's margins from another answer (the row totals as one
        // line, the column totals as another), protected by these same rules. A margin withheld there must not
        // be derivable here by adding up a line whose cells are all published, or the cells it protects there
        // follow by subtraction; such a line gives up a cell, and the lines are balanced again.
        boolean changed = true;
        while (changed) {
            changed = shieldMargin(counts, cells, true) | shieldMargin(counts, cells, false);
            if (changed) {
                balance(cells);
            }
        }
        List<List<Cell>> result = new ArrayList<>();
        for (Cell[] row : cells) {
            result.add(List.of(row));
        }
        return List.copyOf(result);
    }

    /**
     * Protects a table published with its totals: the result has one more column (each row's total) and one
     * more row (each column's total, then the grand total), all protected together, so that no withheld cell
     * follows from the figures published beside it. A total over only not-reported cells is not reported.
     */
    public List<List<Cell>> protectTableWithTotals(List<List<Long>> counts) {
        int cols = counts.isEmpty() ? 0 : counts.get(0).size();
        List<List<Long>> extended = new ArrayList<>();
        Long[] columnTotals = new Long[cols + 1];
        for (List<Long> row : counts) {
            if (row.size() != cols) {
                throw new IllegalArgumentException("Cannot apply disclosure control: rows of unequal length");
            }
            List<Long> line = new ArrayList<>(row);
            line.add(row.stream().filter(java.util.Objects::nonNull).reduce(Long::sum).orElse(null));
            for (int c = 0; c <= cols; c++) {
                Long v = line.get(c);
                if (v != null) {
                    columnTotals[c] = columnTotals[c] == null ? v : columnTotals[c] + v;
                }
            }
            extended.add(line);
        }
        extended.add(java.util.Arrays.asList(columnTotals));
        return protectTable(extended);
    }

    /** Primary and secondary suppression of one table on its own. */
    private Cell[][] protect(List<List<Long>> counts) {
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
        balance(cells);
        return cells;
    }

    /**
     * Secondary suppression until every row and column holds no suppressed cell or at least two, and every
     * suppressed cell lies on a cycle of suppressed cells. Seen as a graph (rows and columns are nodes, each
     * suppressed cell an edge between its row and its column), a suppressed cell follows exactly from the row and
     * column totals when its edge is a bridge: adding up the lines on one side of it leaves it alone. Each bridge
     * gets a second path through one more withheld cell, which joins a row on the column's side to a column on
     * the row's side.
     */
    private static void balance(Cell[][] cells) {
        int rows = cells.length;
        int cols = rows == 0 ? 0 : cells[0].length;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < rows; r++) {
                changed |= protectLine(cells, r, -1);
            }
            for (int c = 0; c < cols; c++) {
                changed |= protectLine(cells, -1, c);
            }
            if (!changed) {
                changed = closeBridge(cells);
            }
        }
    }

    /** Finds one bridge among the suppressed cells and withholds a cell that puts it on a cycle; false when there is none. */
    private static boolean closeBridge(Cell[][] cells) {
        int rows = cells.length;
        int cols = rows == 0 ? 0 : cells[0].length;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (!cells[r][c].suppressed()) {
                    continue;
                }
                // Nodes: rows 0..rows-1, columns rows..rows+cols-1. Which nodes the row reaches without this cell?
                boolean[] side = reach(cells, r, r, c);
                if (side[rows + c]) {
                    continue;
                }
                boolean[] columnSide = reach(cells, rows + c, r, c);
                int bestRow = -1;
                int bestCol = -1;
                for (int r2 = 0; r2 < rows; r2++) {
                    if (!columnSide[r2]) {
                        continue;
                    }
                    for (int c2 = 0; c2 < cols; c2++) {
                        if (side[rows + c2] && cells[r2][c2].status() == CellStatus.PUBLISHED
                                && (bestRow < 0 || betterCell(cells[r2][c2], cells[bestRow][bestCol]))) {
                            bestRow = r2;
                            bestCol = c2;
                        }
                    }
                }
                if (bestRow >= 0) {
                    cells[bestRow][bestCol] = Cell.withheld(CellStatus.SUPPRESSED_COMPLEMENTARY);
                    return true;
                }
            }
        }
        return false;
    }

    /** The nodes reachable from {@code start} over suppressed cells, leaving out the cell (skipRow, skipCol). */
    private static boolean[] reach(Cell[][] cells, int start, int skipRow, int skipCol) {
        int rows = cells.length;
        int cols = rows == 0 ? 0 : cells[0].length;
        boolean[] seen = new boolean[rows + cols];
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        seen[start] = true;
        queue.add(start);
        while (!queue.isEmpty()) {
            int node = queue.poll();
            if (node < rows) {
                for (int c = 0; c < cols; c++) {
                    if (cells[node][c].suppressed() && !(node == skipRow && c == skipCol) && !seen[rows + c]) {
                        seen[rows + c] = true;
                        queue.add(rows + c);
                    }
                }
            } else {
                int c = node - rows;
                for (int r = 0; r < rows; r++) {
                    if (cells[r][c].suppressed() && !(r == skipRow && c == skipCol) && !seen[r]) {
                        seen[r] = true;
                        queue.add(r);
                    }
                }
            }
        }
        return seen;
    }

    /** A better complement: a non-zero count (a known zero gives the value back), then the smaller. */
    private static boolean betterCell(Cell a, Cell b) {
        if ((a.value() > 0) != (b.value() > 0)) {
            return a.value() > 0;
        }
        return a.value() < b.value();
    }

    /**
     * The row totals ({@code rows}) or column totals of the table, protected as one line the way another answer
     * would publish them; each line whose total is withheld there but whose cells are all published here gives up
     * its best complement cell. Returns whether a cell was withheld.
     */
    private boolean shieldMargin(List<List<Long>> counts, Cell[][] cells, boolean rows) {
        int lines = rows ? cells.length : cells.length == 0 ? 0 : cells[0].length;
        int length = rows ? (cells.length == 0 ? 0 : cells[0].length) : cells.length;
        if (lines < 2) {
            return false;
        }
        List<Long> totals = new ArrayList<>();
        for (int l = 0; l < lines; l++) {
            Long total = null;
            for (int i = 0; i < length; i++) {
                Long v = rows ? counts.get(l).get(i) : counts.get(i).get(l);
                if (v != null) {
                    total = (total == null ? 0 : total) + v;
                }
            }
            totals.add(total);
        }
        Cell[] margin = protect(List.of(totals))[0];
        boolean changed = false;
        for (int l = 0; l < lines; l++) {
            if (!margin[l].suppressed()) {
                continue;
            }
            int row = rows ? l : -1;
            int col = rows ? -1 : l;
            int candidate = -1;
            boolean hidden = false;
            for (int i = 0; i < length; i++) {
                Cell cell = at(cells, row, col, i);
                hidden |= cell.suppressed();
                if (cell.status() == CellStatus.PUBLISHED && (candidate < 0 || better(cells, row, col, i, candidate))) {
                    candidate = i;
                }
            }
            if (!hidden && candidate >= 0) {
                if (rows) {
                    cells[l][candidate] = Cell.withheld(CellStatus.SUPPRESSED_COMPLEMENTARY);
                } else {
                    cells[candidate][l] = Cell.withheld(CellStatus.SUPPRESSED_COMPLEMENTARY);
                }
                changed = true;
            }
        }
        return changed;
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
     * Whether cell i of the line is a better complement than cell j: first one whose crossing line can then be
     * protected, then one whose crossing line already holds a suppressed cell (hiding it then protects that line too, instead of leaving it with a lone
     * suppressed cell), then a non-zero one, then the smaller.
     */
    private static boolean better(Cell[][] cells, int row, int col, int i, int j) {
        boolean iPairs = crossingCanPair(cells, row, col, i);
        boolean jPairs = crossingCanPair(cells, row, col, j);
        if (iPairs != jPairs) {
            return iPairs;
        }
        boolean iCrossing = crossingHasSuppressed(cells, row, col, i);
        boolean jCrossing = crossingHasSuppressed(cells, row, col, j);
        if (iCrossing != jCrossing) {
            return iCrossing;
        }
        return betterCell(at(cells, row, col, i), at(cells, row, col, j));
    }

    /**
     * Whether withholding cell i of the line leaves its crossing line protectable: that line already hides a cell,
     * or holds another published cell to hide with it. Otherwise the cell would sit alone in a line whose total
     * gives it back.
     */
    private static boolean crossingCanPair(Cell[][] cells, int row, int col, int i) {
        int length = row >= 0 ? cells.length : cells[0].length;
        int published = 0;
        for (int k = 0; k < length; k++) {
            Cell cell = row >= 0 ? cells[k][i] : cells[i][k];
            if (cell.suppressed()) {
                return true;
            }
            if (cell.status() == CellStatus.PUBLISHED) {
                published++;
            }
        }
        return published >= 2;
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
