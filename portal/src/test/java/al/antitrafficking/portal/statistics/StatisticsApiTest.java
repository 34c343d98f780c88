package al.antitrafficking.portal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.Http;
import al.antitrafficking.portal.LedgerFiles;
import al.antitrafficking.portal.PortalFixture;
import al.antitrafficking.portal.RegionalFiles;
import al.antitrafficking.portal.TestPortal;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The ministry's tables over HTTP: the periods the release covers (and those it covers in part), a table's cells,
 * margins and total as the release's printed cells and the children in the regional files, a quarter the release
 * does not publish refused with "ask for the year", and a file of all tables that lists what it leaves out.
 */
class StatisticsApiTest {
    static final PortalFixture FIXTURE = PortalFixture.get();
    static final LedgerFiles LEDGER = new LedgerFiles(FIXTURE.releaseDir());
    static final String VICTIMS = "nrm.identification_date.children";
    final Http http = new Http(FIXTURE.app::port);

    @Test
    void listsTheTablesAndThePeriodsTheReleaseCoversSomeOnlyInPart() {
        JsonNode listing = http.json("/api/v1/statistics", 200);

        assertThat(listing.get("tables")).hasSize(6);
        assertThat(listing.get("years")).extracting(JsonNode::asText).containsExactly("2026", "2025", "2024");
        assertThat(listing.get("quarters")).extracting(JsonNode::asText).containsExactly("2026-Q1", "2025-Q4", "2025-Q3", "2025-Q2", "2025-Q1",
                "2024-Q4", "2024-Q3", "2024-Q2", "2024-Q1");
        // The release covers March 2024 to February 2026.
        assertThat(listing.get("partial")).extracting(JsonNode::asText).containsExactlyInAnyOrder("2026", "2024", "2026-Q1", "2024-Q1");
        assertThat(listing.get("defaultPeriod").asText()).isEqualTo("2025");
        assertThat(listing.get("legend").get("en").asText()).startsWith("x = withheld");
    }

    @Test
    void everyTableOfChildVictimsTheReleaseMakesIsItsCellsAndTheChildrenInTheRegionalFiles() {
        List<RegionalFiles.Row> nrm = new RegionalFiles(FIXTURE.incoming).rows("nrm", "identification_date");
        int tables = 0;
        for (JsonNode entry : http.json("/api/v1/statistics", 200).get("tables")) {
            if (!entry.get("indicator").asText().equals("child_victims") || http.get("/api/v1/statistics/" + entry.get("id").asText()
                    + "?year=2025").statusCode() != 200) {
                continue;
            }
            assertIsCellsAndChildren(http.json("/api/v1/statistics/" + entry.get("id").asText() + "?year=2025", 200), nrm);
            tables++;
        }
        assertThat(tables).as("tables of child victims the release makes for 2025").isPositive();
    }

    /** Each cell, margin and total of a table of child victims in 2025: the release's printed cell, and when published the children counted. */
    private static void assertIsCellsAndChildren(JsonNode t, List<RegionalFiles.Row> nrm) {
        String rows = t.get("rows").asText();
        String columns = t.get("columns").asText();
        List<String> rowKeys = new ArrayList<>();
        t.get("rowLabels").forEach(l -> rowKeys.add(rows.equals("county") ? countyCode(l.asText()) : l.asText()));
        List<String> columnKeys = new ArrayList<>();
        t.get("columnLabels").forEach(l -> columnKeys.add(l.asText()));
        int published = 0;
        for (int r = 0; r <= rowKeys.size(); r++) {
            for (int c = 0; c <= columnKeys.size(); c++) {
                Map<String, String> group = new java.util.TreeMap<>();
                if (r < rowKeys.size()) {
                    group.put(rows, rowKeys.get(r));
                }
                if (c < columnKeys.size()) {
                    group.put(columns, columnKeys.get(c));
                }
                String territory = group.containsKey("county") ? group.remove("county") : "AL";
                java.util.SortedMap<String, String> criteria = new java.util.TreeMap<>(Map.of("age_band", "0-5,12-14,15-17,6-11"));
                criteria.putAll(group);
                StringBuilder key = new StringBuilder();
                criteria.forEach((d, v) -> key.append(key.isEmpty() ? "" : ";").append(d).append('=').append(v));
                String where = t.get("id").asText() + " " + territory + " " + key;
                LedgerFiles.Cell cell = LEDGER.cell(VICTIMS, key.toString(), territory, "2025").orElseThrow(() -> new AssertionError("no cell " + where));
                String shown = t.get("cells").get(r).get(c).asText();
                assertThat(t.get("statuses").get(r).get(c).asText()).as(where).isEqualTo(cell.status());
                if (cell.status().equals("PUBLISHED")) {
                    long children = nrm.stream().filter(x -> x.minor() && x.date().startsWith("2025") && (territory.equals("AL") || x.county().equals(territory))
                            && group.entrySet().stream().allMatch(g -> value(x, g.getKey()).equals(g.getValue()))).map(RegionalFiles.Row::pseudonym)
                            .distinct().count();
                    assertThat(Long.parseLong(shown)).as(where).isEqualTo(cell.value()).isEqualTo(children);
                    published++;
                } else {
                    assertThat(shown).as(where).isEqualTo(cell.status().equals("WITHHELD") ? "x" : "–");
                }
            }
        }
        assertThat(published).as(t.get("id").asText()).isPositive();
    }

