package al.antitrafficking.portal;

import al.antitrafficking.portal.access.PortalSecurity;
import al.antitrafficking.warehouse.access.AccessRules;
import al.antitrafficking.warehouse.access.UserForm;
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
    public static final al.antitrafficking.warehouse.access.Institutions INSTITUTIONS =
            al.antitrafficking.warehouse.access.Institutions.load(ROOT.resolve("conf/reference"));
    public static final al.antitrafficking.warehouse.reference.ValueLabels LABELS =
            al.antitrafficking.warehouse.reference.ValueLabels.load(ROOT.resolve("conf/reference"));
    public static final PiiGuard GUARD = PiiGuard.load(ROOT.resolve("conf/pii"), TERRITORY, Countries.load(ROOT.resolve("conf/reference")));
    public static final al.antitrafficking.warehouse.contract.DataContract CONTRACT =
            al.antitrafficking.warehouse.contract.DataContract.load(ROOT.resolve("conf/contract/v1.csv"));
    /** The ingestion's guard of every column of the contract, as the portal checks clerks' files with it. */
    public static final al.antitrafficking.warehouse.pii.ColumnGuard COLUMN_GUARD = al.antitrafficking.warehouse.pii.ColumnGuard.load(
            ROOT.resolve("conf/pii"), TERRITORY, Countries.load(ROOT.resolve("conf/reference")), CONTRACT);
    /** 1 March 2026, 09:00 UTC: 10:00 in Tirana. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

    private TestPortal() {}

    /** A forum store in {@code dir} whose actions may name the indicators the release has county trends of. */
    public static DuckDbForumStore store(Path dir, PublishedRelease release) {
        return DuckDbForumStore.open(dir.resolve("forums.duckdb"), rules(release.trendIndicators()), CLOCK);
    }

    /** The forum rules, with the project's personal-data guard, for actions that may name these indicators. */
    public static ForumRules rules(Set<String> indicators) {
        return new ForumRules(TERRITORY, indicators, GUARD).withInstitutions(INSTITUTIONS);
    }

    /** The role × capability table the project ships. */
    public static final AccessRules ACCESS = AccessRules.load(ROOT.resolve("conf/access/roles.csv"));

    /**
     * The portal over a release and a store, with one account per role in the store (the demo's usernames, passwords from
     * {@link #password}), the project's role table and the default loopback settings.
     */
    public static PortalServices services(PublishedReleases releases, DuckDbForumStore forums, Path dir) {
        // Not the fixture's incoming folder: other tests read its files as the expected figures.
        return services(releases, forums, dir, dir.resolve("clerk-uploads"));
    }

    /** The same, with clerks' uploads placed in {@code incoming} (a test that runs the ingestion over them). */
    public static PortalServices services(PublishedReleases releases, DuckDbForumStore forums, Path dir, Path incoming) {
        addAccounts(forums);
        return new PortalServices(releases, forums, forums.users(), forums.audit(), ACCESS, TERRITORY, CLOCK, dir.resolve("backups"), 30,
                PortalSecurity.loopback(), releases.internalAccess("256MB", 2), INSTITUTIONS, uploads(forums, incoming, CLOCK), LABELS);
    }

    /** Clerks' uploads into {@code incoming}, checked by the project's contract and guard, at most 4 MiB, a run at 02:00. */
    public static al.antitrafficking.portal.upload.Uploads uploads(DuckDbForumStore forums, Path incoming, Clock clock) {
        return new al.antitrafficking.portal.upload.Uploads(new al.antitrafficking.warehouse.intake.ClerkUpload(CONTRACT, COLUMN_GUARD, TERRITORY,
                incoming, incoming.resolve(".upload-work"), 4_194_304, 1000, clock), forums.uploadReceipts(), java.time.LocalTime.of(2, 0));
    }

    /** One account per role: coordinator, statistician, kukes (regional committee, AL-07), partner (Border Police Kukës), ... */
    public static void addAccounts(DuckDbForumStore forums) {
        for (UserForm u : PortalApp.DEMO_USERS) {
            if (forums.users().find(u.username()).isEmpty()) {
                forums.users().create(u, password(u.username()).toCharArray(), "test");
            }
        }
    }

    /** The usernames of {@link #addAccounts} by role id. */
    public static final java.util.Map<String, String> ACCOUNT_OF_ROLE = PortalApp.DEMO_USERS.stream()
            .collect(java.util.stream.Collectors.toMap(UserForm::role, UserForm::username));

    public static String password(String username) {
        return "test only, account number " + username.length() + "/" + Integer.toHexString(username.hashCode());
    }
}
