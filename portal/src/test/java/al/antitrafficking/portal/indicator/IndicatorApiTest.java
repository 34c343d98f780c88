package al.antitrafficking.portal.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.Http;
import al.antitrafficking.portal.LedgerFiles;
import al.antitrafficking.portal.PortalFixture;
import al.antitrafficking.portal.RegionalFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The catalogue and the indicators over HTTP, over the fixture's warehouse. Every figure must be the release's printed
 * cell (read from its public cells.csv.gz) and, where published, the children counted by hand in the regional files;
 * every refusal must say what can be asked instead.
 */
class IndicatorApiTest {
    static final PortalFixture FIXTURE = PortalFixture.get();
    static final LedgerFiles LEDGER = new LedgerFiles(FIXTURE.releaseDir());
    static final List<RegionalFiles.Row> NRM = new RegionalFiles(FIXTURE.incoming).rows("nrm", "identification_date");
    /** Child victims: the NRM's rows of children, by day of identification, distinct children (the catalogue's definition). */
    static final String VICTIMS = "nrm.identification_date.children";
    static final String CHILDREN = "age_band=0-5,12-14,15-17,6-11";
    final Http http = new Http(FIXTURE.app::port);

    private static void assertIsTheCell(JsonNode row, String family, String criteria, String territory) {
        LedgerFiles.Cell cell = LEDGER.cell(family, criteria, territory, row.get("period").asText()).orElseThrow(
                () -> new AssertionError("no printed cell for " + row));
        assertThat(row.get("status").asText()).as(row.toString()).isEqualTo(cell.status());
        if (cell.status().equals("PUBLISHED")) {
            assertThat(row.get("value").asLong()).as(row.toString()).isEqualTo(cell.value());
        } else {
            assertThat(row.get("value").isNull() && row.get("numerator").isNull()).as("nothing of a withheld figure: " + row).isTrue();
        }
    }

    private static int published(JsonNode rows) {
        int n = 0;
        for (JsonNode r : rows) {
            n += r.get("status").asText().equals("PUBLISHED") ? 1 : 0;
        }
        return n;
    }

    @Test
    void listsTheCatalogueInBothLanguagesWithWhereTheReleasePublishesEachIndicator() {
        JsonNode list = http.json("/api/v1/indicators", 200);
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        list.forEach(e -> byId.put(e.get("id").asText(), e.get("published")));

        assertThat(list.size()).isGreaterThanOrEqualTo(14);
        assertThat(list.get(0).get("name").get("sq").asText()).isEqualTo("Fëmijë të takuar nga Policia Kufitare");
        // Each as the ledger's tables.csv says: the finest grain of the table behind the breakdown, absent where none.
        assertPublishedAsTheLedger(byId.get("child_victims"), "albania", "total", VICTIMS + "|" + CHILDREN + "|");
        assertPublishedAsTheLedger(byId.get("child_victims"), "albania", "status", VICTIMS + "|" + CHILDREN + "|status");
        assertPublishedAsTheLedger(byId.get("child_victims"), "county", "total", VICTIMS + "|" + CHILDREN + "|");
        assertPublishedAsTheLedger(byId.get("child_victims"), "county", "status", VICTIMS + "|" + CHILDREN + "|status");
        assertPublishedAsTheLedger(byId.get("child_victims"), "municipality", "total", VICTIMS + "|" + CHILDREN + "|");
        assertPublishedAsTheLedger(byId.get("children_encountered"), "county", "total", "border.encounter_date.children|*|");
        assertPublishedAsTheLedger(byId.get("new_cpu_cases"), "county", "total", "cpu.opened_date.rows|*|");
        assertPublishedAsTheLedger(byId.get("new_cpu_cases"), "municipality", "total", "cpu.opened_date.rows|*|");
        assertThat(byId.get("child_victims").get("albania").get("total").asText()).isEqualTo("month");
    }

