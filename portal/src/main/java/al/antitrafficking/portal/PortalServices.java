package al.antitrafficking.portal;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.warehouse.forum.ForumStore;
import al.antitrafficking.warehouse.indicator.Indicators;
import al.antitrafficking.warehouse.query.IndicatorTrends;
import al.antitrafficking.warehouse.query.OverviewQueries;
import al.antitrafficking.warehouse.reference.Territory;
import java.nio.file.Path;
import java.time.Clock;

/** What the portal is built over: the warehouse's query API and query layer, the forum store, the territory, a clock, the backup folder. */
public record PortalServices(
        OverviewQueries overview,
        IndicatorTrends trends,
        Indicators indicators,
        ForumStore forums,
        Territory territory,
        Clock clock,
        Path forumBackupDir) {

    public PortalServices {
        requireNonNull(overview, "overview is null");
        requireNonNull(trends, "trends is null");
        requireNonNull(indicators, "indicators is null");
        requireNonNull(forums, "forums is null");
        requireNonNull(territory, "territory is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(forumBackupDir, "forumBackupDir is null");
    }
}
