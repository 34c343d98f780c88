package al.antitrafficking.warehouse.query;

import al.antitrafficking.warehouse.disclosure.DisclosureControl;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.Completeness;
import al.antitrafficking.warehouse.indicator.IndicatorQuery;
import al.antitrafficking.warehouse.indicator.IndicatorResult;
import al.antitrafficking.warehouse.indicator.Indicators;
import al.antitrafficking.warehouse.indicator.Population;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;

/**
 * The queries of whichever snapshot is published now. At most once per {@code checkEvery} a call reads the
 * CURRENT pointer; when a new snapshot was published it is opened and used from then on. The snapshot it
 * replaces stays open until the next switch, so calls already running on it finish; the warehouse build
 * keeps at least two snapshots, so the previous one is never pruned from under them.
 */
public final class LatestSnapshotQueries implements OverviewQueries, Indicators, AutoCloseable {
    private final Snapshots snapshots;
    private final DisclosureControl disclosure;
    private final Catalogue catalogue;
    private final Population population;
    private final int deadlineDay;
    private final Clock clock;
    private final Duration checkEvery;
    private DuckDbOverviewQueries current;
    private DuckDbOverviewQueries previous;
    private Instant lastCheck;

    public LatestSnapshotQueries(Snapshots snapshots, DisclosureControl disclosure, Catalogue catalogue, Population population,
                                 int deadlineDay, Clock clock, Duration checkEvery) {
        this.deadlineDay = deadlineDay;
        this.snapshots = snapshots;
        this.disclosure = disclosure;
        this.catalogue = catalogue;
        this.population = population;
        this.clock = clock;
        this.checkEvery = checkEvery;
        this.current = DuckDbOverviewQueries.open(published(), disclosure, catalogue, population, deadlineDay);
        this.lastCheck = clock.instant();
    }

    private Snapshot published() {
        return snapshots.current().orElseThrow(() -> new IllegalStateException(
                "Cannot open warehouse: no published snapshot; run the ETL and the warehouse build first"));
    }

    private synchronized DuckDbOverviewQueries latest() {
        Instant now = clock.instant();
        if (Duration.between(lastCheck, now).compareTo(checkEvery) >= 0) {
            lastCheck = now;
            Snapshot snapshot = published();
            if (!snapshot.id().equals(current.snapshotId())) {
                DuckDbOverviewQueries next = DuckDbOverviewQueries.open(snapshot, disclosure, catalogue, population, deadlineDay);
                if (previous != null) {
                    previous.close();
                }
                previous = current;
                current = next;
            }
        }
        return current;
    }

    @Override
    public SnapshotSummary snapshot() {
        return latest().snapshot();
    }

    @Override
    public MonthlyTrend childrenEncounteredMonthly() {
        return latest().childrenEncounteredMonthly();
    }

    @Override
    public MonthlyTrend childVictimsMonthly() {
        return latest().childVictimsMonthly();
    }

    @Override
    public CountyBreakdown childrenEncounteredByCounty(YearMonth from, YearMonth to) {
        return latest().childrenEncounteredByCounty(from, to);
    }

    @Override
    public Catalogue catalogue() {
        return catalogue;
    }

    @Override
    public IndicatorResult run(IndicatorQuery query) {
        return latest().run(query);
    }

    @Override
    public Completeness.Report completeness(YearMonth from, YearMonth to) {
        return latest().completeness(from, to);
    }

    @Override
    public al.antitrafficking.warehouse.indicator.Convergence.Flow convergence(String start, YearMonth from, YearMonth to,
                                                                              java.util.Optional<String> county) {
        return latest().convergence(start, from, to, county);
    }

    @Override
    public synchronized void close() {
        if (previous != null) {
            previous.close();
        }
        current.close();
    }
}