    private static String value(RegionalFiles.Row row, String dimension) {
        return dimension.equals("age_band") ? row.ageBand() : row.get(dimension);
    }

    private static String countyCode(String name) {
        return TestPortal.TERRITORY.counties().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().code();
    }

    @Test
    void aQuarterOfATablePublishedOnlyByYearIsRefusedWithAskForTheYear() {
        String yearOnly = null;
        for (JsonNode entry : http.json("/api/v1/statistics", 200).get("tables")) {
            String id = entry.get("id").asText();
            if (yearOnly == null && http.get("/api/v1/statistics/" + id + "?year=2025").statusCode() == 200
                    && http.get("/api/v1/statistics/" + id + "?quarter=2025-Q2").statusCode() == 400) {
                yearOnly = id;
            }
        }
        assertThat(yearOnly).as("a table the release makes for 2025 but not for its second quarter").isNotNull();

        assertThat(http.refusal("/api/v1/statistics/" + yearOnly + "?quarter=2025-Q2")).startsWith("Cannot make this table for 2025-04 to 2025-06: ")
                .contains("not by quarter").endsWith("; ask for the year");
        assertThat(http.refusal("/api/v1/statistics/" + yearOnly + "/export.pdf?quarter=2025-Q2")).endsWith("; ask for the year");
    }

    @Test
    void aFileOfAllTablesHoldsEveryTableTheReleaseMakesAndListsTheOthersWithTheReason() throws Exception {
        List<String> made = new ArrayList<>();
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        for (JsonNode entry : http.json("/api/v1/statistics", 200).get("tables")) {
            var answer = http.get("/api/v1/statistics/" + entry.get("id").asText() + "?year=2025");
            String title = entry.get("title").get("en").asText();
            if (answer.statusCode() == 200) {
                made.add(title);
            } else {
                assertThat(answer.statusCode()).isEqualTo(400);
                refused.put(title, new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).get("error").asText());
            }
        }
        assertThat(refused).as("the fixture's release leaves a table out for 2025").isNotEmpty();
        assertThat(made).isNotEmpty();

        String text = new String(http.bytes("/api/v1/statistics/all/export.csv?year=2025").body(), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> lines = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(text)).getRecords();

        List<String> tables = lines.stream().filter(l -> l.get(0).equals("Table")).map(l -> l.get(1)).toList();
        assertThat(tables).containsExactlyElementsOf(made);
        int listed = lines.stream().map(l -> l.get(0)).toList().indexOf("Not in this file");
        assertThat(listed).isPositive();
        Map<String, String> omitted = new java.util.LinkedHashMap<>();
        lines.subList(listed + 1, lines.size()).stream().filter(l -> l.size() == 2).forEach(l -> omitted.put(l.get(0), l.get(1)));
        assertThat(omitted).isEqualTo(refused);
    }
}
