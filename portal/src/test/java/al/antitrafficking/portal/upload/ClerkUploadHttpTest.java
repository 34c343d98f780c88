package al.antitrafficking.portal.upload;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.etl.ingest.IngestJob;
import al.antitrafficking.etl.ingest.IngestReport;
import al.antitrafficking.portal.Http;
import al.antitrafficking.portal.PortalApp;
import al.antitrafficking.portal.PortalFixture;
import al.antitrafficking.portal.PortalServices;
import al.antitrafficking.portal.TestPortal;
import al.antitrafficking.warehouse.build.WarehouseBuilder;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.forum.DuckDbForumStore;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.Population;
import al.antitrafficking.warehouse.release.PublishedReleases;
import al.antitrafficking.warehouse.release.Releases;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data clerk of Kukës sends files through the portal over a real warehouse of its own: each gets a receipt at once
 * (accepted, or refused with the reason and nothing kept), and after the real ingestion run and publication the
 * receipts say what the run made of each file (rows loaded, rows quarantined by rule, or refused at the run, which then
 * leaves the incoming folder). Expected counts come from how the files below are written.
 */
class ClerkUploadHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "case_id,child_pseudonym,municipality,opened_date,referral_source,risk_category,sex,age,"
            + "assessment_date,case_plan_date,nrm_referral_date,closed_date,closed_reason\n";

    @TempDir
    static Path dir;
    static AppConfig config;
    static PublishedReleases releases;
    static DuckDbForumStore store;
    static Javalin app;
    static Http anonymous;

    /** A CPU file of Kukës for February 2026 (or {@code month}): {@code good} valid rows, then the given bad rows. */
    static byte[] cpu(String month, int good, List<String> bad) {
        StringBuilder s = new StringBuilder(HEADER);
        int i = 0;
        for (; i < good; i++) {
            s.append(row(month, i + 1, "Kukës", month + "-1" + (i % 9), "10"));
        }
        for (String b : bad) {
            s.append(b.replace("#", String.format("%06d", ++i + 100)));
        }
        return s.toString().getBytes(UTF_8);
    }

    static String row(String month, int id, String municipality, String date, String age) {
        return "CPU-AL07-" + month.replace("-", "") + "-" + String.format("%06d", id) + "," + "cd".repeat(32) + "," + municipality + ","
                + date + ",school,neglect,F," + age + ",,,,,\n";
    }

    @BeforeAll
    static void start() throws IOException {
        Path key = Files.writeString(dir.resolve("warehouse.key"), "upload-test-only-key-" + System.nanoTime(), UTF_8);
        config = AppConfig.load(TestPortal.ROOT.resolve(AppConfig.DEFAULT_CONFIG_FILE), Map.of("etl.warehouse-key-file", key.toString(),
                "incoming.dir", dir.resolve("incoming").toString(), "warehouse.dir", dir.resolve("warehouse").toString()));
        Files.createDirectories(config.incomingDir());
        // January as the region first sent it, through the incoming folder: 3 rows.
        Files.write(config.incomingDir().resolve("cpu_AL-07_2026-01.csv"), cpu("2026-01", 3, List.of()));
        ingestAndPublish();
        releases = new PublishedReleases(config.warehouseDir(), Catalogue.load(config.catalogueFile()), TestPortal.TERRITORY,
                Population.load(TestPortal.TERRITORY, config.referenceDir()), TestPortal.CLOCK, Duration.ZERO);
        store = TestPortal.store(dir, releases.current());
        app = PortalApp.create(services()).start("127.0.0.1", 0);
        anonymous = new Http(app::port);
    }

    @AfterAll
    static void stop() {
        app.stop();
        store.close();
    }

    static void ingestAndPublish() {
        IngestReport report = IngestJob.fromConfig(PortalFixture.spark(), config, TestPortal.CLOCK).run(config.incomingDir());
        Snapshots snapshots = new Snapshots(config.warehouseDir());
        Snapshot snapshot = snapshots.find(report.snapshotId()).orElseThrow();
        new WarehouseBuilder().build(snapshot);
        Releases.build(config, snapshot, Catalogue.load(config.catalogueFile()), TestPortal.TERRITORY);
        snapshots.publish(snapshot);
    }

    static JsonNode body(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Test
    void aClerksFilesGetReceiptsAtOnceAndAfterTheRunAndARefusedFileLeavesNothing() throws IOException {
        Http clerk = anonymous.as("clerk");
        String phone = "0692345678";

        // February: 12 rows, one with an age that is no age, one opened in January: 10 load, 2 quarantined (2/12 is under 0.2).
        HttpResponse<String> good = clerk.upload("cpu_AL-07_2026-02.csv", cpu("2026-02", 10,
                List.of(row("2026-02", 0, "Kukës", "2026-02-11", "ten").replace("000000", "#"),
                        row("2026-02", 0, "Kukës", "2026-01-20", "9").replace("000000", "#"))));
        // A correction of January with 3 of 4 rows broken: it passes the file checks but the run refuses it (3/4 > 0.2).
        HttpResponse<String> correction = clerk.upload("cpu_AL-07_2026-01.csv", cpu("2026-01", 1, List.of(
                row("2026-01", 0, "Kukës", "2026-01-12", "x").replace("000000", "#"), row("2026-01", 0, "Kukës", "2026-01-13", "y").replace("000000", "#"),
                row("2026-01", 0, "Kukës", "2026-01-14", "z").replace("000000", "#"))));
        HttpResponse<String> personal = clerk.upload("cpu_AL-07_2026-03.csv", cpu("2026-03", 1, List.of(row("2026-03", 0, phone, "2026-03-01", "7")
                .replace("000000", "#"))));
        HttpResponse<String> otherCounty = clerk.upload("cpu_AL-01_2026-02.csv", cpu("2026-02", 1, List.of()));

        assertThat(good.statusCode()).as(good.body()).isEqualTo(201);
        JsonNode receipt = body(good);
        assertThat(receipt.get("state").asText()).isEqualTo("waiting");
        assertThat(receipt.get("rowsIn").asLong()).isEqualTo(12);
        // 1 March 2026 10:00 in Tirana: the next run at 02:00 is on 2 March.
        assertThat(receipt.get("message").get("sq").asText()).startsWith("Skedari u pranua")
                .contains("Shifrat publikohen pas ngarkimit të radhës, më 2026-03-02 02:00 (ora e Tiranës).");
        assertThat(receipt.get("publishAt").asText()).isEqualTo("2026-03-02 02:00");
        assertThat(correction.statusCode()).isEqualTo(201);
        assertThat(body(correction).get("message").get("sq").asText()).contains("zëvendëson skedarin e mëparshëm");
        assertThat(personal.statusCode()).isEqualTo(422);
        assertThat(body(personal).get("problem").asText()).isEqualTo("PERSONAL_DATA");
        assertThat(body(personal).get("message").get("sq").asText()).startsWith("Skedari u refuzua: një vlerë duket si identifikues personal");
        assertThat(personal.body()).doesNotContain(phone);
        assertThat(body(otherCounty).get("problem").asText()).isEqualTo("OUTSIDE_CLERK_COUNTY");
        assertThat(incoming()).containsExactly("cpu_AL-07_2026-01.csv", "cpu_AL-07_2026-02.csv");
        assertThat(clerk.send("POST", "/api/v1/uploads?name=cpu_AL-07_2026-02.csv", Map.of("rows", 1)).statusCode())
                .as("a JSON body is not a file").isEqualTo(415);
        assertThat(anonymous.as("kukes").upload("cpu_AL-07_2026-02.csv", cpu("2026-02", 1, List.of())).statusCode())
                .as("a regional committee does not send files").isEqualTo(403);

        ingestAndPublish();

        Map<String, JsonNode> byFile = new HashMap<>();
        JsonNode list = clerk.json("/api/v1/uploads", 200);
        assertThat(list.get("county").asText()).isEqualTo("AL-07");
        list.get("receipts").forEach(r -> byFile.putIfAbsent(r.get("fileName").asText() + "/" + r.get("outcome").asText(), r));
        JsonNode loaded = byFile.get("cpu_AL-07_2026-02.csv/ACCEPTED");
        assertThat(loaded.get("state").asText()).isEqualTo("loaded");
        assertThat(loaded.get("release").asText()).isEqualTo(releases.current().id());
        assertThat(loaded.get("message").get("sq").asText()).contains("10 rreshta u pranuan nga 12");
        Map<String, Long> rules = new HashMap<>();
        loaded.get("quarantined").forEach(q -> rules.put(q.get("rule").asText(), q.get("rows").asLong()));
        assertThat(rules).isEqualTo(Map.of("BAD_AGE", 1L, "DATE_OUTSIDE_MONTH", 1L));
        loaded.get("quarantined").forEach(q -> assertThat(q.get("text").get("sq").asText()).isNotEqualTo(q.get("rule").asText()));
        JsonNode refusedAtRun = byFile.get("cpu_AL-07_2026-01.csv/ACCEPTED");
        assertThat(refusedAtRun.get("state").asText()).isEqualTo("refused_at_run");
        assertThat(refusedAtRun.get("message").get("sq").asText()).startsWith("U refuzua në ngarkim: shumë rreshta shkelin kontratën");
        assertThat(refusedAtRun.get("quarantined").size()).isEqualTo(1);
        assertThat(refusedAtRun.get("quarantined").get(0).get("rule").asText()).isEqualTo("BAD_AGE");
        assertThat(refusedAtRun.get("quarantined").get(0).get("rows").asLong()).isEqualTo(3);
        assertThat(byFile.get("cpu_AL-07_2026-03.csv/REFUSED").get("state").asText()).isEqualTo("refused");
        assertThat(list.toString()).doesNotContain(phone).doesNotContain("cd".repeat(32));

        // The run refused the correction: it leaves the incoming folder (January keeps its first data in the warehouse).
        RefusedUploads sweep = new RefusedUploads(services().uploads(), releases, releases.internalAccess("256MB", 1));
        assertThat(sweep.sweep()).isEqualTo(1);
        assertThat(incoming()).containsExactly("cpu_AL-07_2026-02.csv");
        assertThat(sweep.sweep()).as("once per release").isZero();

        List<String> audited = new ArrayList<>();
        store.audit().newest(100, "clerk", "upload").forEach(e -> audited.add(e.what() + " " + e.outcome()));
        assertThat(audited).containsExactlyInAnyOrder("cpu_AL-07_2026-02.csv ok", "cpu_AL-07_2026-01.csv ok", "cpu_AL-07_2026-03.csv refused",
                "cpu_AL-01_2026-02.csv refused");
    }

    @Test
    void aWorkbooksTextNeverReachesTheLogAndTheIncomingFolderKeepsOnlyItsCheckedCells() throws IOException {
        Http clerk = anonymous.as("clerk");
        String name = "Besnik Krasniqi";
        byte[] workbook = workbookWithBrokenTextCell(name);
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        HttpResponse<String> r;
        try {
            System.setErr(new java.io.PrintStream(new org.apache.commons.io.output.TeeOutputStream(err, captured), true, UTF_8));
            r = clerk.upload("cpu_AL-07_2025-12.xlsx", workbook);
        } finally {
            System.setErr(err);
        }

        assertThat(captured.toString(UTF_8)).doesNotContain("Krasniqi");
        assertThat(r.body()).doesNotContain("Krasniqi");
        try (Stream<Path> files = Files.walk(config.incomingDir())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain("Krasniqi");
            }
        }
    }

    /**
     * A workbook whose first data cell claims to be a shared string but holds text instead of an index (as a hand-edited
     * or foreign program's file may): POI reads it as nothing and, left alone, logs the text.
     */
    static byte[] workbookWithBrokenTextCell(String text) throws IOException {
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = wb.createSheet("cpu");
            String[] header = HEADER.strip().split(",");
            var h = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            String[] values = row("2025-12", 1, "Kukës", "2025-12-03", "10").strip().split(",", -1);
            var d = sheet.createRow(1);
            for (int c = 0; c < values.length; c++) {
                if (!values[c].isEmpty()) {
                    d.createCell(c).setCellValue(values[c]);
                }
            }
            wb.write(plain);
        }
        java.io.ByteArrayOutputStream edited = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(plain.toByteArray()));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(edited)) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(bytes, UTF_8).replaceFirst("(<c r=\"A2\"[^>]*t=\"s\"[^>]*><v>)\\d+(</v>)", "$1" + text + "$2");
                    assertThat(xml).contains(text);
                    bytes = xml.getBytes(UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(bytes);
            }
        }
        return edited.toByteArray();
    }

    static PortalServices services() {
        return TestPortal.services(releases, store, dir, config.incomingDir());
    }

    static List<String> incoming() throws IOException {
        try (Stream<Path> files = Files.list(config.incomingDir())) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
