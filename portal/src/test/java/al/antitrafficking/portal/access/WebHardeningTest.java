package al.antitrafficking.portal.access;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.Http;
import al.antitrafficking.portal.PortalApp;
import al.antitrafficking.portal.PortalFixture;
import al.antitrafficking.portal.TestPortal;
import al.antitrafficking.warehouse.forum.DuckDbForumStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal as a hostile page or client meets it: cross-site changes, a foreign Host, bodies that are not strict JSON,
 * ids and filters written other ways, dates far out of range, formula text in exports, slow clients. Every refusal is a
 * JSON answer with a plain message, never a 500.
 */
class WebHardeningTest {
    static final PortalFixture FIXTURE = PortalFixture.get();

    @TempDir
    static Path dir;
    static DuckDbForumStore store;
    static Javalin app;
    static Http anonymous;
    static Http coordinator;

    @BeforeAll
    static void start() {
        store = TestPortal.store(dir, FIXTURE.release());
        app = PortalApp.create(TestPortal.services(FIXTURE.releases, store, dir)).start("127.0.0.1", 0);
        anonymous = new Http(app::port);
        coordinator = anonymous.as("coordinator");
    }

    @AfterAll
    static void stop() {
        app.stop();
        store.close();
    }

    static Map<String, Object> action(String text) {
        return new HashMap<>(Map.of("forumId", 2, "text", text, "finding", "coordination between different local structures is incomplete",
                "responsibleInstitution", "County Council Kukës", "county", "AL-07", "dueDate", "2026-06-30", "indicators", List.of()));
    }

    private HttpResponse<String> raw(String method, String path, String contentType, String body, Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            headers.forEach(b::header);
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCrossSiteRequestCannotChangeAnything() throws Exception {
        int before = store.actions(al.antitrafficking.warehouse.forum.ActionFilter.all()).size();
        String body = "{\"forumId\":2,\"text\":\"x\",\"finding\":\"y\",\"responsibleInstitution\":\"County Council Kukës\",\"county\":\"AL-07\","
                + "\"dueDate\":\"2026-06-30\",\"indicators\":[]}";
        // What a page on another site can send with the person's cookie: text/plain, a form, multipart; no token.
        Http cookieOnly = anonymous.withHeader("Cookie", coordinatorCookie());
        assertThat(cookieOnly.send("POST", "/api/v1/actions", action("x")).statusCode()).isEqualTo(403);
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            HttpResponse<String> r = raw("POST", "/api/v1/actions", type, body, Map.of("Cookie", coordinatorCookie()));
            assertThat(r.statusCode()).as(type).isIn(403, 415);
            assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        }
        // With the token but from another origin (a page elsewhere cannot read the token, but the check holds anyway).
        assertThat(coordinator.withHeader("Origin", "http://evil.example").send("POST", "/api/v1/actions", action("x")).statusCode())
                .isEqualTo(403);
        assertThat(coordinator.withHeader("Sec-Fetch-Site", "cross-site").send("POST", "/api/v1/actions", action("x")).statusCode())
                .isEqualTo(403);
        assertThat(store.actions(al.antitrafficking.warehouse.forum.ActionFilter.all())).hasSize(before);
        // The same page's own request passes.
        assertThat(coordinator.withHeader("Origin", "http://127.0.0.1:" + app.port()).send("POST", "/api/v1/actions", action("ok"))
                .statusCode()).isEqualTo(201);
    }

