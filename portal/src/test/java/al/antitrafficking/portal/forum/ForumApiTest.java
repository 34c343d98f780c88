package al.antitrafficking.portal.forum;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.Http;
import al.antitrafficking.portal.PortalApp;
import al.antitrafficking.portal.TestPortal;
import al.antitrafficking.portal.LedgerFiles;
import al.antitrafficking.portal.PortalFixture;
import al.antitrafficking.warehouse.forum.ActionFilter;
import al.antitrafficking.warehouse.forum.DuckDbForumStore;
import al.antitrafficking.warehouse.reference.Territory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forums and actions over real HTTP: a portal of its own per test, over the fixture's release, with a real store in a
 * temp folder and a fixed clock (1 March 2026).
 */
class ForumApiTest {
    private static final Territory TERRITORY = TestPortal.TERRITORY;
    private static final Clock CLOCK = TestPortal.CLOCK;
    private static final String FINDING = "coordination between different local structures is incomplete";

    @TempDir
    Path dir;
    private final ObjectMapper json = new ObjectMapper();
    private DuckDbForumStore store;
    private Javalin app;

    static final PortalFixture FIXTURE = PortalFixture.get();

    @BeforeEach
    void start() {
        store = TestPortal.store(dir, FIXTURE.release());
        app = PortalApp.create(TestPortal.services(FIXTURE.releases, store, dir)).start("127.0.0.1", 0);
        signedIn = new Http(app::port).as("coordinator");
    }

    /** The national coordinator's session: every call of these tests is theirs (who may do what is AccessTest's). */
    private Http signedIn;

    @AfterEach
    void stop() {
        app.stop();
        store.close();
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        return signedIn.send(method, path, body);
    }