    private static void assertPublishedAsTheLedger(JsonNode published, String level, String breakdown, String table) {
        java.util.Optional<String> grain = LEDGER.grain(table, level.toUpperCase(Locale.ROOT)).map(g -> g.toLowerCase(Locale.ROOT));
        JsonNode shown = published.path(level).path(breakdown);
        assertThat(shown.isMissingNode() ? java.util.Optional.empty() : java.util.Optional.of(shown.asText()))
                .as(level + " " + breakdown + " of " + table).isEqualTo(grain);
    }

    private static String grain(String table, String level) {
        return LEDGER.grain(table, level).orElseThrow().toLowerCase(Locale.ROOT);
    }

    @Test
    void childVictimsByMonthForAlbaniaAreTheChildrenCountedInTheRegionalFiles() {
        Map<String, Long> counted = RegionalFiles.children(NRM, RegionalFiles.Row::minor, r -> r.date().substring(0, 7));

        JsonNode rows = http.json("/api/v1/indicators/child_victims?period=month&from=2024-03&to=2026-02", 200).get("rows");

        assertThat(rows).hasSize(24);
        for (JsonNode row : rows) {
            assertIsTheCell(row, VICTIMS, CHILDREN, "AL");
            if (row.get("status").asText().equals("PUBLISHED")) {
                assertThat(row.get("value").asLong()).as(row.toString()).isEqualTo(counted.getOrDefault(row.get("period").asText(), 0L));
            }
        }
        assertThat(published(rows)).isGreaterThanOrEqualTo(20);
    }

    @Test
    void victimsByStatusAtTheFinestPeriodPublishedAreCellsOfTheReleaseAndChildrenInTheFiles() {
        String period = grain(VICTIMS + "|" + CHILDREN + "|status", "ALBANIA");
        Map<String, Long> counted = RegionalFiles.children(NRM, RegionalFiles.Row::minor,
                r -> label(r.date(), period) + "|" + r.get("status"));

        JsonNode rows = http.json("/api/v1/indicators/child_victims?group_by=status&period=" + period + "&from=2024-03&to=2026-02", 200)
                .get("rows");

        assertThat(rows).extracting(r -> r.get("group").get("status").asText()).containsOnly("identified", "potential", "presumed");
        for (JsonNode row : rows) {
            String status = row.get("group").get("status").asText();
            assertIsTheCell(row, VICTIMS, CHILDREN + ";status=" + status, "AL");
            if (row.get("status").asText().equals("PUBLISHED")) {
                assertThat(row.get("value").asLong()).as(row.toString()).isEqualTo(counted.getOrDefault(row.get("period").asText() + "|" + status, 0L));
            }
        }
        assertThat(published(rows)).isGreaterThan(rows.size() / 2);
    }

    private static String label(String date, String period) {
        return switch (period) {
            case "month" -> date.substring(0, 7);
            case "quarter" -> RegionalFiles.quarter(date);
            default -> date.substring(0, 4);
        };
    }

    @Test
    void aCountyBreakdownByYearHoldsPrintedCellsOnlyAndNothingOfAWithheldOne() {
        Map<String, Long> counted = RegionalFiles.children(NRM, r -> r.minor() && r.date().startsWith("2025"), RegionalFiles.Row::county);

        JsonNode rows = http.json("/api/v1/indicators/child_victims?group_by=county&period=year&from=2025-01&to=2025-12", 200).get("rows");

        assertThat(rows).hasSize(12);
        for (JsonNode row : rows) {
            String county = row.get("group").get("county").asText();
            assertIsTheCell(row, VICTIMS, CHILDREN, county);
            if (row.get("status").asText().equals("PUBLISHED")) {
                assertThat(row.get("value").asLong()).as(county).isEqualTo(counted.getOrDefault(county, 0L));
            }
        }
        assertThat(published(rows)).isPositive();
    }

