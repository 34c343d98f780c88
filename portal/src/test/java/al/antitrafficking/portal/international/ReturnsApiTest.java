package al.antitrafficking.portal.international;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.Http;
import al.antitrafficking.portal.PortalFixture;
import al.antitrafficking.portal.RegionalFiles;
import al.antitrafficking.portal.TestPortal;
import al.antitrafficking.warehouse.international.GlotipFile;
import al.antitrafficking.warehouse.international.GlotipSeries;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The international returns over HTTP on the fixture's real warehouse: printed figures are the persons counted in the
 * regional files (presumed or identified, 2025), withheld ones carry the release's mark; the unsuppressed files only
 * for the ministry statistician, with a reason; then UNODC's published series imported and set beside the release.
 */
class ReturnsApiTest {
    static final PortalFixture FIXTURE = PortalFixture.get();
    static final Set<String> COUNTED = Set.of("presumed", "identified");
    static final Map<String, Predicate<RegionalFiles.Row>> AGE = Map.of("0-17", RegionalFiles.Row::minor, "18+", r -> !r.minor());
    final Http http = new Http(FIXTURE.app::port);

    @Test
    void listsTheReturnsAndTheYearsSomeOnlyInPart() {
        JsonNode listing = http.json("/api/v1/returns", 200);
        assertThat(listing.get("returns")).extracting(r -> r.get("id").asText()).containsExactly("glotip", "eurostat", "sdg_16_2_2");
        assertThat(listing.get("years")).extracting(JsonNode::asInt).containsExactly(2026, 2025, 2024);
        assertThat(listing.get("partial")).extracting(JsonNode::asInt).containsExactlyInAnyOrder(2026, 2024);
        assertThat(listing.get("defaultYear").asInt()).isEqualTo(2025);
    }

    @Test
    void everyPrintedFigureOfTheGlotipReturnIsThePersonsInTheRegionalFiles() {
        List<RegionalFiles.Row> nrm = new RegionalFiles(FIXTURE.incoming).rows("nrm", "identification_date").stream()
                .filter(r -> r.date().startsWith("2025") && COUNTED.contains(r.get("status"))).toList();
        JsonNode view = http.json("/api/v1/returns/glotip?year=2025", 200);
        JsonNode bySexAndAge = view.get("tables").get(0);
        assertThat(bySexAndAge.get("id").asText()).isEqualTo("by_sex_and_age");
        int printed = 0;
        int withheld = 0;
        List<String> sexes = new ArrayList<>();
        bySexAndAge.get("rowLabels").forEach(l -> sexes.add(l.get("code").asText()));
        List<String> ages = new ArrayList<>();
        bySexAndAge.get("columnLabels").forEach(l -> ages.add(l.get("code").asText()));
        for (int i = 0; i <= sexes.size(); i++) {
            for (int j = 0; j <= ages.size(); j++) {
                String sex = i < sexes.size() ? sexes.get(i) : null;
                String age = j < ages.size() ? ages.get(j) : null;
                long expected = RegionalFiles.children(nrm, r -> (sex == null || r.get("sex").equals(sex)) && (age == null || AGE.get(age).test(r)),
                        r -> "n").getOrDefault("n", 0L);
                String status = bySexAndAge.get("statuses").get(i).get(j).asText();
                String cell = bySexAndAge.get("cells").get(i).get(j).asText();
                if (status.equals("PUBLISHED")) {
                    assertThat(Long.parseLong(cell)).as(sex + " " + age).isEqualTo(expected);
                    printed++;
                } else {
                    assertThat(cell).isEqualTo("x");
                    withheld++;
                }
            }
        }
        assertThat(printed).as("printed figures (withheld: " + withheld + ")").isPositive();
    }

    @Test
    void theUnsuppressedFilesAreTheStatisticiansWithAReasonAndMarkedInternal() {
        String path = "/api/v1/internal/returns/eurostat/export.csv?year=2025&lang=en";
        assertThat(http.get(path + "&reason=questionnaire").statusCode()).isEqualTo(401);
        assertThat(http.asRole("regional_committee").get(path + "&reason=questionnaire").statusCode()).isEqualTo(403);
        assertThat(http.asRole("national_coordinator").get(path + "&reason=questionnaire").statusCode()).isEqualTo(403);
        Http statistician = http.asRole("ministry_statistician");
        assertThat(statistician.get(path).statusCode()).isEqualTo(400);
        HttpResponse<String> file = statistician.get(path + "&reason=annual+Eurostat+collection");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("INTERNAL");
        assertThat(file.body()).contains("INTERNAL – NOT FOR PUBLICATION").doesNotContain(",x,");
        List<RegionalFiles.Row> nrm = new RegionalFiles(FIXTURE.incoming).rows("nrm", "identification_date").stream()
                .filter(r -> r.date().startsWith("2025") && COUNTED.contains(r.get("status"))).toList();
        long presumedGirls = RegionalFiles.children(nrm, r -> r.get("status").equals("presumed") && r.get("sex").equals("F"), r -> "n").get("n");
        assertThat(file.body()).contains("A,NR,PRES,F,TOTAL,TOTAL,TOTAL,AL,2025," + presumedGirls + ",");
        String pub = http.get("/api/v1/returns/eurostat/export.csv?year=2025&lang=en").body();
        assertThat(pub).doesNotContain("INTERNAL").contains("freq,unit,leg_stat,sex,age,citizen,explt,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG");
    }