    private static String coordinatorCookie() {
        HttpResponse<String> r = anonymous.send("POST", "/api/v1/session", Map.of("username", "coordinator", "password",
                TestPortal.password("coordinator")));
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    @Test
    void aForeignHostNameIsRefusedSoDnsRebindingReachesNothing() throws Exception {
        String refused = rawGet("/api/v1/snapshot", "attacker.example");

        assertThat(refused).startsWith("HTTP/1.1 421").doesNotContain(FIXTURE.releaseId).contains("application/json");
        assertThat(rawGet("/api/v1/snapshot", "localhost:" + app.port())).startsWith("HTTP/1.1 200").contains(FIXTURE.releaseId);
    }

    /** A GET with the Host header a rebinding page's browser would send (Java's HTTP client sets Host itself). */
    private static String rawGet(String path, String host) throws IOException {
        try (Socket s = new Socket("127.0.0.1", app.port())) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void pagesAndAnswersCarryTheSecurityHeaders() {
        for (String path : List.of("/", "/api/v1/snapshot", "/app.js")) {
            HttpResponse<String> r = anonymous.get(path);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).get().asString()
                    .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
        }
    }

    @Test
    void onlyStrictJsonIsRead() {
        assertThat(coordinator.send("POST", "/api/v1/actions", "{\"text\":\"a\"} trailing").statusCode()).isEqualTo(400);
        Map<String, Object> unknownField = action("x");
        unknownField.put("isExample", true);
        assertThat(coordinator.send("POST", "/api/v1/actions", unknownField).statusCode()).isEqualTo(400);
        Map<String, Object> textForNumber = action("x");
        textForNumber.put("forumId", "2");
        assertThat(coordinator.send("POST", "/api/v1/actions", textForNumber).statusCode()).isEqualTo(400);
        Map<String, Object> fraction = action("x");
        fraction.put("forumId", 2.5);
        assertThat(coordinator.send("POST", "/api/v1/actions", fraction).statusCode()).isEqualTo(400);
    }

    @Test
    void anIdIsWrittenOneWayOnly() {
        long id = coordinator.call("POST", "/api/v1/actions", action("ids"), 201).get("id").asLong();
        assertThat(coordinator.get("/api/v1/actions/" + id).statusCode()).isEqualTo(200);
        for (String other : List.of("0" + id, "+" + id, "%EF%BC%91", id + ".0", " " + id, "1e0", "-" + id, "99999999999999999999")) {
            HttpResponse<String> r = coordinator.get("/api/v1/actions/" + other.replace(" ", "%20"));
            assertThat(r.statusCode()).as(other).isIn(400, 404);
            assertThat(r.headers().firstValue("Content-Type")).as(other).get().asString().startsWith("application/json");
        }
    }

    @Test
    void unknownFilterValuesAndFarDatesAreRefusedNotAnsweredAsZero() {
        assertThat(anonymous.refusal("/api/v1/indicators/child_victims?county=AL-99&period=year")).contains("AL-99");
        assertThat(coordinator.refusal("/api/v1/actions?county=AL-99")).contains("county");
        assertThat(coordinator.refusal("/api/v1/actions?status=nearly")).contains("status");
        assertThat(coordinator.refusal("/api/v1/actions?overdue=maybe")).contains("overdue");
        assertThat(anonymous.refusal("/api/v1/indicators/child_victims?from=9999-01&to=9999-12")).contains("2099-12");
        assertThat(anonymous.refusal("/api/v1/completeness?from=0001-01")).contains("2000-01");
        Map<String, Object> farDue = action("far");
        farDue.put("dueDate", "+999999999-12-31");
        assertThat(coordinator.send("POST", "/api/v1/actions", farDue).statusCode()).isEqualTo(400);
    }

    @Test
    void protocolErrorsAreJsonToo() {
        HttpResponse<String> unknown = anonymous.get("/api/v1/nothing-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        HttpResponse<String> wrongMethod = raw("PATCH", "/api/v1/snapshot", "application/json", "{}", Map.of());
        assertThat(wrongMethod.statusCode()).isIn(404, 405);
        assertThat(wrongMethod.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        HttpResponse<String> tooLarge = coordinator.send("POST", "/api/v1/actions", "{\"text\":\"" + "x".repeat(2_000_000) + "\"}");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
    }

    @Test
    void requestsJettyRefusesBeforeAnyRouteAreAnsweredInJsonToo() throws IOException {
        // A bad escape, headers too large (on a GET and on a PUT), an address too long: refused by Jetty's parser, not by a route.
        for (String request : List.of("GET /api/v1/%zz HTTP/1.1\r\nHost: localhost\r\n",
                "GET /api/v1/snapshot HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "h".repeat(20_000) + "\r\n",
                "PUT /api/v1/actions/1 HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "h".repeat(20_000) + "\r\n",
                "GET /api/v1/indicators?county=" + "A".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n")) {
            try (Socket s = new Socket("127.0.0.1", app.port())) {
                s.getOutputStream().write((request + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).as(request.substring(0, 30)).matches("(?s)HTTP/1.1 4(00|31|14) .*").contains("Content-Type: application/json")
                        .contains("\"error\":\"").doesNotContain("<html").doesNotContain("Jetty");
            }
        }
    }

    @Test
    void formulaTextComesOutOfEveryExportAsText() throws Exception {
        for (String formula : List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)")) {
            coordinator.call("POST", "/api/v1/actions", action(formula), 201);
        }
        String csv = new String(coordinator.bytes("/api/v1/actions/export.csv").body(), StandardCharsets.UTF_8);
        assertThat(csv).contains("'=HYPERLINK(").contains("'+1+1").contains("'-2+3").contains("'@SUM(A1)");
        assertThat(csv).doesNotContain(",=HYPERLINK").doesNotContain(",+1+1").doesNotContain(",-2+3").doesNotContain(",@SUM");

        byte[] xlsx = coordinator.bytes("/api/v1/actions/export.xlsx").body();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<CellType> types = new ArrayList<>();
            book.getSheetAt(0).forEach(row -> row.forEach(cell -> types.add(cell.getCellType())));
            assertThat(types).doesNotContain(CellType.FORMULA);
        }
    }

    @Test
    void theBackupAnswerNamesAFileNotAServerPath() {
        JsonNode answer = anonymous.as("admin").call("POST", "/api/v1/admin/forum-backups", null, 201);

        assertThat(answer.toString()).doesNotContain(dir.toString()).doesNotContain("/tmp");
        assertThat(answer.get("file").asText()).matches("forums-[0-9TZ]+\\.duckdb");
    }

    @Test
    void aSmallBodyArrivingInTwoPartsHalfASecondApartIsStillRead() throws Exception {
        // As a slow link or a pause of the portal (a garbage collection) makes it: a valid change, not an attack.
        String body = "{\"username\":\"coordinator\",\"password\":\"" + TestPortal.password("coordinator") + "\"}";
        try (Socket s = new Socket("127.0.0.1", app.port())) {
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body.substring(0, 20))
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(500);
            out.write(body.substring(20).getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200").contains("csrfToken");
        }
    }

    @Test
    void hundredsOfSlowUploadsDoNotStopThePortalAnsweringOthers() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Socket s = new Socket("127.0.0.1", app.port());
                OutputStream out = s.getOutputStream();
                out.write(("POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(s);
            }
            // Another client: answered, not queued behind the slow ones until they time out (their idle timeout is 20 s).
            HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/snapshot")).timeout(Duration.ofSeconds(10))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void slowBodiesFromManyAddressesAreCutOffAtTheDeadlineAndSignInWorksMeanwhile() throws Exception {
        // A portal whose bodies must arrive within 2 s; 13 addresses x 8 slow sign-ins would fill all 100 places of the gate
        // and hold them for as long as they keep trickling a byte before each idle timeout (as a second attack did).
        Path own = java.nio.file.Files.createTempDirectory(dir, "deadline");
        DuckDbForumStore store2 = TestPortal.store(own, FIXTURE.release());
        Javalin portal = PortalApp.create(TestPortal.services(FIXTURE.releases, store2, own),
                new PortalApp.Network(20, 200, null, 0, null, null, 2)).start("127.0.0.1", 0);
        List<Socket> slow = new ArrayList<>();
        try {
            for (int a = 10; a < 23; a++) {
                for (int i = 0; i < 8; i++) {
                    Socket s = new Socket(java.net.InetAddress.getByName("127.0.0.1"), portal.port(), java.net.InetAddress.getByName("127.0.0." + a), 0);
                    s.getOutputStream().write(("POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    slow.add(s);
                }
            }
            // Keep every slow body alive (a byte each half second, far inside the 20 s idle timeout) until the portal has
            // cut them all off; a liveness bound of 60 s, not a timing.
            List<Socket> open = new ArrayList<>(slow);
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!open.isEmpty() && System.nanoTime() < until) {
                Thread.sleep(500);
                open.removeIf(s -> {
                    try {
                        s.getOutputStream().write(' ');
                        s.getOutputStream().flush();
                        return false;
                    } catch (java.io.IOException e) {
                        return true;
                    }
                });
            }
            assertThat(open).as("slow bodies still holding a place").isEmpty();
            HttpResponse<String> signIn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portal.port()
                            + "/api/v1/session")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"coordinator\",\"password\":\"" + TestPortal.password("coordinator") + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
            portal.stop();
            store2.close();
        }
    }

    @Test
    void aFormulaAfterASemicolonIsNeutralisedAndEveryCellQuotedForSpreadsheetsThatSplitOnSemicolons() {
        coordinator.call("POST", "/api/v1/actions", action("x;=1+1"), 201);
        String csv = new String(coordinator.bytes("/api/v1/actions/export.csv").body(), StandardCharsets.UTF_8);

        assertThat(csv).contains("\"x;'=1+1\"").doesNotContain("x;=1+1");
    }

    @Test
    void headOfAnApiRouteIsRefusedRatherThanAnsweredWithoutItsAccessCheck() {
        assertThat(raw("HEAD", "/api/v1/admin/users", null, "", Map.of()).statusCode()).isEqualTo(405);
        assertThat(raw("HEAD", "/api/v1/internal/ingestion", null, "", Map.of()).statusCode()).isEqualTo(405);
    }

    @Test
    void duplicateKeysAndNumbersForTextAreRefused() {
        assertThat(coordinator.send("POST", "/api/v1/actions", "{\"forumId\":2,\"forumId\":1,\"text\":\"a\"}").statusCode()).isEqualTo(400);
        Map<String, Object> numberForText = action("x");
        numberForText.put("text", 12345);
        assertThat(coordinator.send("POST", "/api/v1/actions", numberForText).statusCode()).isEqualTo(400);
    }
}