    @Test
    void aRollingWindowIsOneCellOfTheRelease() {
        Map<String, Long> counted = RegionalFiles.children(NRM, r -> r.minor() && r.date().compareTo("2025-03") >= 0, r -> "window");

        JsonNode result = http.json("/api/v1/indicators/child_victims?period=range&from=2025-03&to=2026-02", 200);

        assertThat(result.get("rows")).hasSize(1);
        JsonNode row = result.get("rows").get(0);
        assertThat(row.get("period").asText()).isEqualTo("2025-03/2026-02");
        assertIsTheCell(row, VICTIMS, CHILDREN, "AL");
        assertThat(row.get("value").asLong()).isEqualTo(counted.get("window"));
        assertThat(result.get("snapshot").asText()).isEqualTo(FIXTURE.releaseId);
        assertThat(result.get("audience").asText()).isEqualTo("PUBLIC");
    }

    @Test
    void marksAPeriodTheReleaseCoversInPartAndAMonthNotYetDue() {
        // Social services have not sent February 2026; on 1 March it is not due before the 15th.
        List<RegionalFiles.Row> services = new RegionalFiles(FIXTURE.incoming).rows("services", "start_date");
        long january = services.stream().filter(r -> r.date().startsWith("2026-01")).count();

        JsonNode years = http.json("/api/v1/indicators/child_victims?period=year&from=2024-03&to=2026-02", 200).get("rows");
        JsonNode months = http.json("/api/v1/indicators/services_given?period=month&from=2026-01&to=2026-02", 200).get("rows");

        assertThat(years).extracting(r -> r.get("period").asText() + ":" + r.get("flags").toString())
                .containsExactly("2024:[\"PARTIAL_PERIOD\"]", "2025:[]", "2026:[\"PARTIAL_PERIOD\"]");
        assertThat(months.get(0).get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(months.get(0).get("value").asLong()).isEqualTo(january);
        assertThat(months.get(1).get("period").asText()).isEqualTo("2026-02");
        assertThat(months.get(1).get("status").asText()).isEqualTo("NOT_YET_DUE");
        assertThat(months.get(1).get("value").isNull()).isTrue();
        assertThat(LEDGER.cell("services.start_date.rows", "*", "AL", "2026-02").orElseThrow().status()).isEqualTo("NOT_REPORTED");
    }

    @Test
    void refusesAFilterOfSeveralValuesAndSaysToGroupInstead() {
        assertThat(http.refusal("/api/v1/indicators/child_victims?period=year&county=AL-05,AL-07")).isEqualTo("Cannot answer: a filter takes one "
                + "value (county=AL-05); for every value ask group_by=county. Figures of several values together are not published, since they "
                + "could be subtracted from each other");
    }

    @Test
    void refusesASpanThatIsNeitherAWholePeriodNorARollingWindowAndNamesThoseItPublishes() {
        assertThat(http.refusal("/api/v1/indicators/child_victims?period=range&from=2025-02&to=2025-06")).isEqualTo("Cannot answer: the "
                + "release publishes whole months, quarters and years from 2024-03 to 2026-02 and the rolling windows [2025-03/2026-02, "
                + "2024-03/2025-02], not 2025-02/2025-06; ask period=month (or quarter, year) over from..to, or one of those spans");
    }

    @Test
    void refusesABreakdownFinerThanTheReleasePublishesAndSaysByWhatItDoes() {
        // A breakdown of child victims the release publishes by county, but not by month there.
        String split = java.util.stream.Stream.of("status", "scope", "sex", "age_band", "exploitation_form")
                .filter(d -> LEDGER.grain(VICTIMS + "|" + CHILDREN + "|" + d, "COUNTY").filter(g -> !g.equals("MONTH")).isPresent())
                .findFirst().orElseThrow(() -> new AssertionError("no breakdown of child victims published by county coarser than months"));
        String grain = grain(VICTIMS + "|" + CHILDREN + "|" + split, "COUNTY");

        assertThat(http.refusal("/api/v1/indicators/child_victims?group_by=county," + split + "&period=month"))
                .isEqualTo("Cannot answer: by county and " + split + ", child_victims is published by " + (grain.equals("quarter") ? "quarter and year"
                        : "year") + ", not by month: its figures by month there would be mostly withheld");
        assertThat(http.refusal("/api/v1/indicators/child_victims?group_by=municipality&period=year"))
                .isEqualTo("Cannot answer: child_victims is published for Albania and by county only, not by municipality (too few children at "
                        + "that level)");
        assertThat(http.refusal("/api/v1/indicators/child_victims?group_by=status,sex&period=year"))
                .startsWith("Cannot answer: child_victims is not published by status and sex together; it is published by ")
                .endsWith("and in the ministry's standard tables");
    }

    @Test
    void severalQuestionsInOneCallGetWhatEachGetsAloneInTheOrderAskedFromOneRelease() {
        List<String> asks = List.of("child_victims?period=range&from=2025-03&to=2026-02",
                "child_victims?group_by=county&period=year&from=2025-01&to=2025-12",
                "child_victims?period=year&county=AL-05,AL-07",
                "no_such_indicator?period=year",
                "new_cpu_cases?period=quarter&from=2025-01&to=2025-12");
        String call = "/api/v1/answers?" + String.join("&", asks.stream()
                .map(a -> "ask=" + java.net.URLEncoder.encode(a, java.nio.charset.StandardCharsets.UTF_8)).toList());

        JsonNode answers = http.json(call, 200);

        assertThat(answers.get("release").asText()).isEqualTo(FIXTURE.releaseId);
        assertThat(answers.get("answers")).hasSize(asks.size());
        for (int i = 0; i < asks.size(); i++) {
            JsonNode one = answers.get("answers").get(i);
            String alone = "/api/v1/indicators/" + asks.get(i);
            java.net.http.HttpResponse<String> response = http.get(alone);
            assertThat(one.get("status").asInt()).as(asks.get(i)).isEqualTo(response.statusCode());
            if (response.statusCode() == 200) {
                assertThat(one.get("answer")).as(asks.get(i)).isEqualTo(http.json(alone, 200));
            } else {
                assertThat(one.get("error").asText()).as(asks.get(i)).isEqualTo(http.refusal(alone));
            }
        }
        assertThat(answers.get("answers")).extracting(a -> a.get("status").asInt()).containsExactly(200, 200, 400, 400, 200);
        // Asked again: the same bytes (the second from the portal's cache of answers).
        assertThat(http.get(call).body()).isEqualTo(http.get(call).body());
    }

    @Test
    void refusesACallOfSeveralQuestionsWithNoneTooManyAnotherParameterOrAReleaseInsideAQuestion() {
        String one = "ask=" + java.net.URLEncoder.encode("child_victims?period=year", java.nio.charset.StandardCharsets.UTF_8);

        assertThat(http.refusal("/api/v1/answers")).startsWith("Cannot answer: ask 1 to 24 questions");
        assertThat(http.refusal("/api/v1/answers?" + String.join("&", java.util.Collections.nCopies(25, one))))
                .startsWith("Cannot answer: ask 1 to 24 questions");
        assertThat(http.refusal("/api/v1/answers?" + one + "&county=AL-07")).isEqualTo("Cannot answer: this call takes only ask and release");
        JsonNode inside = http.json("/api/v1/answers?ask=" + java.net.URLEncoder.encode("child_victims?period=year&release=" + FIXTURE.releaseId,
                java.nio.charset.StandardCharsets.UTF_8), 200);
        assertThat(inside.get("answers").get(0).get("status").asInt()).isEqualTo(400);
        assertThat(inside.get("answers").get(0).get("error").asText()).isEqualTo("Cannot answer: give release once for the whole call, not in a question");
    }

    @Test
    void refusesAMalformedQueryWithAPlainMessage() {
        assertThat(http.refusal("/api/v1/indicators/child_victims?period=decade")).isEqualTo("Cannot read period: period must be month, quarter, "
                + "year or range");
        assertThat(http.refusal("/api/v1/indicators/child_victims?from=2025-1")).isEqualTo("Cannot read period: from must be a month as yyyy-MM");
        assertThat(http.refusal("/api/v1/indicators/child_victims?group_by=colour")).contains("cannot be grouped by that dimension");
        assertThat(http.refusal("/api/v1/indicators/child_victims?period=year&status=unknown")).isEqualTo("Cannot answer: status takes no "
                + "value unknown in the release; values: [identified, potential, presumed]");
    }
}
