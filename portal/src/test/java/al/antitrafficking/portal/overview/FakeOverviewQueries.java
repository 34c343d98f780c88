package al.antitrafficking.portal.overview;

import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.query.CountyBreakdown;
import al.antitrafficking.warehouse.query.CountyFigure;
import al.antitrafficking.warehouse.query.MonthlyTrend;
import al.antitrafficking.warehouse.query.IndicatorTrends;
import al.antitrafficking.warehouse.query.OverviewQueries;
import al.antitrafficking.warehouse.query.Point;
import al.antitrafficking.warehouse.query.Series;
import al.antitrafficking.warehouse.query.SnapshotSummary;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Fixed answers (hand-written, not from the warehouse), recording the period the portal asked for; {@code failing} makes every call throw. */
public final class FakeOverviewQueries implements OverviewQueries, IndicatorTrends {
    public final List<String> countyPeriodsAsked = new ArrayList<>();
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

    private void check() {
        if (failing) {
            throw new IllegalStateException("Cannot query warehouse snapshot: SQL error near 'secret_table'");
        }
    }
}
