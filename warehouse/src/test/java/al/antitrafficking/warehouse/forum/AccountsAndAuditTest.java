package al.antitrafficking.warehouse.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.antitrafficking.warehouse.access.AccessRules;
import al.antitrafficking.warehouse.access.AuditEvent;
import al.antitrafficking.warehouse.access.Capability;
import al.antitrafficking.warehouse.access.Institutions;
import al.antitrafficking.warehouse.access.Role;
import al.antitrafficking.warehouse.access.User;
import al.antitrafficking.warehouse.access.UserForm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts and the audit trail in the operational store, and the role table the project ships. */
class AccountsAndAuditTest {
    static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    static final Institutions INSTITUTIONS = Institutions.load(ROOT.resolve("conf/reference"));

    @TempDir
    Path dir;
    DuckDbForumStore store;

    @BeforeEach
    void open() {
        store = DuckDbForumStore.open(dir.resolve("forums.duckdb"), DuckDbForumStoreTest.RULES, DuckDbForumStoreTest.CLOCK);
        store.accountRules(code -> DuckDbForumStoreTest.TERRITORY.findCounty(code).isPresent(), n -> INSTITUTIONS.byName(n).isPresent());
    }

    @AfterEach
    void close() {
        store.close();
    }

    static UserForm form(String username, String role, String county, String institution) {
        return new UserForm(username, "Name of " + username, role, county, institution, false, null);
    }

    @Test
    void anAccountSignsInWithItsPasswordOnlyAndTheStoreKeepsAnArgon2HashNotThePassword() throws Exception {
        store.users().create(form("Ana.Kukes", "regional_committee", "AL-07", null), "a long enough password".toCharArray(), "test");

        assertThat(store.users().authenticate("ana.kukes", "a long enough password".toCharArray())).get()
                .extracting(User::role, User::county).containsExactly(Role.REGIONAL_COMMITTEE, "AL-07");
        assertThat(store.users().authenticate("ana.kukes", "a long enough passwort".toCharArray())).isEmpty();
        assertThat(store.users().authenticate("nobody", "a long enough password".toCharArray())).isEmpty();
        store.close();
        byte[] file = Files.readAllBytes(dir.resolve("forums.duckdb"));
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain("a long enough password").contains("$argon2id$");
        store = DuckDbForumStore.open(dir.resolve("forums.duckdb"), DuckDbForumStoreTest.RULES, DuckDbForumStoreTest.CLOCK);
    }