    private JsonNode call(String method, String path, Object body, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    private static Map<String, Object> action(String text, String due, Integer version) {
        Map<String, Object> a = new HashMap<>(Map.of("forumId", 2, "text", text, "finding", FINDING,
                "responsibleInstitution", "Regional Anti-trafficking Committee Kukës", "county", "AL-07", "dueDate", due,
                "indicators", List.of("children_encountered"), "editor", "Arben"));
        if (version != null) {
            a.put("version", version);
        }
        return a;
    }

    @Test
    void listsTheTwoForumsOfOctober2014() throws Exception {
        JsonNode forums = call("GET", "/api/v1/forums", null, 200);

        assertThat(forums).hasSize(2);
        assertThat(forums.get(1).get("heldOn").asText()).isEqualTo("2014-10-20");
        assertThat(forums.get(1).get("organisers").get(0).asText()).isEqualTo("Terre des hommes");
    }

    @Test
    void createsAnActionAndShowsItWithItsHistory() throws Exception {
        JsonNode created = call("POST", "/api/v1/actions", action("Joint case review", "2026-06-30", null), 201);

        JsonNode detail = call("GET", "/api/v1/actions/" + created.get("id").asLong(), null, 200);
        assertThat(detail.get("action").get("status").asText()).isEqualTo("PROPOSED");
        assertThat(detail.get("action").get("countyName").asText()).isEqualTo("Kukës");
        assertThat(detail.get("action").get("nextStatuses")).extracting(JsonNode::asText).containsExactlyInAnyOrder("UNDER_REVIEW", "DROPPED");
        assertThat(detail.get("forumTitle").asText()).contains("Kukës");
        assertThat(detail.get("history").get(0).get("field").asText()).isEqualTo("created");
    }

    @Test
    void createsAForumWithAMunicipalityNamedLeniently() throws Exception {
        Map<String, Object> forum = Map.of("heldOn", "2026-02-10", "municipality", "Sarande", "title", "Forum në Sarandë",
                "context", "Local forum", "organisers", List.of("CPU Sarandë"), "objectives", List.of("map referral gaps"),
                "institutions", List.of("Border Police"), "findings", List.of("referrals take too long"), "editor", "Ana");

        JsonNode created = call("POST", "/api/v1/forums", forum, 201);

        assertThat(created.get("municipalityCode").asText()).isEqualTo("AL355");
        assertThat(call("GET", "/api/v1/forums", null, 200)).hasSize(3);
    }

    @Test
    void refusesABadActionWithEachFieldsErrorAndSavesNothing() throws Exception {
        Map<String, Object> bad = action("", "2014-01-01", null);
        bad.put("county", "AL-99");

        JsonNode answer = call("POST", "/api/v1/actions", bad, 400);

        assertThat(answer.get("fields").get("text").asText()).isEqualTo("required");
        assertThat(answer.get("fields").get("county").asText()).contains("not a county code");
        assertThat(answer.get("fields").get("dueDate").asText()).isEqualTo("before the forum was held (2014-10-23)");
        assertThat(store.actions(ActionFilter.all())).isEmpty();
    }

    @Test
    void refusesABodyThatIsNotJsonWithAPlainMessage() throws Exception {
        JsonNode answer = call("POST", "/api/v1/actions", "{not json", 400);

        assertThat(answer.get("error").asText()).isEqualTo("Cannot read request: the body is not the expected JSON");
    }

    @Test
    void refusesABodyThatIsNotUtf8RatherThanSavingWhatNobodyTyped() throws Exception {
        byte[] body = json.writeValueAsBytes(action("Review XX", "2026-06-30", null));
        int at = 0;
        while (!(body[at] == 'X' && body[at + 1] == 'X')) {
            at++;
        }
        body[at] = (byte) 0xf8;  // no UTF-8 sequence starts with this byte
        body[at + 1] = (byte) 0x80;

        JsonNode answer = call("POST", "/api/v1/actions", body, 400);

        assertThat(answer.get("error").asText()).isEqualTo("Cannot read request: the body is not UTF-8 text");
        assertThat(store.actions(ActionFilter.all())).isEmpty();
    }

    @Test
    void theSecondOfTwoEditsOnTheSameVersionGetsA409WithTheCurrentState() throws Exception {
        long id = call("POST", "/api/v1/actions", action("Original", "2026-06-30", null), 201).get("id").asLong();

        call("PUT", "/api/v1/actions/" + id, action("First editor's text", "2026-06-30", 1), 200);
        JsonNode conflict = call("PUT", "/api/v1/actions/" + id, action("Second editor's text", "2026-07-31", 1), 409);

        assertThat(conflict.get("current").get("text").asText()).isEqualTo("First editor's text");
        assertThat(conflict.get("current").get("version").asInt()).isEqualTo(2);
        assertThat(call("GET", "/api/v1/actions/" + id, null, 200).get("action").get("text").asText()).isEqualTo("First editor's text");
    }

    @Test
    void refusesAStatusChangeTheWorkflowDoesNotAllow() throws Exception {
        long id = call("POST", "/api/v1/actions", action("x", "2026-06-30", null), 201).get("id").asLong();

        JsonNode answer = call("POST", "/api/v1/actions/" + id + "/status",
                Map.of("status", "DONE", "editor", "Coordinator", "version", 1), 400);

        assertThat(answer.get("fields").get("status").asText()).startsWith("cannot move from PROPOSED to DONE");
    }

    @Test
    void marksAndFiltersOverdueActionsByTheDateInTirana() throws Exception {
        call("POST", "/api/v1/actions", action("due yesterday", "2026-02-28", null), 201);
        call("POST", "/api/v1/actions", action("due today", "2026-03-01", null), 201);

        JsonNode all = call("GET", "/api/v1/actions", null, 200);
        JsonNode overdue = call("GET", "/api/v1/actions?overdue=true", null, 200);

        assertThat(all).extracting(a -> a.get("text").asText() + ":" + a.get("overdue").asBoolean())
                .containsExactly("due yesterday:true", "due today:false");
        assertThat(overdue).extracting(a -> a.get("text").asText()).containsExactly("due yesterday");
        assertThat(call("GET", "/api/v1/actions?status=LATE", null, 400).get("error").asText()).contains("status must be one of");
    }

    @Test
    void summarisesActionsByForumWithExamplesCountedOnlyWhenAsked() throws Exception {
        // Forum 2: one action in progress; forum 1: one proposed. The fixture's store holds no example action.
        long inProgress = call("POST", "/api/v1/actions", action("review", "2026-06-30", null), 201).get("id").asLong();
        int version = 1;
        for (String status : List.of("UNDER_REVIEW", "INTEGRATED", "IN_PROGRESS")) {
            version = call("POST", "/api/v1/actions/" + inProgress + "/status", Map.of("status", status, "version", version), 200)
                    .get("version").asInt();
        }
        Map<String, Object> other = action("protocol", "2026-06-30", null);
        other.put("forumId", 1);
        call("POST", "/api/v1/actions", other, 201);

        JsonNode byForum = call("GET", "/api/v1/actions/summary?by=forum&examples=true", null, 200);

        assertThat(byForum.get("rows")).extracting(r -> r.get("key").asText() + ":" + r.get("identified").asLong() + "/"
                + r.get("integrated").asLong() + "/" + r.get("inProgress").asLong()).containsExactly("1:1/0/0", "2:1/1/1");
        assertThat(byForum.get("examplesCounted").asInt()).isZero();
        assertThat(call("GET", "/api/v1/actions/summary?examples=maybe", null, 400).get("error").asText())
                .contains("examples must be true or false");
    }

    @Test
    void givesTheAlbanianOfTheSeededForumsByTheirExactWords() throws Exception {
        JsonNode forum = call("GET", "/api/v1/forums/2", null, 200);
        JsonNode albanian = call("GET", "/api/v1/translations?language=sq", null, 200);

        assertThat(albanian.get(forum.get("title").asText()).asText()).isEqualTo("Forum vendor për mbrojtjen e fëmijëve në lëvizje: Kukës");
        assertThat(albanian.get(forum.get("findings").get(1).asText()).asText())
                .isEqualTo("koordinimi ndërmjet strukturave të ndryshme vendore është i paplotë");
        assertThat(call("GET", "/api/v1/translations?language=de", null, 400).get("error").asText()).contains("sq or en");
    }

    @Test
    void aCountyEditorTranslatesOnlyWordsThatAppearNowhereOutsideTheirCounty() throws Exception {
        String review = "Rishikim i përbashkët i rasteve";
        call("POST", "/api/v1/actions", action(review, "2026-06-30", null), 201);
        Map<String, Object> berat = action("Vizita në Berat", "2026-06-30", null);
        berat.put("county", "AL-01");
        berat.put("responsibleInstitution", "County Council Berat");
        call("POST", "/api/v1/actions", berat, 201);
        JsonNode gjirokaster = call("GET", "/api/v1/forums/1", null, 200);
        Http countyEditor = new Http(app::port).as("kukes");

        // Kukës's own action under Kukës's forum: saved, and given back as stored.
        JsonNode saved = countyEditor.call("PUT", "/api/v1/forums/2/translations",
                Map.of("source", review, "language", "en", "translation", "  Joint case review "), 200);
        assertThat(saved.get("translation").asText()).isEqualTo("Joint case review");
        assertThat(call("GET", "/api/v1/translations?language=en", null, 200).get(review).asText()).isEqualTo("Joint case review");

        // Berat's action under Kukës's forum: its county decides, not the forum's.
        assertThat(countyEditor.send("PUT", "/api/v1/forums/2/translations",
                Map.of("source", "Vizita në Berat", "language", "en", "translation", "Visits in Berat")).statusCode()).isEqualTo(403);
        // Once the same words are also an action of Gjirokastër, only someone who may edit both can change how they read.
        Map<String, Object> same = action(review, "2026-06-30", null);
        same.put("forumId", 1);
        same.put("county", "AL-05");
        same.put("responsibleInstitution", "County Council Gjirokastër");
        call("POST", "/api/v1/actions", same, 201);
        HttpResponse<String> shared = countyEditor.send("PUT", "/api/v1/forums/2/translations",
                Map.of("source", review, "language", "en", "translation", "A review changed from Kukës"));
        assertThat(shared.statusCode()).isEqualTo(403);
        assertThat(shared.body()).contains("same words appear").doesNotContain(review);
        assertThat(call("GET", "/api/v1/translations?language=en", null, 200).get(review).asText()).isEqualTo("Joint case review");
        call("PUT", "/api/v1/forums/2/translations", Map.of("source", review, "language", "en", "translation", "Joint review of cases"), 200);

        // Another county's forum by its address, and words that are not the forum's: refused, the words never echoed.
        assertThat(countyEditor.send("PUT", "/api/v1/forums/1/translations",
                Map.of("source", gjirokaster.get("title").asText(), "language", "en", "translation", "Forum")).statusCode()).isEqualTo(403);
        JsonNode notOurs = call("PUT", "/api/v1/forums/2/translations",
                Map.of("source", gjirokaster.get("title").asText(), "language", "en", "translation", "A forum elsewhere"), 400);
        assertThat(notOurs.get("error").asText()).contains("not one of this forum's").doesNotContain("Gjirokast");
        // A translation that looks like personal data: refused by field, the digits never echoed.
        JsonNode phone = call("PUT", "/api/v1/forums/2/translations",
                Map.of("source", review, "language", "en", "translation", "call 0692345678"), 400);
        assertThat(phone.get("fields").get("translation").asText()).contains("personal data (a phone number)");
        assertThat(phone.toString()).doesNotContain("0692345678");
        assertThat(call("GET", "/api/v1/translations?language=en", null, 200)).hasSize(1);

        // A blank translation removes it: the text shows as typed again. Each saved change is in the audit trail.
        call("PUT", "/api/v1/forums/2/translations", Map.of("source", review, "language", "en", "translation", " "), 200);
        assertThat(call("GET", "/api/v1/translations?language=en", null, 200)).isEmpty();
        JsonNode audit = new Http(app::port).as("admin").call("GET", "/api/v1/admin/audit?event=forum_changed", null, 200);
        long translated = 0;
        for (JsonNode e : audit) {
            translated += e.toString().contains("translated into en") ? 1 : 0;
        }
        assertThat(translated).isEqualTo(3);
    }

    @Test
    void summarisesActionsByCountyAndInstitution() throws Exception {
        // Two Kukës actions, one overdue on 1 March 2026; neither integrated into the NRM plan yet.
        call("POST", "/api/v1/actions", action("due yesterday", "2026-02-28", null), 201);
        call("POST", "/api/v1/actions", action("due today", "2026-03-01", null), 201);

        JsonNode byCounty = call("GET", "/api/v1/actions/summary?by=county", null, 200);
        JsonNode byInstitution = call("GET", "/api/v1/actions/summary?by=institution", null, 200);

        assertThat(byCounty.get("rows")).hasSize(1);
        JsonNode kukes = byCounty.get("rows").get(0);
        assertThat(List.of(kukes.get("key").asText(), kukes.get("identified").asLong(), kukes.get("integrated").asLong(),
                kukes.get("overdue").asLong())).containsExactly("AL-07", 2L, 0L, 1L);
        assertThat(byInstitution.get("rows").get(0).get("key").asText()).isEqualTo("Regional Anti-trafficking Committee Kukës");
        assertThat(call("GET", "/api/v1/actions/summary?by=sex", null, 400).get("error").asText()).contains("county, forum or institution");
    }

    @Test
    void exportsTheFilteredListAsCsvWithAlbanianLettersIntact() throws Exception {
        call("POST", "/api/v1/actions", action("Takim i përbashkët, çdo muaj", "2026-06-30", null), 201);
        Map<String, Object> other = action("Elsewhere", "2026-06-30", null);
        other.put("forumId", 1);
        other.put("county", "AL-05");
        call("POST", "/api/v1/actions", other, 201);

        HttpResponse<String> response = send("GET", "/api/v1/actions/export.csv?county=AL-07", null);

        assertThat(response.headers().firstValue("Content-Disposition")).get().asString().contains("forum-actions.csv");
        assertThat(response.body()).startsWith("\uFEFF");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body().substring(1))).getRecords();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("action")).isEqualTo("Takim i përbashkët, çdo muaj");
        assertThat(rows.get(0).get("county")).isEqualTo("Kukës");
        assertThat(rows.get(0).get("status")).isEqualTo("PROPOSED");
    }

    @Test
    void exportsXlsxThatASpreadsheetReads() throws Exception {
        call("POST", "/api/v1/actions", action("Takim i përbashkët", "2026-02-01", null), 201);

        HttpResponse<byte[]> response = signedIn.bytes("/api/v1/actions/export.xlsx");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheet("actions");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("action");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Takim i përbashkët");
            assertThat(sheet.getRow(1).getCell(9).getStringCellValue()).isEqualTo("yes");
            assertThat(sheet.getRow(1).getCell(7).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 2, 1));
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void exportsTheWorkbookInAlbanianWithTheForumsWordsTranslated() throws Exception {
        // The action answers a seeded finding, which has its Albanian; its own text was typed in Albanian and stays as typed.
        call("POST", "/api/v1/actions", action("Takim i përbashkët", "2026-02-01", null), 201);

        HttpResponse<byte[]> response = signedIn.bytes("/api/v1/actions/export.xlsx?lang=sq");

        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("veprimet-e-forumeve.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheet("veprimet");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("veprimi");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Takim i përbashkët");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("koordinimi ndërmjet strukturave të ndryshme vendore është i paplotë");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("Komiteti Rajonal Antitrafik Kukës");
            assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("E propozuar");
            assertThat(sheet.getRow(1).getCell(9).getStringCellValue()).isEqualTo("po");
        }
        assertThat(signedIn.bytes("/api/v1/actions/export.xlsx?lang=fr").statusCode()).isEqualTo(400);
    }

    @Test
    void theEffectViewGivesTheNamedIndicatorsInTheCountyByThePeriodTheReleasePublishesThemThere() throws Exception {
        Map<String, Object> form = action("x", "2026-06-30", null);
        form.put("indicators", List.of("child_victims", "border_children_never_seen_again"));
        long id = call("POST", "/api/v1/actions", form, 201).get("id").asLong();
        int version = 1;
        for (String status : List.of("UNDER_REVIEW", "INTEGRATED", "IN_PROGRESS")) {
            version = call("POST", "/api/v1/actions/" + id + "/status", Map.of("status", status, "editor", "C", "version", version), 200)
                    .get("version").asInt();
        }
        LedgerFiles ledger = new LedgerFiles(FIXTURE.releaseDir());
        String victims = "nrm.identification_date.children|age_band=0-5,12-14,15-17,6-11|";
        String grain = ledger.grain(victims, "COUNTY").orElseThrow();
        boolean neverSeenByCounty = ledger.grain("pathway.first_border_date.rows|first_mechanism=border;outcome=none;@reached_border IS TRUE|",
                "COUNTY").isPresent();

        JsonNode effect = call("GET", "/api/v1/actions/" + id + "/effect", null, 200);

        assertThat(effect.get("countyName").asText()).isEqualTo("Kukës");
        assertThat(effect.get("started").asText()).isEqualTo("2026-03-01");
        assertThat(effect.get("dueDate").asText()).isEqualTo("2026-06-30");
        assertThat(effect.get("completed").isNull()).isTrue();
        assertThat(effect.get("release").asText()).isEqualTo(FIXTURE.releaseId);
        JsonNode trend = effect.get("trends").get(0);
        assertThat(trend.get("indicator").asText()).isEqualTo("child_victims");
        assertThat(trend.get("periodType").asText()).isEqualTo(grain.toLowerCase(java.util.Locale.ROOT));
        assertThat(trend.get("series")).extracting(s -> s.get("key").asText()).containsExactly("county", "albania");
        JsonNode points = trend.get("series").get(0).get("points");
        JsonNode national = trend.get("series").get(1).get("points");
        assertThat(points).isNotEmpty();
        assertThat(national).extracting(p -> p.get("period").asText())
                .containsExactlyElementsOf(points.findValuesAsText("period"));
        for (JsonNode p : points) {
            LedgerFiles.Cell cell = ledger.cell("nrm.identification_date.children", "age_band=0-5,12-14,15-17,6-11", "AL-07",
                    p.get("period").asText()).orElseThrow();
            assertThat(p.get("status").asText()).as(p.toString()).isEqualTo(cell.status());
            assertThat(p.get("value").isNull() ? null : p.get("value").asLong()).as(p.toString()).isEqualTo(cell.value());
        }
        // Albania's line at the same periods: each point the release's printed national cell.
        for (JsonNode p : national) {
            LedgerFiles.Cell cell = ledger.cell("nrm.identification_date.children", "age_band=0-5,12-14,15-17,6-11", "AL",
                    p.get("period").asText()).orElseThrow();
            assertThat(p.get("status").asText()).as(p.toString()).isEqualTo(cell.status());
            assertThat(p.get("value").isNull() ? null : p.get("value").asLong()).as(p.toString()).isEqualTo(cell.value());
        }
        // An indicator the release does not publish by county is named, not drawn.
        assertThat(effect.get("trends")).hasSize(neverSeenByCounty ? 2 : 1);
        assertThat(effect.get("notByCounty")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(neverSeenByCounty ? List.of() : List.of("border_children_never_seen_again"));
    }

    @Test
    void unknownActionsAndForumsAre404() throws Exception {
        assertThat(call("GET", "/api/v1/actions/999", null, 404).get("error").asText()).isEqualTo("No action 999");
        assertThat(call("GET", "/api/v1/forums/999", null, 404).get("error").asText()).isEqualTo("No forum 999");
        assertThat(call("GET", "/api/v1/actions/abc", null, 400).get("error").asText()).contains("must be a number");
    }

    @Test
    void whatWasSavedSurvivesAPortalRestart() throws Exception {
        long id = call("POST", "/api/v1/actions", action("kept across restarts", "2026-06-30", null), 201).get("id").asLong();
        call("POST", "/api/v1/actions/" + id + "/notes", Map.of("text", "first meeting held", "author", "Ana"), 201);
        stop();

        start();

        JsonNode detail = call("GET", "/api/v1/actions/" + id, null, 200);
        assertThat(detail.get("action").get("text").asText()).isEqualTo("kept across restarts");
        assertThat(detail.get("notes").get(0).get("text").asText()).isEqualTo("first meeting held");
    }

    @Test
    void takesABackupWhileServingThatOpensWithTheSameActions() throws Exception {
        call("POST", "/api/v1/actions", action("backed up", "2026-06-30", null), 201);

        // Backups are the administrator's; the answer names the file in the backup folder, never a server path.
        JsonNode answer = new Http(app::port).as("admin").call("POST", "/api/v1/admin/forum-backups", null, 201);

        assertThat(answer.get("file").asText()).isEqualTo("forums-20260301T090000000Z.duckdb").doesNotContain("/");
        Path backup = dir.resolve("backups").resolve(answer.get("file").asText());
        assertThat(backup).exists();
        try (DuckDbForumStore copy = DuckDbForumStore.open(backup, TestPortal.rules(Set.of()), CLOCK)) {
            assertThat(copy.actions(ActionFilter.all())).isEqualTo(store.actions(ActionFilter.all()));
        }
        try (Stream<Path> files = Files.list(dir.resolve("backups"))) {
            // (Opening the copy above gave it the store's lock file beside it.)
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".duckdb"))).containsExactly("forums-20260301T090000000Z.duckdb");
        }
    }
}
