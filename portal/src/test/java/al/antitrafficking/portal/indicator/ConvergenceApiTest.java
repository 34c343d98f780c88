package al.antitrafficking.portal.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.Http;
import al.antitrafficking.portal.LedgerFiles;
import al.antitrafficking.portal.PortalFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The path between mechanisms over HTTP: the children first met by a mechanism, their outcomes and delay bands are the
 * release's printed cells (its public cells.csv.gz, keyed by hand from the catalogue's definitions); a flow adds up
 * outcomes and is shown only when all of them are; what the release does not publish at a level and span is said, or
 * refused with what to ask instead.
 */
class ConvergenceApiTest {
    static final PortalFixture FIXTURE = PortalFixture.get();
    static final LedgerFiles LEDGER = new LedgerFiles(FIXTURE.releaseDir());
    static final List<String> STARTS = List.of("border", "cpu", "nrm");
    final Http http = new Http(FIXTURE.app::port);

    /** The cells of the children first met by a mechanism: the pathway by that first contact, children under 18 for the NRM. */
    record Start(String mechanism) {
        String family() {
            return "pathway.first_" + mechanism + "_date.rows";
        }

        /** The criteria of the children first met here, with a split dimension's value when given. */
        String criteria(String split, String value) {
            Map<String, String> dims = new TreeMap<>(Map.of("first_mechanism", mechanism));
            if (mechanism.equals("nrm")) {
                dims.put("age_band", "0-5,12-14,15-17,6-11");
            }
            if (split != null) {
                dims.put(split, value);
            }
            StringBuilder s = new StringBuilder();
            dims.forEach((d, v) -> s.append(d).append('=').append(v).append(';'));
            return s.append("@reached_").append(mechanism).append(" IS TRUE").toString();
        }

        String table(String split) {
            return family() + "|" + criteria(null, null) + "|" + (split == null ? "" : split);
        }

        Optional<String> grain(String split, String level) {
            return LEDGER.grain(table(split), level);
        }
    }

    /** The first mechanism whose outcomes the release publishes for Albania by year, or finer. */
    private static Start withOutcomesByYear() {
        return STARTS.stream().map(Start::new).filter(s -> s.grain("outcome", "ALBANIA").isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("the fixture's release publishes no outcomes for Albania"));
    }

    private static void assertIsTheCell(JsonNode item, LedgerFiles.Cell cell) {
        assertThat(item.get("status").asText()).as(item.toString()).isEqualTo(cell.status());
        if (cell.status().equals("PUBLISHED")) {
            assertThat(item.get("children").asLong()).as(item.toString()).isEqualTo(cell.value());
        } else {
            assertThat(item.get("children").isNull()).as(item.toString()).isTrue();
        }
    }

    @Test
    void thePathOverAYearIsMadeOfTheReleasesCells() {
        Start start = withOutcomesByYear();

        JsonNode flow = http.json("/api/v1/convergence?start=" + start.mechanism() + "&from=2025-01&to=2025-12", 200);

        assertThat(flow.get("snapshot").asText()).isEqualTo(FIXTURE.releaseId);
        assertIsTheCell(flow, LEDGER.cell(start.family(), start.criteria(null, null), "AL", "2025").orElseThrow());
        assertThat(flow.get("outcomes")).hasSize(1 << (3 - STARTS.indexOf(start.mechanism())));
        for (JsonNode o : flow.get("outcomes")) {
            List<String> reached = new ArrayList<>();
            o.get("reached").forEach(r -> reached.add(r.asText()));
            String value = reached.isEmpty() ? "none" : String.join("+", reached);
            // An outcome no child of the release took has no cell: a zero everywhere.
            assertIsTheCell(o, LEDGER.cell(start.family(), start.criteria("outcome", value), "AL", "2025").orElse(new LedgerFiles.Cell("PUBLISHED", 0L)));
        }
        assertThat(flow.get("links")).isNotEmpty();
        for (JsonNode link : flow.get("links")) {
            assertThat(link.toString()).isEqualTo(expectedLink(flow, start.mechanism(), link.get("source").asText(), link.get("target").asText()));
        }
        if (start.grain("nrm_delay_band", "ALBANIA").isPresent()) {
            assertThat(flow.get("delays")).extracting(d -> d.get("reached").get(0).asText()).containsExactly("0-7", "8-30", "31-90", "91-180", "181+");
        } else {
            assertThat(flow.get("delays")).isEmpty();
            assertThat(flow.get("note").asText()).contains("the days to NRM identification are published here not at all");
        }
    }

    /** A flow worked out from the outcomes: the children of every outcome whose path takes it, withheld when any of them is. */
    private static String expectedLink(JsonNode flow, String start, String source, String target) {
        long children = 0;
        boolean withheld = false;
        for (JsonNode o : flow.get("outcomes")) {
            List<String> path = new ArrayList<>(List.of(start));
            o.get("reached").forEach(r -> path.add(r.asText()));
            boolean takes = target.equals("after:" + source) ? path.get(path.size() - 1).equals(source)
                    : path.contains(source) && path.indexOf(target) == path.indexOf(source) + 1;
            if (takes) {
                withheld |= !o.get("status").asText().equals("PUBLISHED");
                children += o.get("children").asLong();
            }
        }
        return withheld ? "{\"source\":\"" + source + "\",\"target\":\"" + target + "\",\"children\":null,\"status\":\"WITHHELD\"}"
                : "{\"source\":\"" + source + "\",\"target\":\"" + target + "\",\"children\":" + children + ",\"status\":\"PUBLISHED\"}";
    }

    @Test
    void overARollingWindowItGivesTheTotalAndSaysWhereTheOutcomesArePublished() {
        Start border = new Start("border");
        assertThat(border.grain(null, "ALBANIA")).contains("MONTH");
        String outcomes = border.grain("outcome", "ALBANIA").map(g -> "only by " + g.toLowerCase(Locale.ROOT)).orElse("not at all (too few children)");
        assertThat(outcomes).isNotEqualTo("only by month");

        JsonNode flow = http.json("/api/v1/convergence?start=border&from=2025-03&to=2026-02", 200);

        assertIsTheCell(flow, LEDGER.cell(border.family(), border.criteria(null, null), "AL", "2025-03/2026-02").orElseThrow());
        assertThat(flow.get("outcomes")).isEmpty();
        assertThat(flow.get("links")).isEmpty();
        assertThat(flow.get("note").asText()).contains("the outcomes are published here " + outcomes);
    }

    @Test
    void refusesAPlaceAndSpanTheReleaseDoesNotPublishAndSaysToChooseAnother() {
        String where = new Start("border").grain(null, "COUNTY").map(g -> switch (g) {
            case "MONTH" -> "only by month, quarter, year and rolling twelve months";
            case "QUARTER" -> "only by quarter and year";
            default -> "only by year";
        }).orElse("not at all (too few children)");
        assertThat(where).doesNotStartWith("only by month");

        assertThat(http.refusal("/api/v1/convergence?start=border&from=2025-03&to=2026-02&county=AL-07")).isEqualTo("Cannot draw the path by "
                + "county over 2025-03/2026-02: children first met by border are published there " + where + "; choose another span");
        assertThat(http.refusal("/api/v1/convergence?start=border&from=2025-02&to=2025-06")).contains("not 2025-02/2025-06", "ask period=month");
        assertThat(http.refusal("/api/v1/convergence?start=services")).isEqualTo("Cannot draw the path: it starts at border, cpu or nrm");
    }
}