    @Test
    void refusesAccountsThatBreakTheRulesWithEachFieldsProblem() {
        assertThatThrownBy(() -> store.users().create(form("x", "regional_committee", null, null), "short".toCharArray(), "test"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("username", "county",
                        "password"));
        assertThatThrownBy(() -> store.users().create(form("partner", "partner_organisation", null, "Some NGO"),
                "a long enough password".toCharArray(), "test"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("institution"));
        assertThatThrownBy(() -> store.users().create(form("coordinator", "national_coordinator", "AL-07", null),
                "a long enough password".toCharArray(), "test"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("county"));
        assertThatThrownBy(() -> store.users().create(form("coordinator", "national_coordinator", null, null),
                "coordinator-password".toCharArray(), "test"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("password"));
        assertThat(store.users().users()).isEmpty();
    }

    @Test
    void aDisabledAccountCannotSignInAndAStaleEditIsAConflict() {
        User created = store.users().create(form("partner", "partner_organisation", null, "Border Police Directorate Kukës"),
                "a long enough password".toCharArray(), "test");
        store.users().update("partner", new UserForm("partner", "Border Police Kukës", "partner_organisation", null,
                "Border Police Directorate Kukës", true, created.version()), "admin");

        assertThat(store.users().authenticate("partner", "a long enough password".toCharArray())).isEmpty();
        assertThatThrownBy(() -> store.users().update("partner", new UserForm("partner", "x", "partner_organisation", null,
                "Border Police Directorate Kukës", false, created.version()), "admin")).isInstanceOf(VersionConflictException.class);
    }

    @Test
    void theAuditTrailKeepsEveryEventInOrderAndTravelsWithTheBackup() {
        store.audit().record(new AuditEvent(0, null, "ana", "regional_committee", AuditEvent.SIGN_IN, "session", null, null, "127.0.0.1", "ok"));
        store.audit().record(new AuditEvent(0, null, "ana", "regional_committee", AuditEvent.EXPORT, "/api/v1/actions/export.csv",
                "county=AL-07", "20261130T102504034Z", "127.0.0.1", "ok"));
        store.users().create(form("admin", "administrator", null, null), "a long enough password".toCharArray(), "test");
        Path backup = dir.resolve("backup.duckdb");
        store.backupTo(backup);

        assertThat(store.audit().newest(10, null, null)).extracting(AuditEvent::id, AuditEvent::event)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "export"), org.assertj.core.groups.Tuple.tuple(1L, "sign_in"));
        assertThat(store.audit().newest(10, null, AuditEvent.EXPORT)).singleElement().extracting(AuditEvent::details).isEqualTo("county=AL-07");
        try (DuckDbForumStore copy = DuckDbForumStore.open(backup, DuckDbForumStoreTest.RULES, DuckDbForumStoreTest.CLOCK)) {
            assertThat(copy.audit().newest(10, null, null)).hasSize(2);
            assertThat(copy.users().authenticate("admin", "a long enough password".toCharArray())).isPresent();
        }
    }

    @Test
    void theShippedRoleTableGivesEachRoleWhatTheIssueSays() {
        AccessRules rules = AccessRules.load(ROOT.resolve("conf/access/roles.csv"));

        assertThat(rules.of(Role.NATIONAL_COORDINATOR)).contains(Capability.VIEW_INTERNAL_FIGURES, Capability.INTEGRATE_ACTIONS,
                Capability.EDIT_ACTIONS_ANY).doesNotContain(Capability.MANAGE_USERS);
        assertThat(rules.of(Role.ADMINISTRATOR)).containsExactlyInAnyOrder(Capability.VIEW_PUBLIC, Capability.MANAGE_USERS,
                Capability.READ_AUDIT, Capability.TAKE_BACKUPS);
        assertThat(rules.of(Role.DATA_MANAGER)).containsExactlyInAnyOrder(Capability.VIEW_PUBLIC, Capability.VIEW_INGESTION_REPORTS);
        assertThat(rules.anonymous()).isEqualTo(Set.of(Capability.VIEW_PUBLIC));
        for (Role role : Role.values()) {
            assertThat(rules.of(role)).as(role.id()).contains(Capability.VIEW_PUBLIC);
            if (role != Role.NATIONAL_COORDINATOR) {
                assertThat(rules.of(role)).as(role.id()).doesNotContain(Capability.VIEW_INTERNAL_FIGURES, Capability.INTEGRATE_ACTIONS);
            }
        }
    }

    @Test
    void anActionsResponsibleInstitutionIsOneOfTheReferenceListWrittenAsThere() {
        ForumRules rules = DuckDbForumStoreTest.RULES.withInstitutions(INSTITUTIONS);
        ActionForm unknown = new ActionForm(2L, "Joint review", DuckDbForumStoreTest.FINDING, "Some Office Kukës", "AL-07", "2026-06-30",
                java.util.List.of(), "Arben", null);
        ActionForm lowerCase = new ActionForm(2L, "Joint review", DuckDbForumStoreTest.FINDING, "border police directorate kukës", "AL-07",
                "2026-06-30", java.util.List.of(), "Arben", null);
        java.util.Optional<Forum> forum = store.findForum(2);

        assertThatThrownBy(() -> rules.action(unknown, forum)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("responsibleInstitution"));
        assertThat(rules.action(lowerCase, forum).responsibleInstitution()).isEqualTo("Border Police Directorate Kukës");
    }

    @Test
    void theLastActiveAdministratorCannotBeDisabledOrDemotedSoNobodyIsLockedOut() {
        User admin = store.users().create(form("admin", "administrator", null, null), "a long enough password".toCharArray(), "test");

        assertThatThrownBy(() -> store.users().update("admin", new UserForm("admin", "Admin", "administrator", null, null, true, admin.version()),
                "admin")).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("role"));
        assertThatThrownBy(() -> store.users().update("admin", new UserForm("admin", "Admin", "ministry_statistician", null, null, false,
                admin.version()), "admin")).isInstanceOf(InvalidInputException.class);
        store.users().create(form("second", "administrator", null, null), "a long enough password".toCharArray(), "test");
        assertThat(store.users().update("admin", new UserForm("admin", "Admin", "ministry_statistician", null, null, false, admin.version()),
                "second").role()).isEqualTo(Role.MINISTRY_STATISTICIAN);
    }
}
