package al.antitrafficking.warehouse.release;

import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.indicator.PeriodType;
import al.antitrafficking.warehouse.indicator.Population;
import al.antitrafficking.warehouse.indicator.QueryRefusedException;
import al.antitrafficking.warehouse.international.Returns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The international returns' figures for one year, Albania as a whole: public ones looked up in the release (every
 * cell a printed cell of it, withheld cells with its one mark), internal ones counted from the snapshot's facts for the
 * ministry statistician (the same cells, unsuppressed, for submission to UNODC or Eurostat). A cell counts the distinct
 * persons identified in the year whose status the returns count, in its row's and column's categories.
 */
public final class ReturnAnswers {
    /** One figure: its count (null when withheld) and what readers are told. */
    public record Cell(Long value, CellStatus status) {}

    /**
     * One table: {@code cells.get(i).get(j)} for the i-th row category and j-th column category, the last row and
     * column being the totals.
     */
    public record Table(Returns.Table definition, Returns.Breakdown rows, Returns.Breakdown columns, List<List<Cell>> cells) {}

    /**
     * A whole return for a year. {@code partial}: the snapshot does not cover the whole year. {@code population}: the
     * residents of Albania in the year (census, or an estimate between censuses), the denominator of SDG 16.2.2.
     */
    public record Return(Returns.Return definition, int year, String snapshot, boolean internal, boolean partial, int minCount,
                         Optional<Population.Figure> population, List<Table> tables) {}

    private ReturnAnswers() {}

    /** The criteria of one cell: the statuses counted, the row's category, the column's (null: the total). */
    static Criteria criteria(Returns returns, Returns.Breakdown rows, Returns.Category row, Returns.Breakdown columns,
                             Returns.Category column) {
        Criteria c = ReleasePlan.returnsBase(returns);
        if (row != null) {
            c = c.and(rows.dimension(), row.values()).orElseThrow();
        }
        if (column != null) {
            c = c.and(columns.dimension(), column.values()).orElseThrow();
        }
        return c;
    }

    /** The release table a cell is published in (see ReleasePlan.addReturns). */
    private static String home(Returns returns, Returns.Breakdown rows, Returns.Category row, Returns.Breakdown columns, Returns.Category column) {
        Criteria c = ReleasePlan.returnsBase(returns);
        List<String> splits = new ArrayList<>();
        if (row != null && row.grouped()) {
            c = c.and(rows.dimension(), row.values()).orElseThrow();
        } else if (row != null) {
            splits.add(rows.dimension());
        }
        if (column != null && column.grouped()) {
            c = c.and(columns.dimension(), column.values()).orElseThrow();
        } else if (column != null) {
            splits.add(columns.dimension());
        }
        return ReleaseTable.idOf(ReleasePlan.returnsFamily(), c, splits);
    }

    static Return published(PublishedRelease release, Returns returns, Returns.Return r, int year, Population population) {
        String period = Integer.toString(year);
        if (!release.periods(PeriodType.YEAR).contains(period)) {
            throw new QueryRefusedException("Cannot make the return: the release covers " + release.firstMonth() + " to " + release.lastMonth()
                    + ", not " + year);
        }
        String family = ReleasePlan.returnsFamily().id();
        List<Table> tables = new ArrayList<>();
        for (Returns.Table t : r.tables()) {
            Returns.Breakdown rows = returns.breakdown(t.rows());
            Returns.Breakdown columns = returns.breakdown(t.columns());
            tables.add(table(t, rows, columns, (row, column) -> {
                CellKey key = CellKey.of(family, criteria(returns, rows, row, columns, column).key(), CellKey.ALBANIA, period);
                Optional<PublishedRelease.Figure> printed = release.cell(key);
                if (printed.isPresent()) {
                    PublishedRelease.Figure f = printed.get();
                    return new Cell(f.status() == CellStatus.PUBLISHED ? f.value() : null, f.status());
                }
                // Not printed: nobody has the codes, where the table that would hold the cell is published (zero);
                // else the release does not publish that table for the year, and the figure is not given.
                return release.publishes(home(returns, rows, row, columns, column), Level.ALBANIA, PeriodType.YEAR)
                        ? new Cell(0L, CellStatus.PUBLISHED) : new Cell(null, CellStatus.WITHHELD);
            }));
        }
        return new Return(r, year, release.id(), false, partial(release, year), release.minCount(), population.residents("", year), tables);
    }

    /** The same cells counted from the facts of the snapshot the connection reads, none withheld. */
    static Return internal(Connection c, String snapshot, PublishedRelease release, Returns returns, Returns.Return r, int year,
                           Population population) throws SQLException {
        List<Table> tables = new ArrayList<>();
        for (Returns.Table t : r.tables()) {
            Returns.Breakdown rows = returns.breakdown(t.rows());
            Returns.Breakdown columns = returns.breakdown(t.columns());
            SqlCells cells = new SqlCells(c, year);
            tables.add(table(t, rows, columns, (row, column) -> new Cell(cells.count(criteria(returns, rows, row, columns, column)),
                    CellStatus.PUBLISHED)));
        }
        return new Return(r, year, snapshot, true, partial(release, year), release.minCount(), population.residents("", year), tables);
    }

    private static boolean partial(PublishedRelease release, int year) {
        return release.firstMonth().isAfter(java.time.YearMonth.of(year, 1)) || release.lastMonth().isBefore(java.time.YearMonth.of(year, 12));
    }

    private interface CellSource {
        Cell cell(Returns.Category row, Returns.Category column) throws SQLException;
    }

    private static Table table(Returns.Table t, Returns.Breakdown rows, Returns.Breakdown columns, CellSource source) {
        List<List<Cell>> cells = new ArrayList<>();
        List<Returns.Category> rowCats = new ArrayList<>(rows.categories());
        rowCats.add(null);
        List<Returns.Category> columnCats = new ArrayList<>(columns.categories());
        columnCats.add(null);
        try {
            for (Returns.Category row : rowCats) {
                List<Cell> line = new ArrayList<>();
                for (Returns.Category column : columnCats) {
                    line.add(source.cell(row, column));
                }
                cells.add(List.copyOf(line));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the return's cells: " + e.getMessage(), e);
        }
        return new Table(t, rows, columns, List.copyOf(cells));
    }

    /** Counts of distinct persons under criteria, from the NRM facts of one year; only allow-listed columns reach SQL. */
    private static final class SqlCells {
        private final Connection c;
        private final int year;

        SqlCells(Connection c, int year) {
            this.c = c;
            this.year = year;
        }

        long count(Criteria criteria) throws SQLException {
            var fact = ReleasePlan.returnsFamily().fact();
            StringBuilder sql = new StringBuilder("SELECT count(DISTINCT child_pseudonym) FROM " + fact.table()
                    + " WHERE identification_date >= ? AND identification_date < ?");
            List<String> params = new ArrayList<>();
            for (Map.Entry<String, SortedSet<String>> d : criteria.dimensions().entrySet()) {
                String column = fact.dimensionColumn(d.getKey()).orElseThrow();
                sql.append(" AND ").append(column).append(" IN (").append(String.join(",", d.getValue().stream().map(v -> "?").toList())).append(")");
                params.addAll(d.getValue());
            }
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                s.setObject(1, java.time.LocalDate.of(year, 1, 1));
                s.setObject(2, java.time.LocalDate.of(year + 1, 1, 1));
                for (int i = 0; i < params.size(); i++) {
                    s.setString(i + 3, params.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }
}
