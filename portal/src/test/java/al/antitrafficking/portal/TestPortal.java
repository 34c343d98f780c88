package al.antitrafficking.portal;

import al.antitrafficking.portal.overview.FakeOverviewQueries;
import al.antitrafficking.warehouse.forum.DuckDbForumStore;
import al.antitrafficking.warehouse.forum.ForumRules;
import al.antitrafficking.warehouse.reference.Territory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The portal's test wiring: the project's territory, a real forum store in a temp folder, a fixed clock. */
public final class TestPortal {
    public static final Territory TERRITORY = Territory.load(Path.of(System.getProperty("project.root", "..")).resolve("conf/reference"));
    /** 1 March 2026, 09:00 UTC: 10:00 in Tirana. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

    private TestPortal() {}

    public static DuckDbForumStore store(Path dir) {
        return DuckDbForumStore.open(dir.resolve("forums.duckdb"),
                new ForumRules(TERRITORY, new FakeOverviewQueries().trendIndicators()), CLOCK);
    }

    public static PortalServices services(FakeOverviewQueries warehouse, DuckDbForumStore forums, Path dir) {
        return new PortalServices(warehouse, warehouse, warehouse, forums, TERRITORY, CLOCK, dir.resolve("backups"));
    }
}
