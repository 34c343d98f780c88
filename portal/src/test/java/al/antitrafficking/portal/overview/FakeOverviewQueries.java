package al.antitrafficking.portal.overview;

import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.query.CountyBreakdown;
import al.antitrafficking.warehouse.query.CountyFigure;
import al.antitrafficking.warehouse.query.MonthlyTrend;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.IndicatorQuery;
import al.antitrafficking.warehouse.indicator.IndicatorResult;
import al.antitrafficking.warehouse.indicator.Indicators;
import al.antitrafficking.warehouse.indicator.QueryRefusedException;
import al.antitrafficking.warehouse.indicator.ResultRow;
import al.antitrafficking.warehouse.indicator.Unit;
import al.antitrafficking.warehouse.query.IndicatorTrends;
import al.antitrafficking.warehouse.query.OverviewQueries;
import al.antitrafficking.warehouse.query.Point;
import al.antitrafficking.warehouse.query.Series;
import al.antitrafficking.warehouse.query.SnapshotSummary;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Fixed answers (hand-written, not from the warehouse), recording the period the portal asked for; {@code failing} makes every call throw. */
public final class FakeOverviewQueries implements OverviewQueries, IndicatorTrends, Indicators {
    public final List<String> countyPeriodsAsked = new ArrayList<>();
    public final List<IndicatorQuery> indicatorQueries = new ArrayList<>();
    private final Catalogue catalogue = Catalogue.load(java.nio.file.Path.of(System.getProperty("project.root", ".."))
            .resolve("conf/indicators/catalogue.yaml"));
    public boolean failing;

    @Override
    public SnapshotSummary snapshot() {
        check();
        return new SnapshotSummary("20260101T000000000Z", "2024-01", "2025-06", 100, 2);
    }

    @Override
    public MonthlyTrend childrenEncounteredMonthly() {
        check();
        return new MonthlyTrend("children_encountered", List.of(new Series("all", List.of(
                new Point("2025-05", 40L, CellStatus.PUBLISHED),
                new Point("2025-06", null, CellStatus.SUPPRESSED_SMALL_COUNT)))), 5);
    }

    @Override
    public MonthlyTrend childVictimsMonthly() {
        check();
        return new MonthlyTrend("child_victims", List.of(
                new Series("potential", List.of(new Point("2025-06", 7L, CellStatus.PUBLISHED))),
                new Series("presumed", List.of(new Point("2025-06", null, CellStatus.NOT_REPORTED))),
                new Series("identified", List.of(new Point("2025-06", 0L, CellStatus.PUBLISHED)))), 5);
    }

    @Override
    public CountyBreakdown childrenEncounteredByCounty(YearMonth from, YearMonth to) {
        check();
        countyPeriodsAsked.add(from + ".." + to);
        return new CountyBreakdown("children_encountered", from.toString(), to.toString(), List.of(
                new CountyFigure("AL-07", "Kukës", 12L, CellStatus.PUBLISHED),
                new CountyFigure("AL-05", "Gjirokastër", null, CellStatus.SUPPRESSED_SMALL_COUNT)), 5);
    }

    @Override
    public java.util.Set<String> trendIndicators() {
        return java.util.Set.of("children_encountered", "child_victims");
    }

    /** A two-month line per county: 9 and 11 children for any indicator and county. */
    @Override
    public MonthlyTrend countyMonthly(String indicator, String countyCode) {
        check();
        return new MonthlyTrend(indicator, List.of(new Series("all", List.of(
                new Point("2025-05", 9L, CellStatus.PUBLISHED), new Point("2025-06", 11L, CellStatus.PUBLISHED)))), 5);
    }

    @Override
    public Catalogue catalogue() {
        return catalogue;
    }

    /** Records the query; refuses a group-by named "refused" as the real layer refuses unknown names; else one fixed row. */
    @Override
    public IndicatorResult run(IndicatorQuery query) {
        check();
        indicatorQueries.add(query);
        if (query.groupBy().contains("refused")) {
            throw new QueryRefusedException("Cannot query " + query.indicator() + ": it cannot be grouped by that dimension");
        }
        return new IndicatorResult(query.indicator(), Unit.COUNT, query.periodType(), query.groupBy(), List.of(
                new ResultRow("2025-Q1", java.util.Map.of(), 42.0, 42L, null, CellStatus.PUBLISHED, java.util.Set.of())),
                5, query.audience(), "20260101T000000000Z");
    }

    /** No submissions: a fixed empty report for the months asked. */
    @Override
    public al.antitrafficking.warehouse.indicator.Completeness.Report completeness(YearMonth from, YearMonth to) {
        check();
        return new al.antitrafficking.warehouse.indicator.Completeness.Report(from.toString(), to.toString(), 15, List.of(), List.of(),
                java.util.Map.of());
    }

    private void check() {
        if (failing) {
            throw new IllegalStateException("Cannot query warehouse snapshot: SQL error near 'secret_table'");
        }
    }
}
