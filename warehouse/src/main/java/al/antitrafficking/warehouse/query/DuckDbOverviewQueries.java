package al.antitrafficking.warehouse.query;

import al.antitrafficking.warehouse.build.SqlResource;
import al.antitrafficking.warehouse.disclosure.Cell;
import al.antitrafficking.warehouse.disclosure.DisclosureControl;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.Completeness;
import al.antitrafficking.warehouse.indicator.IndicatorEngine;
import al.antitrafficking.warehouse.indicator.IndicatorQuery;
import al.antitrafficking.warehouse.indicator.IndicatorResult;
import al.antitrafficking.warehouse.indicator.Indicators;
import al.antitrafficking.warehouse.indicator.Population;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.duckdb.DuckDBConnection;

/**
 * {@link OverviewQueries} over a snapshot's DuckDB database, opened read-only. Each call runs on its own
 * duplicate of one connection, so calls may come from many threads. Counts pass {@link DisclosureControl}
 * before they are returned.
 */
public final class DuckDbOverviewQueries implements OverviewQueries, Indicators, AutoCloseable {
    private static final String MONTHS = SqlResource.load(DuckDbOverviewQueries.class, "months.sql");
    private static final String ENCOUNTERED_MONTHLY = SqlResource.load(DuckDbOverviewQueries.class, "children_encountered_monthly.sql");
    private static final String VICTIMS_MONTHLY = SqlResource.load(DuckDbOverviewQueries.class, "child_victims_monthly.sql");
    private static final String ENCOUNTERED_BY_COUNTY = SqlResource.load(DuckDbOverviewQueries.class, "children_encountered_by_county.sql");
    private static final String SNAPSHOT_SUMMARY = SqlResource.load(DuckDbOverviewQueries.class, "snapshot_summary.sql");
    private static final List<String> VICTIM_STATUSES = List.of("potential", "presumed", "identified");

    private final String snapshotId;
    private final DuckDBConnection connection;
    private final DisclosureControl disclosure;
    private final IndicatorEngine engine;
    private final Completeness completeness;

    private DuckDbOverviewQueries(String snapshotId, DuckDBConnection connection, DisclosureControl disclosure, Catalogue catalogue,
                                  Population population, int deadlineDay) {
        this.snapshotId = snapshotId;
        this.connection = connection;
        this.disclosure = disclosure;
        this.engine = new IndicatorEngine(catalogue, population, this::duplicate, disclosure, snapshotId);
        this.completeness = new Completeness(this::duplicate, deadlineDay);
    }

    private Connection duplicate() {
        try {
            return connection.duplicate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot query warehouse snapshot " + snapshotId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Catalogue catalogue() {
        return engine.catalogue();
    }

    @Override
    public IndicatorResult run(IndicatorQuery query) {
        return engine.run(query);
    }

    @Override
    public Completeness.Report completeness(YearMonth from, YearMonth to) {
        return completeness.report(from, to);
    }

    public static DuckDbOverviewQueries open(Snapshot snapshot, DisclosureControl disclosure, Catalogue catalogue, Population population) {
        return open(snapshot, disclosure, catalogue, population, 15);
    }

    /** {@code deadlineDay}: a month's file is on time when it arrives by this day of the next month. */
    public static DuckDbOverviewQueries open(Snapshot snapshot, DisclosureControl disclosure, Catalogue catalogue, Population population,
                                             int deadlineDay) {
        Path database = snapshot.dir().resolve(Snapshots.DATABASE_FILE);
        if (!Files.isRegularFile(database)) {
            throw new IllegalStateException("Cannot open warehouse: snapshot " + snapshot.id() + " has no database");
        }
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try {
            Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database, readOnly);
            return new DuckDbOverviewQueries(snapshot.id(), connection.unwrap(DuckDBConnection.class), disclosure, catalogue, population,
                    deadlineDay);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open warehouse: " + database + ": " + e.getMessage(), e);
        }
    }

    /** The id of the snapshot these queries read. */
    public String snapshotId() {
        return snapshotId;
    }

    @Override
    public SnapshotSummary snapshot() {
        return query(SNAPSHOT_SUMMARY, List.of(), rs -> {
            rs.next();
            return new SnapshotSummary(snapshotId, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4));
        });
    }

    @Override
    public MonthlyTrend childrenEncounteredMonthly() {
        List<String> months = months();
        Map<String, Long> counts = query(ENCOUNTERED_MONTHLY, List.of(), rs -> {
            Map<String, Long> byMonth = new LinkedHashMap<>();
            while (rs.next()) {
                byMonth.put(rs.getString(1), rs.getLong(2));
            }
            return byMonth;
        });
        List<Long> line = months.stream().map(counts::get).toList();
        List<Cell> cells = disclosure.protectLine(line);
        return new MonthlyTrend("children_encountered", List.of(series("all", months, cells)), disclosure.minCount());
    }

    @Override
    public MonthlyTrend childVictimsMonthly() {
        List<String> months = months();
        Map<String, Long> counts = query(VICTIMS_MONTHLY, List.of(), rs -> {
            Map<String, Long> byKey = new LinkedHashMap<>();
            while (rs.next()) {
                byKey.put(rs.getString(1) + "|" + rs.getString(2), rs.getLong(3));
            }
            return byKey;
        });
        // Rows are statuses, columns months: protected as one table, since a month's total over statuses
        // and a status's total over months are both derivable.
        List<List<Long>> table = new ArrayList<>();
        for (String status : VICTIM_STATUSES) {
            table.add(months.stream().map(month -> counts.get(month + "|" + status)).toList());
        }
        List<List<Cell>> cells = disclosure.protectTable(table);
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < VICTIM_STATUSES.size(); i++) {
            series.add(series(VICTIM_STATUSES.get(i), months, cells.get(i)));
        }
        return new MonthlyTrend("child_victims", series, disclosure.minCount());
    }

    @Override
    public CountyBreakdown childrenEncounteredByCounty(YearMonth from, YearMonth to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("Cannot query period: from " + from + " is after to " + to);
        }
        List<String> params = List.of(from.toString(), to.toString(), from.toString(), to.toString());
        record Row(String code, String name, Long children) {}
        List<Row> rows = query(ENCOUNTERED_BY_COUNTY, params, rs -> {
            List<Row> result = new ArrayList<>();
            while (rs.next()) {
                // getObject, not getLong + wasNull: the DuckDB driver does not report NULL through wasNull here.
                Number children = (Number) rs.getObject(3);
                result.add(new Row(rs.getString(1), rs.getString(2), children == null ? null : children.longValue()));
            }
            return result;
        });
        List<Cell> cells = disclosure.protectLine(rows.stream().map(Row::children).toList());
        List<CountyFigure> figures = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            figures.add(new CountyFigure(row.code(), row.name(), cells.get(i).value(), cells.get(i).status()));
        }
        return new CountyBreakdown("children_encountered", from.toString(), to.toString(), figures, disclosure.minCount());
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close warehouse: " + e.getMessage(), e);
        }
    }

    private List<String> months() {
        return query(MONTHS, List.of(), rs -> {
            List<String> months = new ArrayList<>();
            while (rs.next()) {
                months.add(rs.getString(1));
            }
            return months;
        });
    }

    private static Series series(String key, List<String> months, List<Cell> cells) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            points.add(Point.of(months.get(i), cells.get(i)));
        }
        return new Series(key, points);
    }

    private interface ResultReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, List<String> params, ResultReader<T> reader) {
        try (Connection c = connection.duplicate(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                statement.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot query warehouse snapshot " + snapshotId + ": " + e.getMessage(), e);
        }
    }
}
