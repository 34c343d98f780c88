package al.antitrafficking.warehouse.indicator;

import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.query.IndicatorTrends;
import al.antitrafficking.warehouse.query.MonthlyTrend;
import al.antitrafficking.warehouse.query.OverviewQueries;
import al.antitrafficking.warehouse.query.Point;
import al.antitrafficking.warehouse.query.Series;
import al.antitrafficking.warehouse.query.SnapshotSummary;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * County trends (the effect view of a forum action) through the one query layer: any catalogue count
 * that can be broken down by county, monthly over the published snapshot's months, for the public audience.
 */
public final class CatalogueTrends implements IndicatorTrends {
    private final Indicators indicators;
    private final OverviewQueries overview;

    public CatalogueTrends(Indicators indicators, OverviewQueries overview) {
        this.indicators = indicators;
        this.overview = overview;
    }

    @Override
    public Set<String> trendIndicators() {
        Set<String> ids = new TreeSet<>();
        for (Indicator i : indicators.catalogue().indicators()) {
            if (i.unit() == Unit.COUNT && i.dimensions().contains("county")) {
                ids.add(i.id());
            }
        }
        return ids;
    }

    @Override
    public MonthlyTrend countyMonthly(String indicator, String countyCode) {
        if (!trendIndicators().contains(indicator)) {
            throw new QueryRefusedException("Cannot query trend: " + indicator + " is not a count by county; known: " + trendIndicators());
        }
        SnapshotSummary snapshot = overview.snapshot();
        if (snapshot.firstMonth() == null) {
            return new MonthlyTrend(indicator, List.of(new Series("all", List.of())), 0);
        }
        IndicatorResult result = indicators.run(IndicatorQuery.of(indicator, YearMonth.parse(snapshot.firstMonth()),
                YearMonth.parse(snapshot.lastMonth()), PeriodType.MONTH).filtered("county", countyCode)).requirePublishable();
        List<Point> points = result.rows().stream().map(r -> new Point(r.period(),
                r.status() == CellStatus.PUBLISHED ? r.numerator() : null, r.status())).toList();
        return new MonthlyTrend(indicator, List.of(new Series("all", points)), result.suppressionThreshold());
    }
}
