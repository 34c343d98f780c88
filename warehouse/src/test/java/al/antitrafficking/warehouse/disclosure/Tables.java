package al.antitrafficking.warehouse.disclosure;

import java.util.ArrayList;
import java.util.List;

/** Hand-made linked systems for the disclosure tests: a table with its row, column and grand totals. */
final class Tables {
    private Tables() {}

    /**
     * A table of rows × columns of counts with its margins, as cells: row r column c is {@code r * (cols + 1) + c};
     * column {@code cols} holds the row totals, row {@code rows} the column totals and the grand total. Every relation adds
     * up exactly.
     */
    static LinkedSystem withMargins(long[][] counts) {
        int rows = counts.length;
        int cols = counts[0].length;
        long[] truth = new long[(rows + 1) * (cols + 1)];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                truth[at(r, c, cols)] = counts[r][c];
                truth[at(r, cols, cols)] += counts[r][c];
                truth[at(rows, c, cols)] += counts[r][c];
                truth[at(rows, cols, cols)] += counts[r][c];
            }
        }
        LinkedSystem s = new LinkedSystem(truth, new boolean[truth.length]);
        for (int r = 0; r <= rows; r++) {
            List<Integer> parts = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                parts.add(at(r, c, cols));
            }
            s.add(new Relation(at(r, cols, cols), parts.stream().mapToInt(Integer::intValue).toArray(), Relation.Kind.EXACT));
        }
        for (int c = 0; c <= cols; c++) {
            List<Integer> parts = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                parts.add(at(r, c, cols));
            }
            s.add(new Relation(at(rows, c, cols), parts.stream().mapToInt(Integer::intValue).toArray(), Relation.Kind.EXACT));
        }
        return s;
    }

    static int at(int row, int col, int cols) {
        return row * (cols + 1) + col;
    }
}
