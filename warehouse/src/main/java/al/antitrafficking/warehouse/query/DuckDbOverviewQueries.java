package al.antitrafficking.warehouse.query;

import al.antitrafficking.warehouse.build.SqlResource;
import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.disclosure.DisclosureControl;
import al.antitrafficking.warehouse.indicator.Audience;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.Completeness;
import al.antitrafficking.warehouse.indicator.Convergence;
import al.antitrafficking.warehouse.indicator.IndicatorEngine;
import al.antitrafficking.warehouse.indicator.IndicatorQuery;
import al.antitrafficking.warehouse.indicator.IndicatorResult;
import al.antitrafficking.warehouse.indicator.Indicators;
import al.antitrafficking.warehouse.indicator.PeriodType;
import al.antitrafficking.warehouse.indicator.Population;
import al.antitrafficking.warehouse.indicator.ResultRow;
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
import java.util.Optional;
import java.util.Properties;
import org.duckdb.DuckDBConnection;

/**
 * {@link OverviewQueries} and the query layer over a snapshot's DuckDB database, opened read-only. Each call
 * runs on its own duplicate of one connection, so calls may come from many threads. The overview's figures
 * are catalogue indicators asked of the query layer, so they pass its {@link DisclosureControl} like any other.
 */
public final class DuckDbOverviewQueries implements OverviewQueries, Indicators, AutoCloseable {
    private static final String COUNTY_NAMES = "SELECT code, name FROM dim_county ORDER BY code";
    private static final String SNAPSHOT_SUMMARY = SqlResource.load(DuckDbOverviewQueries.class, "snapshot_summary.sql");
    private static final List<String> VICTIM_STATUSES = List.of("potential", "presumed", "identified");

    private final String snapshotId;
    private final DuckDBConnection connection;
    private final DisclosureControl disclosure;
    private final IndicatorEngine engine;
    private final Completeness completeness;
    private final Convergence convergence;

    private DuckDbOverviewQueries(String snapshotId, DuckDBConnection connection, DisclosureControl disclosure, Catalogue catalogue,
                                  Population population, int deadlineDay) {
        this.snapshotId = snapshotId;
        this.connection = connection;
        this.disclosure = disclosure;
        this.engine = new IndicatorEngine(catalogue, population, this::duplicate, disclosure, snapshotId);
        this.completeness = new Completeness(this::duplicate, deadlineDay);
        this.convergence = new Convergence(this::duplicate, disclosure, snapshotId);
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

    @Override
    public Convergence.Flow convergence(String start, YearMonth from, YearMonth to, Optional<String> county) {
        return convergence.flow(start, from, to, county);
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
        Optional<IndicatorQuery> q = snapshotMonths("children_encountered");
        if (q.isEmpty()) {
            return new MonthlyTrend("children_encountered", List.of(new Series("all", List.of())), disclosure.minCount());
        }
        IndicatorResult r = engine.run(q.get()).requirePublishable();
        return new MonthlyTrend("children_encountered", List.of(new Series("all", points(r.rows()))), r.suppressionThreshold());
    }

    /**
     * One series per status, in the order potential, presumed, identified, from the catalogue's child_victims
     * grouped by status (protected as one table: statuses × months). A status no row has is zero in the months
     * the NRM reported and not reported in the others.
     */
    @Override
    public MonthlyTrend childVictimsMonthly() {
        Optional<IndicatorQuery> q = snapshotMonths("child_victims");
        if (q.isEmpty()) {
            return new MonthlyTrend("child_victims", VICTIM_STATUSES.stream().map(s -> new Series(s, List.of())).toList(),
                    disclosure.minCount());
        }
        IndicatorResult byStatus = engine.run(q.get().groupedBy("status")).requirePublishable();
        List<Point> national = null;
        List<Series> series = new ArrayList<>();
        for (String status : VICTIM_STATUSES) {
            List<ResultRow> rows = byStatus.rows().stream().filter(r -> status.equals(r.group().get("status"))).toList();
            if (rows.isEmpty() && national == null) {
                // Which months the NRM reported, asked only when a status has no row at all.
                national = points(engine.run(q.get()).requirePublishable().rows());
            }
            series.add(new Series(status, rows.isEmpty()
                    ? national.stream().map(p -> p.status() == CellStatus.NOT_REPORTED ? p : new Point(p.period(), 0L, CellStatus.PUBLISHED))
                            .toList()
                    : points(rows)));
        }
        return new MonthlyTrend("child_victims", series, byStatus.suppressionThreshold());
    }

    /** The catalogue's children_encountered by county over from..to as one period. */
    @Override
    public CountyBreakdown childrenEncounteredByCounty(YearMonth from, YearMonth to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("Cannot query period: from " + from + " is after to " + to);
        }
        IndicatorResult r = engine.run(new IndicatorQuery("children_encountered", from, to, PeriodType.RANGE, Map.of(), List.of("county"),
                Audience.PUBLIC)).requirePublishable();
        Map<String, String> names = query(COUNTY_NAMES, List.of(), rs -> {
            Map<String, String> byCode = new LinkedHashMap<>();
            while (rs.next()) {
                byCode.put(rs.getString(1), rs.getString(2));
            }
            return byCode;
        });
        List<CountyFigure> figures = r.rows().stream().map(row -> new CountyFigure(row.group().get("county"),
                names.getOrDefault(row.group().get("county"), row.group().get("county")), row.numerator(), row.status())).toList();
        return new CountyBreakdown("children_encountered", from.toString(), to.toString(), figures, r.suppressionThreshold());
    }

    /** The indicator nationally, monthly over every month the snapshot's files cover; empty for an empty snapshot. */
    private Optional<IndicatorQuery> snapshotMonths(String indicator) {
        SnapshotSummary summary = snapshot();
        if (summary.firstMonth() == null) {
            return Optional.empty();
        }
        return Optional.of(IndicatorQuery.of(indicator, YearMonth.parse(summary.firstMonth()), YearMonth.parse(summary.lastMonth()),
                PeriodType.MONTH));
    }

    private static List<Point> points(List<ResultRow> rows) {
        return rows.stream().map(r -> new Point(r.period(), r.status() == CellStatus.PUBLISHED ? r.numerator() : null, r.status())).toList();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close warehouse: " + e.getMessage(), e);
        }
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
