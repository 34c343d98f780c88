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

    private static boolean isSmall(long v) {
        return v > 0 && v < 5;
    }
}
