package al.antitrafficking.portal.access;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.Http;
import al.antitrafficking.portal.PortalApp;
import al.antitrafficking.portal.PortalFixture;
import al.antitrafficking.portal.Route;
import al.antitrafficking.portal.TestPortal;
import al.antitrafficking.warehouse.access.AuditEvent;
import al.antitrafficking.warehouse.forum.DuckDbForumStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may use which route, over real HTTP: every route of the portal's route table × every role and an anonymous visitor,
 * against the expected answers written out below from the description of the roles (not from conf/access/roles.csv,
 * which the portal reads). A route the table has and this test does not know fails the test.
 */
class AccessTest {
    static final PortalFixture FIXTURE = PortalFixture.get();
    static final String ANONYMOUS = "anonymous";
    static final List<String> ROLES = List.of("national_coordinator", "ministry_statistician", "regional_committee", "partner_organisation",
            "data_manager", "data_clerk", "administrator");
    static final Set<String> EVERYONE = Set.of(ANONYMOUS, "national_coordinator", "ministry_statistician", "regional_committee",
            "partner_organisation", "data_manager", "data_clerk", "administrator");
    static final Set<String> SIGNED_IN = Set.copyOf(ROLES);
    /** Who follows forums and actions: the coordinator, the ministry, the regional committees, the partner organisations. */
    static final Set<String> FOLLOWERS = Set.of("national_coordinator", "ministry_statistician", "regional_committee", "partner_organisation");
    static final Set<String> EDITORS = Set.of("national_coordinator", "regional_committee");
    static final Set<String> FOLLOW_UP = Set.of("national_coordinator", "regional_committee", "partner_organisation");
    static final Set<String> ADMIN = Set.of("administrator");

    /** The expected table: route → who gets past the access check. */
    static final Map<String, Set<String>> EXPECTED = new LinkedHashMap<>();

    static {
        for (String r : List.of("GET /api/v1/openapi.json", "GET /api/v1/session", "POST /api/v1/session", "GET /api/v1/snapshot",
                "GET /api/v1/releases", "GET /api/v1/releases/{id}", "GET /api/v1/releases/{id}/files/{file}", "GET /api/v1/reference",
                "GET /api/v1/indicators", "GET /api/v1/indicators/{id}", "GET /api/v1/answers", "GET /api/v1/completeness", "GET /api/v1/convergence",
                "GET /api/v1/statistics", "GET /api/v1/statistics/{id}", "GET /api/v1/statistics/{id}/export.{format}",
                "GET /api/v1/returns", "GET /api/v1/returns/{id}", "GET /api/v1/returns/{id}/export.{format}", "GET /api/v1/reference/glotip",
                "GET /api/v1/reference/glotip/reconciliation")) {
            EXPECTED.put(r, EVERYONE);
        }
        EXPECTED.put("DELETE /api/v1/session", SIGNED_IN);
        EXPECTED.put("POST /api/v1/session/password", SIGNED_IN);
        for (String r : List.of("GET /api/v1/forums", "GET /api/v1/forums/{id}", "GET /api/v1/actions", "GET /api/v1/actions/export.csv",
                "GET /api/v1/actions/export.xlsx", "GET /api/v1/actions/summary", "GET /api/v1/actions/{id}", "GET /api/v1/actions/{id}/effect",
                "GET /api/v1/translations")) {
            EXPECTED.put(r, FOLLOWERS);
        }
        for (String r : List.of("POST /api/v1/forums", "PUT /api/v1/forums/{id}", "PUT /api/v1/forums/{id}/translations", "POST /api/v1/actions",
                "PUT /api/v1/actions/{id}")) {
            EXPECTED.put(r, EDITORS);
        }
        EXPECTED.put("GET /api/v1/internal/indicators/{id}", Set.of("national_coordinator"));
        EXPECTED.put("GET /api/v1/internal/ingestion", Set.of("data_manager"));
        // The unsuppressed international returns, for submission to UNODC and Eurostat (issue 15).
        EXPECTED.put("GET /api/v1/internal/returns/{id}/export.{format}", Set.of("ministry_statistician"));
        // A data clerk sends the month's files of the county and reads their receipts (item 8).
        EXPECTED.put("GET /api/v1/uploads", Set.of("data_clerk"));
        EXPECTED.put("POST /api/v1/uploads", Set.of("data_clerk"));
        EXPECTED.put("POST /api/v1/actions/{id}/status", FOLLOW_UP);
        EXPECTED.put("POST /api/v1/actions/{id}/notes", FOLLOW_UP);
        for (String r : List.of("GET /api/v1/admin/users", "POST /api/v1/admin/users", "PUT /api/v1/admin/users/{username}",
                "POST /api/v1/admin/users/{username}/password", "GET /api/v1/admin/audit", "GET /api/v1/admin/audit/export.csv",
                "POST /api/v1/admin/forum-backups")) {
            EXPECTED.put(r, ADMIN);
        }
    }