    @Test
    void thePublishedSeriesIsImportedThenSetBesideTheNeighboursAndReconciledWithTheRelease(@TempDir Path dir) throws Exception {
        assertThat(http.json("/api/v1/reference/glotip", 404).get("error").asText()).contains("No UNODC series has been imported");
        Path warehouse = FIXTURE.config.warehouseDir();
        GlotipSeries.importFile(TestPortal.ROOT.resolve("conf/international/unodc_data_glotip_2025-04-14.xlsx"), warehouse);
        JsonNode ref = http.json("/api/v1/reference/glotip", 200);
        Map<String, JsonNode> countries = new HashMap<>();
        ref.get("countries").forEach(c -> countries.put(c.get("iso3").asText(), c.get("totals")));
        // Figures as the export states them (checked against the file itself by the warehouse's import test).
        assertThat(countries.get("ALB").get("2021").asText()).isEqualTo("159");
        assertThat(countries.get("MKD").get("2015").asText()).isEqualTo("<5");
        assertThat(countries.get("XKX").size()).isZero();
        assertThat(ref.get("westernBalkans").get("missing")).extracting(JsonNode::asText).containsExactly("XKX");
        assertThat(ref.get("commonYears")).isEmpty();

        // A later export that also covers 2025: each breakdown set beside the release's public return and flagged.
        JsonNode data = http.json("/api/v1/returns/glotip?year=2025", 200).get("data");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("UNODC"));
        rows.add(List.of("01/06/2026"));
        rows.add(GlotipFile.COLUMNS);
        String changed = null;
        int same = 0;
        int withheld = 0;
        for (int i = 1; i < data.size(); i++) {
            List<String> line = new ArrayList<>();
            data.get(i).forEach(v -> line.add(v.asText()));
            String value = line.get(11);
            if (value.equals("x")) {
                line.set(11, "<5");
                withheld++;
            } else if (changed == null && Long.parseLong(value) > 0) {
                line.set(11, Long.toString(Long.parseLong(value) + 3));
                changed = line.get(5) + "|" + line.get(6) + "|" + line.get(7) + "|" + line.get(8);
            } else {
                same++;
            }
            rows.add(line);
        }
        rows.add(List.of("ALB", "Albania", "Europe", "Southern Europe", "Detected trafficking victims",
                "by country of repatriation", "Greece", "Total", "Total", "2025", "Counts", "7", "GLOTIP"));
        GlotipSeries.importFile(write(dir.resolve("later.xlsx"), rows), warehouse);
        assertThat(http.json("/api/v1/reference/glotip", 200).get("commonYears")).extracting(JsonNode::asInt).containsExactly(2025);
        JsonNode r = http.json("/api/v1/reference/glotip/reconciliation?year=2025", 200);
        Map<String, String> flags = new HashMap<>();
        r.get("lines").forEach(l -> flags.put(l.get("dimension").asText() + "|" + l.get("category").asText() + "|" + l.get("sex").asText() + "|"
                + l.get("age").asText(), l.get("flag").asText()));
        assertThat(flags.get(changed)).isEqualTo("DIFFERS");
        assertThat(flags.get("by country of repatriation|Greece|Total|Total")).isEqualTo("ONLY_PUBLISHED");
        assertThat(r.get("flags").get("SAME").asInt()).isEqualTo(same);
        assertThat(r.get("flags").has("WITHHELD_HERE") ? r.get("flags").get("WITHHELD_HERE").asInt() : 0).isEqualTo(withheld);
        assertThat(r.toString()).doesNotContain("\"warehouse\":\"<5\"");
        // Beside a figure the release withholds, UNODC's is not shown.
        r.get("lines").forEach(l -> {
            if (l.get("flag").asText().equals("WITHHELD_HERE")) {
                assertThat(l.get("published").isNull()).as(l.toString()).isTrue();
            }
        });
        assertThat(http.get("/api/v1/reference/glotip/reconciliation?year=2026").statusCode()).as("a year covered in part").isEqualTo(400);
    }

    static Path write(Path file, List<List<String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = wb.createSheet("data");
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
        }
        return file;
    }
}
