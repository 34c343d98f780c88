package al.antitrafficking.warehouse.disclosure;

import static al.antitrafficking.warehouse.disclosure.CellStatus.NOT_REPORTED;
import static al.antitrafficking.warehouse.disclosure.CellStatus.PUBLISHED;
import static al.antitrafficking.warehouse.disclosure.CellStatus.SUPPRESSED_COMPLEMENTARY;
import static al.antitrafficking.warehouse.disclosure.CellStatus.SUPPRESSED_SMALL_COUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DisclosureControlTest {
    private final DisclosureControl control = new DisclosureControl(5);

    @Test
    void suppressesCountsFromOneToFourAndPublishesZeroAndFive() {
        List<Cell> cells = control.protectLine(Arrays.asList(0L, 1L, 4L, 5L, 12L));

        assertThat(cells).extracting(Cell::status)
                .containsExactly(PUBLISHED, SUPPRESSED_SMALL_COUNT, SUPPRESSED_SMALL_COUNT, PUBLISHED, PUBLISHED);
        assertThat(cells).extracting(Cell::value).containsExactly(0L, null, null, 5L, 12L);
    }

    @Test
    void keepsNotReportedApartFromZero() {
        List<Cell> cells = control.protectLine(Arrays.asList(null, 0L, 9L));

        assertThat(cells).extracting(Cell::status).containsExactly(NOT_REPORTED, PUBLISHED, PUBLISHED);
        assertThat(cells.get(1).value()).isZero();
    }

    @Test
    void aLoneSuppressedCellGetsTheSmallestNonZeroCellAsComplement() {
        // Total 3 + 0 + 7 + 20 = 30 is derivable; with only the 3 hidden it would be 30 - 27.
        List<Cell> cells = control.protectLine(Arrays.asList(3L, 0L, 7L, 20L));

        assertThat(cells).extracting(Cell::status)
                .containsExactly(SUPPRESSED_SMALL_COUNT, PUBLISHED, SUPPRESSED_COMPLEMENTARY, PUBLISHED);
    }

    @Test
    void twoSmallCellsNeedNoComplement() {
        List<Cell> cells = control.protectLine(Arrays.asList(2L, 3L, 40L));

        assertThat(cells).extracting(Cell::status)
                .containsExactly(SUPPRESSED_SMALL_COUNT, SUPPRESSED_SMALL_COUNT, PUBLISHED);
    }

    @Test
    void aLoneSmallCellInATableIsHiddenWithTheSmallestRectangle() {
        // Rows: statuses; columns: two months. Worked by hand: the 2 needs a partner in its row (8) and in
        // its column (5); the 8's column then needs one more, and 7 sits in the row that already hides 5.
        List<List<Long>> table = List.of(List.of(5L, 7L), List.of(2L, 8L), List.of(0L, 6L));

        List<List<Cell>> cells = control.protectTable(table);

        assertThat(cells.get(0)).extracting(Cell::status).containsExactly(SUPPRESSED_COMPLEMENTARY, SUPPRESSED_COMPLEMENTARY);
        assertThat(cells.get(1)).extracting(Cell::status).containsExactly(SUPPRESSED_SMALL_COUNT, SUPPRESSED_COMPLEMENTARY);
        assertThat(cells.get(2)).extracting(Cell::value).containsExactly(0L, 6L);
    }

    @Test
    void noSuppressedCellCanBeRecoveredFromRowOrColumnTotalsOfRandomTables() {
        Random random = new Random(42);
        for (int trial = 0; trial < 500; trial++) {
            int rows = 1 + random.nextInt(5);
            int cols = 1 + random.nextInt(8);
            List<List<Long>> table = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                List<Long> row = new ArrayList<>();
                for (int c = 0; c < cols; c++) {
                    row.add(random.nextInt(4) == 0 ? (long) random.nextInt(5) : (long) random.nextInt(30));
                }
                table.add(row);
            }

            List<List<Cell>> cells = control.protectTable(table);

            assertThat(recoverable(table, cells)).as("trial %d: %s", trial, table).isEmpty();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    long v = table.get(r).get(c);
                    if (v > 0 && v < 5) {
                        assertThat(cells.get(r).get(c).suppressed()).isTrue();
                    }
                }
            }
        }
    }

    /** A random table of counts: rows × cols, some small, some zero, and (when {@code withNotReported}) some not reported. */
    private static List<List<Long>> randomTable(Random random, boolean withNotReported) {
        int rows = 2 + random.nextInt(6);
        int cols = 2 + random.nextInt(10);
        List<List<Long>> table = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<Long> row = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                int kind = random.nextInt(10);
                row.add(kind == 0 && withNotReported ? null : kind <= 3 ? (long) random.nextInt(5) : (long) random.nextInt(40));
            }
            table.add(row);
        }
        return table;
    }

    /** The table with its row totals as a last column and its column totals and grand total as a last row. */
    private static List<List<Long>> withTotals(List<List<Long>> table) {
        List<List<Long>> extended = new ArrayList<>();
        int cols = table.get(0).size();
        Long[] columnTotals = new Long[cols + 1];
        for (List<Long> row : table) {
            List<Long> line = new ArrayList<>(row);
            Long total = null;
            for (Long v : row) {
                total = plus(total, v);
            }
            line.add(total);
            for (int c = 0; c <= cols; c++) {
                columnTotals[c] = plus(columnTotals[c], line.get(c));
            }
            extended.add(line);
        }
        extended.add(Arrays.asList(columnTotals));
        return extended;
    }

    /** A total over cells where not reported counts as nothing: not reported only when every cell is. */
    private static Long plus(Long total, Long v) {
        if (v == null) {
            return total;
        }
        return total == null ? v : total + v;
    }

    @Test
    void noSuppressedSmallCountFollowsFromATableAndTheTotalsPublishedWithIt() {
        // A table published with its row totals, column totals and grand total (the ministry's tables), protected
        // as one: the attacker combines every published figure in any way (sums, differences, chains).
        Random random = new Random(7);
        for (int trial = 0; trial < 2000; trial++) {
            List<List<Long>> table = randomTable(random, true);

            List<List<Cell>> cells = control.protectTableWithTotals(table);

            assertThat(cells).hasSize(table.size() + 1);
            assertThat(determinedSmallCells(withTotals(table), cells, false)).as("trial %d: %s", trial, table).isEmpty();
        }
    }

    @Test
    void noSuppressedSmallCountFollowsFromTheTotalsOtherAnswersPublish() {
        // The table without totals, while other answers publish its row totals as one line and its column totals
        // as another (a county ranking over the period, the national monthly series), under the same rules.
        Random random = new Random(11);
        for (int trial = 0; trial < 2000; trial++) {
            List<List<Long>> table = randomTable(random, false);

            List<List<Cell>> cells = control.protectTable(table);

            assertThat(determinedSmallCells(table, cells, true)).as("trial %d: %s", trial, table).isEmpty();
        }
    }

    @Test
    void aLoneCountBesideUnreportedCellsCannotBeHiddenFromTotalsPublishedElsewhere() {
        // The limit of protecting one answer at a time: Jan [16, 1], Feb [not reported, 28]. The 1 has no partner that
        // could be hidden with it in either line without leaving a lone hidden cell beside a not-reported one; with
        // both margins published by other answers (16 + 1 = 17, 29 = 1 + 28) it follows whatever this answer hides.
        // Within the answer and the totals published with it, it stays hidden.
        List<List<Long>> table = Arrays.asList(Arrays.asList(16L, null), Arrays.asList(1L, 28L));

        assertThat(determinedSmallCells(table, control.protectTable(table), true)).containsExactly("row 1 col 0");
        assertThat(determinedSmallCells(withTotals(table), control.protectTableWithTotals(table), false)).isEmpty();
    }

    @Test
    void theLinearAttackerFindsACellLeftAloneInItsRow() {
        // The attacker itself must be able to fail the protection: hide only the 3 of [[3, 10], [6, 9]] and it
        // follows from the first row's total.
        List<List<Long>> table = List.of(List.of(3L, 10L), List.of(6L, 9L));
        List<List<Cell>> naive = List.of(List.of(Cell.withheld(SUPPRESSED_SMALL_COUNT), Cell.published(10)),
                List.of(Cell.published(6), Cell.published(9)));

        assertThat(determinedSmallCells(table, naive, true)).containsExactly("row 0 col 0");
        assertThat(determinedSmallCells(table, control.protectTable(table), true)).isEmpty();
    }

    /**
     * Hidden cells with a small count whose value follows exactly from the table's margins combined in any way:
     * sums, differences and chains of subtractions of the row totals, the column totals and the grand total
     * (Gaussian elimination over the equations). A reader learns a margin only from another answer, which passes
     * the same rules: the row totals are known as one protected line, the column totals as another, and the
     * grand total (not-reported cells count as zero in them). With {@code marginsProtected} false, every margin is
     * assumed known as it is.
     */
    private List<String> determinedSmallCells(List<List<Long>> table, List<List<Cell>> cells, boolean marginsProtected) {
        int rows = table.size();
        int cols = table.get(0).size();
        List<Long> rowTotals = new ArrayList<>();
        List<Long> colTotals = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            long t = 0;
            for (int c = 0; c < cols; c++) {
                t += table.get(r).get(c) == null ? 0 : table.get(r).get(c);
            }
            rowTotals.add(t);
        }
        for (int c = 0; c < cols; c++) {
            long t = 0;
            for (int r = 0; r < rows; r++) {
                t += table.get(r).get(c) == null ? 0 : table.get(r).get(c);
            }
            colTotals.add(t);
        }
        List<Cell> rowMargin = marginsProtected ? control.protectLine(rowTotals) : rowTotals.stream().map(Cell::published).toList();
        List<Cell> colMargin = marginsProtected ? control.protectLine(colTotals) : colTotals.stream().map(Cell::published).toList();
        // Variables: the hidden cells, then the hidden row totals, then the hidden column totals.
        List<int[]> hidden = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (cells.get(r).get(c).suppressed()) {
                    hidden.add(new int[] {r, c});
                }
            }
        }
        List<Integer> hiddenRows = new ArrayList<>();
        List<Integer> hiddenCols = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            if (rowMargin.get(r).suppressed()) {
                hiddenRows.add(r);
            }
        }
        for (int c = 0; c < cols; c++) {
            if (colMargin.get(c).suppressed()) {
                hiddenCols.add(c);
            }
        }
        int width = hidden.size() + hiddenRows.size() + hiddenCols.size();
        List<double[]> equations = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            double[] e = new double[width];
            for (int i = 0; i < hidden.size(); i++) {
                e[i] = hidden.get(i)[0] == r ? 1 : 0;
            }
            if (hiddenRows.contains(r)) {
                e[hidden.size() + hiddenRows.indexOf(r)] = -1;
            }
            equations.add(e);
        }
        for (int c = 0; c < cols; c++) {
            double[] e = new double[width];
            for (int i = 0; i < hidden.size(); i++) {
                e[i] = hidden.get(i)[1] == c ? 1 : 0;
            }
            if (hiddenCols.contains(c)) {
                e[hidden.size() + hiddenRows.size() + hiddenCols.indexOf(c)] = -1;
            }
            equations.add(e);
        }
        double[] sumOfRows = new double[width];
        double[] sumOfCols = new double[width];
        for (int i = 0; i < hiddenRows.size(); i++) {
            sumOfRows[hidden.size() + i] = 1;
        }
        for (int i = 0; i < hiddenCols.size(); i++) {
            sumOfCols[hidden.size() + hiddenRows.size() + i] = 1;
        }
        equations.add(sumOfRows);
        equations.add(sumOfCols);
        int rank = rank(equations);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < hidden.size(); i++) {
            List<double[]> with = new ArrayList<>(equations);
            double[] unit = new double[width];
            unit[i] = 1;
            with.add(unit);
            int[] at = hidden.get(i);
            if (rank(with) == rank && isSmall(table.get(at[0]).get(at[1]))) {
                found.add("row " + at[0] + " col " + at[1]);
            }
        }
        return found;
    }

    private static int rank(List<double[]> equations) {
        double[][] m = equations.stream().map(double[]::clone).toArray(double[][]::new);
        int width = m.length == 0 ? 0 : m[0].length;
        int rank = 0;
        for (int col = 0; col < width && rank < m.length; col++) {
            int pivot = rank;
            for (int r = rank; r < m.length; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-9) {
                continue;
            }
            double[] swap = m[pivot];
            m[pivot] = m[rank];
            m[rank] = swap;
            for (int r = 0; r < m.length; r++) {
                if (r != rank && Math.abs(m[r][col]) > 1e-12) {
                    double f = m[r][col] / m[rank][col];
                    for (int k = col; k < width; k++) {
                        m[r][k] -= f * m[rank][k];
                    }
                }
            }
            rank++;
        }
        return rank;
    }

    @Test
    void refusesNegativeCountsAndThresholdsBelowOne() {
        assertThatThrownBy(() -> control.protectLine(List.of(-1L))).hasMessageContaining("negative count");
        assertThatThrownBy(() -> new DisclosureControl(0)).hasMessageContaining("at least 1");
    }

    /**
     * The attacker's view: knowing every row and column total of the original table, subtracting the
     * published cells of a line gives back a suppressed cell when it is the line's only hidden non-zero unknown.
     * Returns the recovered positions whose value is a small count. A line that is all one suppressed cell is
     * recoverable only if its total is published apart, which single-cell lines here are not assumed to be.
     */
    private static List<String> recoverable(List<List<Long>> table, List<List<Cell>> cells) {
        List<String> found = new ArrayList<>();
        int rows = table.size();
        int cols = table.get(0).size();
        for (int r = 0; r < rows; r++) {
            List<Integer> hidden = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                if (cells.get(r).get(c).suppressed()) {
                    hidden.add(c);
                }
            }
            if (hidden.size() == 1 && cols > 1 && isSmall(table.get(r).get(hidden.get(0)))) {
                found.add("row " + r + " col " + hidden.get(0));
            }
        }
        for (int c = 0; c < cols; c++) {
            List<Integer> hidden = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                if (cells.get(r).get(c).suppressed()) {
                    hidden.add(r);
                }
            }
            if (hidden.size() == 1 && rows > 1 && isSmall(table.get(hidden.get(0)).get(c))) {
                found.add("row " + hidden.get(0) + " col " + c);
            }
        }
        return found;
    }

    private static boolean isSmall(Long v) {
        return v != null && v > 0 && v < 5;
    }
}