    @TempDir
    static Path dir;
    static DuckDbForumStore store;
    static Javalin app;
    static Http anonymous;
    static long kukesAction;
    static long beratAction;

    @BeforeAll
    static void start() {
        store = TestPortal.store(dir, FIXTURE.release());
        app = PortalApp.create(TestPortal.services(FIXTURE.releases, store, dir)).start("127.0.0.1", 0);
        anonymous = new Http(app::port);
        Http coordinator = anonymous.as("coordinator");
        kukesAction = coordinator.call("POST", "/api/v1/actions", action("AL-07", "Border Police Directorate Kukës"), 201).get("id").asLong();
        beratAction = coordinator.call("POST", "/api/v1/actions", action("AL-01", "County Council Berat"), 201).get("id").asLong();
    }

    @AfterAll
    static void stop() {
        app.stop();
        store.close();
    }

    static Map<String, Object> action(String county, String institution) {
        return new HashMap<>(Map.of("forumId", 2, "text", "Joint monthly case review", "finding",
                "coordination between different local structures is incomplete", "responsibleInstitution", institution, "county", county,
                "dueDate", "2026-06-30", "indicators", List.of()));
    }

    @Test
    void everyRouteAnswersEachRoleAsTheRoleTableSays() {
        List<Route> routes = PortalApp.routes(TestPortal.services(FIXTURE.releases, store, dir));
        List<String> unknown = routes.stream().map(r -> r.method() + " " + r.path()).filter(r -> !EXPECTED.containsKey(r)).toList();
        assertThat(unknown).as("routes without an expected answer in this test: add them").isEmpty();
        assertThat(routes).hasSize(EXPECTED.size());

        Map<String, Http> clients = new HashMap<>();
        clients.put(ANONYMOUS, anonymous);
        ROLES.forEach(role -> clients.put(role, anonymous.asRole(role)));
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            String key = route.method() + " " + route.path();
            for (String who : clients.keySet()) {
                HttpResponse<String> r = clients.get(who).send(route.method().name(), path(route.path()), body(key));
                boolean allowed = EXPECTED.get(key).contains(who);
                int expectedRefusal = who.equals(ANONYMOUS) ? 401 : 403;
                if (allowed && (r.statusCode() == 401 || r.statusCode() == 403) || !allowed && r.statusCode() != expectedRefusal) {
                    wrong.add(key + " as " + who + ": " + r.statusCode() + " " + r.body());
                }
                if (key.equals("DELETE /api/v1/session") && !who.equals(ANONYMOUS)) {
                    clients.put(who, anonymous.asRole(who)); // signed out: sign in again for the next routes
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** A path with its parameters filled with things that exist. */
    private String path(String template) {
        String statistics = anonymous.json("/api/v1/statistics", 200).get("tables").get(0).get("id").asText();
        return template.replace("/releases/{id}", "/releases/" + FIXTURE.releaseId).replace("{file}", "tables.csv")
                .replace("/indicators/{id}", "/indicators/child_victims?period=year&reason=checking+access").replace("/statistics/{id}", "/statistics/" + statistics)
                .replace("/returns/{id}", "/returns/glotip").replace("{format}", "csv").replace("/forums/{id}", "/forums/2").replace("/actions/{id}", "/actions/" + kukesAction)
                .replace("{username}", "statistician").replace("/api/v1/answers", "/api/v1/answers?ask=child_victims%3Fperiod%3Dyear");
    }

    /** A body the route reads without changing anything (each is refused for a missing field once past the access check). */
    private static Object body(String route) {
        return switch (route) {
            case "POST /api/v1/session" -> Map.of();
            case "POST /api/v1/forums", "PUT /api/v1/forums/{id}" -> Map.of("municipality", "Kukës");
            case "POST /api/v1/actions", "PUT /api/v1/actions/{id}" -> Map.of("county", "AL-07");
            case "PUT /api/v1/forums/{id}/translations" -> Map.of("source", "", "language", "sq");
            case "POST /api/v1/actions/{id}/status" -> Map.of("status", "DROPPED");
            case "POST /api/v1/actions/{id}/notes" -> Map.of("text", "");
            case "POST /api/v1/session/password", "POST /api/v1/admin/users", "PUT /api/v1/admin/users/{username}",
                    "POST /api/v1/admin/users/{username}/password" -> Map.of();
            default -> null;
        };
    }

    @Test
    void aRegionalCommitteeChangesItsOwnCountyOnlyAndAPartnerFollowsUpItsOwnInstitutionsActionsOnly() {
        Http kukes = anonymous.as("kukes");
        Http partner = anonymous.as("partner");

        assertThat(kukes.send("POST", "/api/v1/actions", action("AL-01", "County Council Berat")).statusCode()).isEqualTo(403);
        assertThat(kukes.send("POST", "/api/v1/actions/" + beratAction + "/notes", Map.of("text", "met the team")).statusCode()).isEqualTo(403);
        assertThat(kukes.call("POST", "/api/v1/actions/" + kukesAction + "/notes", Map.of("text", "met the team"), 201)
                .get("author").asText()).isEqualTo("Demo Regional Committee Kukës (kukes)");
        assertThat(partner.call("POST", "/api/v1/actions/" + kukesAction + "/notes", Map.of("text", "crossing staff briefed"), 201)
                .get("author").asText()).isEqualTo("Demo Border Police Kukës (partner)");
        assertThat(partner.send("POST", "/api/v1/actions/" + beratAction + "/notes", Map.of("text", "x")).statusCode()).isEqualTo(403);
        // A partner follows up; it does not rewrite the action agreed at the forum.
        assertThat(partner.send("PUT", "/api/v1/actions/" + kukesAction, action("AL-07", "Border Police Directorate Kukës")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void onlyTheCoordinatorsOfficeDecidesAReview() {
        Http coordinator = anonymous.as("coordinator");
        Http kukes = anonymous.as("kukes");
        long id = coordinator.call("POST", "/api/v1/actions", action("AL-07", "County Council Kukës"), 201).get("id").asLong();
        int version = kukes.call("POST", "/api/v1/actions/" + id + "/status", Map.of("status", "UNDER_REVIEW", "version", 1), 200)
                .get("version").asInt();

        HttpResponse<String> integrate = kukes.send("POST", "/api/v1/actions/" + id + "/status", Map.of("status", "INTEGRATED", "version", version));
        assertThat(integrate.statusCode()).as(integrate.body()).isEqualTo(403);
        assertThat(coordinator.call("POST", "/api/v1/actions/" + id + "/status", Map.of("status", "INTEGRATED", "version", version), 200)
                .get("status").asText()).isEqualTo("INTEGRATED");
    }

    @Test
    void theEditorOfAChangeIsTheSignedInPersonNotAFieldOfTheBody() {
        Http coordinator = anonymous.as("coordinator");
        Map<String, Object> forged = action("AL-07", "County Council Kukës");
        forged.put("editor", "Someone Else");

        JsonNode created = coordinator.call("POST", "/api/v1/actions", forged, 201);

        assertThat(created.get("updatedBy").asText()).isEqualTo("Demo National Coordinator (coordinator)");
        JsonNode history = coordinator.json("/api/v1/actions/" + created.get("id").asLong(), 200).get("history");
        assertThat(history.get(0).get("editor").asText()).isEqualTo("Demo National Coordinator (coordinator)");
    }

    @Test
    void signingInGivesANewSessionIdAndSigningOutEndsIt() {
        HttpResponse<String> first = anonymous.send("POST", "/api/v1/session", Map.of("username", "statistician", "password",
                TestPortal.password("statistician")));
        String firstId = cookie(first);
        HttpResponse<String> second = anonymous.withHeader("Cookie", "nrm_session=" + firstId).send("POST", "/api/v1/session",
                Map.of("username", "statistician", "password", TestPortal.password("statistician")));
        String secondId = cookie(second);

        assertThat(secondId).isNotEqualTo(firstId).hasSize(43);
        assertThat(first.headers().allValues("Set-Cookie").get(0)).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        // The id the browser had before signing in again is dead.
        assertThat(anonymous.withHeader("Cookie", "nrm_session=" + firstId).json("/api/v1/session", 200).get("user").isNull()).isTrue();
        assertThat(anonymous.withHeader("Cookie", "nrm_session=" + secondId).json("/api/v1/session", 200).get("user").get("username")
                .asText()).isEqualTo("statistician");
    }

    @Test
    void repeatedFailedSignInsAreThrottledEvenWithTheRightPasswordAfterwards() {
        store.users().create(new al.antitrafficking.warehouse.access.UserForm("guessed", "Guessed At", "data_manager", null, null, false, null),
                "the right password here".toCharArray(), "test");
        for (int i = 0; i < 5; i++) {
            assertThat(anonymous.send("POST", "/api/v1/session", Map.of("username", "guessed", "password", "wrong password " + i))
                    .statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = anonymous.send("POST", "/api/v1/session", Map.of("username", "guessed", "password",
                "the right password here"));

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(store.audit().newest(20, "guessed", AuditEvent.SIGN_IN_FAILED)).hasSize(6)
                .allSatisfy(e -> assertThat(e.details()).isNull());
    }

    @Test
    void theAuditTrailRecordsSignInsExportsChangesAndBackups() {
        Http admin = anonymous.as("admin");
        Http coordinator = anonymous.as("coordinator");
        long id = coordinator.call("POST", "/api/v1/actions", action("AL-07", "County Council Kukës"), 201).get("id").asLong();
        coordinator.bytes("/api/v1/actions/export.csv?county=AL-07");
        anonymous.bytes("/api/v1/releases/" + FIXTURE.releaseId + "/files/tables.csv");
        admin.call("POST", "/api/v1/admin/users", Map.of("username", "new.member", "displayName", "New Member", "role", "regional_committee",
                "county", "AL-05", "password", "a first password for them"), 201);
        admin.call("POST", "/api/v1/admin/forum-backups", null, 201);

        JsonNode trail = admin.json("/api/v1/admin/audit?limit=200", 200);
        List<String> lines = new ArrayList<>();
        trail.forEach(e -> lines.add(e.get("actor").asText() + "|" + e.get("event").asText() + "|" + e.get("what").asText() + "|"
                + e.get("details").asText()));
        assertThat(lines).contains(
                "coordinator|sign_in|session|null",
                "coordinator|action_changed|action " + id + "|created",
                "coordinator|export|/api/v1/actions/export.csv|county=AL-07",
                "anonymous|export|/api/v1/releases/" + FIXTURE.releaseId + "/files/tables.csv|null",
                "admin|user_changed|user new.member|created with role regional_committee, county AL-05");
        assertThat(lines).anyMatch(l -> l.startsWith("admin|backup|operational store|forums-"));
        // Never a password in the trail.
        assertThat(trail.toString()).doesNotContain("a first password for them").doesNotContain(TestPortal.password("admin"));
    }

    @Test
    void anAccountCreatedByAnAdministratorMustChooseItsOwnPasswordBeforeDoingAnything() {
        Http admin = anonymous.as("admin");
        admin.call("POST", "/api/v1/admin/users", Map.of("username", "first.timer", "displayName", "First Timer", "role",
                "national_coordinator", "password", "chosen by the admin"), 201);
        HttpResponse<String> signIn = anonymous.send("POST", "/api/v1/session", Map.of("username", "first.timer", "password",
                "chosen by the admin"));
        Http first = anonymous.withHeader("Cookie", "nrm_session=" + cookie(signIn));

        assertThat(signIn.body()).contains("\"mustChangePassword\":true");
        assertThat(first.send("GET", "/api/v1/actions", null).statusCode()).isEqualTo(403);
    }

    @Test
    void theCoordinatorSeesInternalFiguresWithABannerAndAReasonAndEveryUseIsInTheAuditTrail() {
        Http coordinator = anonymous.as("coordinator");
        String query = "period=year&from=2025-01&to=2025-12&group_by=county";

        assertThat(coordinator.send("GET", "/api/v1/internal/indicators/child_victims?" + query, null).statusCode()).isEqualTo(400);
        JsonNode internal = coordinator.json("/api/v1/internal/indicators/child_victims?" + query + "&reason=planning+the+2026+review", 200);

        assertThat(internal.get("audience").asText()).isEqualTo("INTERNAL");
        assertThat(internal.get("banner").asText()).contains("not for publication");
        long byCounty = 0;
        for (JsonNode row : internal.get("answer").get("rows")) {
            assertThat(row.get("status").asText()).isNotEqualTo("WITHHELD");
            byCounty += row.get("numerator").asLong();
        }
        // The counties' unsuppressed counts add up to Albania's figure in the public release.
        JsonNode albania = anonymous.json("/api/v1/indicators/child_victims?period=year&from=2025-01&to=2025-12", 200).get("rows").get(0);
        assertThat(albania.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(byCounty).isEqualTo(albania.get("numerator").asLong());
        assertThat(store.audit().newest(50, "coordinator", AuditEvent.INTERNAL_FIGURES)).anySatisfy(e -> assertThat(e.details())
                .contains("reason=planning"));
    }

    @Test
    void theDataManagerSeesEachFilesIngestionReportIncludingTheRefusedOne() {
        JsonNode report = anonymous.as("datamanager").json("/api/v1/internal/ingestion", 200);

        assertThat(report.get("audience").asText()).isEqualTo("INTERNAL");
        List<String> refused = new ArrayList<>();
        report.get("answer").get("files").forEach(f -> {
            if (!f.get("status").asText().equals("LOADED")) {
                refused.add(f.get("fileName").asText());
            }
        });
        assertThat(refused).contains(PortalFixture.REFUSED_FILE);
    }

    @Test
    void anActionInTheNrmPlanIsDroppedOnlyByTheCoordinatorsOffice() {
        Http coordinator = anonymous.as("coordinator");
        Http partner = anonymous.as("partner");
        long id = coordinator.call("POST", "/api/v1/actions", action("AL-07", "Border Police Directorate Kukës"), 201).get("id").asLong();
        int v = coordinator.call("POST", "/api/v1/actions/" + id + "/status", Map.of("status", "UNDER_REVIEW", "version", 1), 200).get("version").asInt();
        v = coordinator.call("POST", "/api/v1/actions/" + id + "/status", Map.of("status", "INTEGRATED", "version", v), 200).get("version").asInt();

        HttpResponse<String> drop = partner.send("POST", "/api/v1/actions/" + id + "/status", Map.of("status", "DROPPED", "reason",
                "no staff", "version", v));
        assertThat(drop.statusCode()).as(drop.body()).isEqualTo(403);
        // Following it up is the partner's: in progress.
        assertThat(partner.call("POST", "/api/v1/actions/" + id + "/status", Map.of("status", "IN_PROGRESS", "version", v), 200)
                .get("status").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void changingOnesPasswordNeedsANewOneAndRepeatedWrongCurrentPasswordsAreThrottled() {
        store.users().create(new al.antitrafficking.warehouse.access.UserForm("changer", "Changer", "ministry_statistician", null, null, false,
                null), "the first password here".toCharArray(), "test");
        HttpResponse<String> signIn = anonymous.send("POST", "/api/v1/session", Map.of("username", "changer", "password", "the first password here"));
        String csrf = signIn.body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");
        Http changer = anonymous.withHeader("Cookie", "nrm_session=" + cookie(signIn)).withHeader("X-CSRF-Token", csrf);

        assertThat(changer.send("POST", "/api/v1/session/password", Map.of("currentPassword", "the first password here", "newPassword",
                "the first password here")).statusCode()).isEqualTo(400);
        for (int i = 0; i < 5; i++) {
            assertThat(changer.send("POST", "/api/v1/session/password", Map.of("currentPassword", "guess " + i, "newPassword",
                    "a second password here")).statusCode()).isEqualTo(403);
        }
        assertThat(changer.send("POST", "/api/v1/session/password", Map.of("currentPassword", "the first password here", "newPassword",
                "a second password here")).statusCode()).isEqualTo(429);
    }

    private static String cookie(HttpResponse<String> response) {
        String set = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("nrm_session=")).findFirst().orElseThrow();
        return set.substring("nrm_session=".length(), set.indexOf(';'));
    }
}
