package al.antitrafficking.portal;

import al.antitrafficking.warehouse.forum.DuckDbForumStore;
import al.antitrafficking.warehouse.forum.ForumRules;
import al.antitrafficking.warehouse.pii.PiiGuard;
import al.antitrafficking.warehouse.reference.Countries;
import al.antitrafficking.warehouse.reference.Territory;
import al.antitrafficking.warehouse.release.PublishedRelease;
import al.antitrafficking.warehouse.release.PublishedReleases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/** The portal's test wiring: the project's folder and territory, a real forum store in a given folder, a fixed clock. */
public final class TestPortal {
    public static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    public static final Territory TERRITORY = Territory.load(ROOT.resolve("conf/reference"));
    /** The personal-data guard of the project's conf/pii, as the portal loads it. */
    public static final PiiGuard GUARD = PiiGuard.load(ROOT.resolve("conf/pii"), TERRITORY, Countries.load(ROOT.resolve("conf/reference")));
    /** 1 March 2026, 09:00 UTC: 10:00 in Tirana. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

    private TestPortal() {}

    /** A forum store in {@code dir} whose actions may name the indicators the release has county trends of. */
    public static DuckDbForumStore store(Path dir, PublishedRelease release) {
        return DuckDbForumStore.open(dir.resolve("forums.duckdb"), rules(release.trendIndicators()), CLOCK);
    }

    /** The forum rules, with the project's personal-data guard, for actions that may name these indicators. */
    public static ForumRules rules(Set<String> indicators) {
        return new ForumRules(TERRITORY, indicators, GUARD);
    }

    public static PortalServices services(PublishedReleases releases, DuckDbForumStore forums, Path dir) {
        return new PortalServices(releases, forums, TERRITORY, CLOCK, dir.resolve("backups"));
    }
}
