package al.antitrafficking.portal.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.Http;
import al.antitrafficking.portal.PortalFixture;
import al.antitrafficking.portal.TestPortal;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Data completeness over HTTP: each file the fixture's regions were expected to send, as the incoming folder shows it
 * (its modification time is when it arrived), a refusal by its reason code, and nothing of what the files hold.
 */
class CompletenessApiTest {
    static final PortalFixture FIXTURE = PortalFixture.get();
    static final ZoneId TIRANA = ZoneId.of("Europe/Tirane");
    final Http http = new Http(FIXTURE.app::port);

    /** How a file of a source, county and month arrived, worked out from the incoming folder and the deadline (the 15th, Tirana). */
    private static String arrival(String source, String county, YearMonth month) throws Exception {
        String name = source + "_" + county + "_" + month + ".csv";
        Path file = FIXTURE.incoming.resolve(name);
        Instant deadline = month.plusMonths(1).atDay(FIXTURE.config.deadlineDays()).plusDays(1).atStartOfDay(TIRANA).toInstant();
        if (!Files.exists(file)) {
            return TestPortal.CLOCK.instant().isBefore(deadline) ? "NOT_YET_DUE" : "MISSING";
        }
        if (name.equals(PortalFixture.REFUSED_FILE)) {
            return "REFUSED";
        }
        return Files.getLastModifiedTime(file).toInstant().isBefore(deadline) ? "ON_TIME" : "LATE";
    }

    @Test
    void eachExpectedFileIsOnTimeLateRefusedMissingOrNotYetDueAsItArrived() throws Exception {
        JsonNode report = http.json("/api/v1/completeness", 200);

        assertThat(report.get("from").asText() + ".." + report.get("to").asText()).isEqualTo("2025-03..2026-02");
        List<String> expected = new ArrayList<>();
        Map<String, int[]> bySource = new HashMap<>();
        for (String source : List.of("border", "cpu", "nrm", "services")) {
            for (JsonNode county : http.json("/api/v1/reference", 200).get("counties")) {
                for (YearMonth m = YearMonth.of(2025, 3); !m.isAfter(YearMonth.of(2026, 2)); m = m.plusMonths(1)) {
                    String a = arrival(source, county.get("code").asText(), m);
                    expected.add(source + " " + county.get("code").asText() + " " + m + " " + a);
                    int[] c = bySource.computeIfAbsent(source, k -> new int[5]);
                    if (a.equals("NOT_YET_DUE")) {
                        c[4]++;
                    } else {
                        c[0]++;
                        c[1] += a.equals("MISSING") ? 0 : 1;
                        c[2] += a.equals("ON_TIME") ? 1 : 0;
                        c[3] += a.equals("REFUSED") ? 1 : 0;
                    }
                }
            }
        }
        List<String> answered = new ArrayList<>();
        report.get("submissions").forEach(s -> answered.add(s.get("source").asText() + " " + s.get("countyCode").asText() + " "
                + s.get("month").asText() + " " + s.get("arrival").asText()));

        assertThat(answered).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(answered).contains("border AL-01 2025-07 REFUSED", "cpu AL-10 2025-06 MISSING", "services AL-07 2026-02 NOT_YET_DUE")
                .anyMatch(s -> s.endsWith(" LATE"));
        for (JsonNode s : report.get("sources")) {
            int[] c = bySource.get(s.get("source").asText());
            assertThat(List.of(s.get("expected").asInt(), s.get("received").asInt(), s.get("onTime").asInt(), s.get("refused").asInt(),
                    s.get("notYetDue").asInt())).as(s.get("source").asText()).containsExactly(c[0], c[1], c[2], c[3], c[4]);
        }
    }

    @Test
    void aRefusedFileSaysWhyByItsReasonCodeAndNoOtherDoes() {
        JsonNode report = http.json("/api/v1/completeness?from=2025-07&to=2025-07", 200);

        for (JsonNode s : report.get("submissions")) {
            if (s.get("arrival").asText().equals("REFUSED")) {
                assertThat(s.get("source").asText() + "_" + s.get("countyCode").asText()).isEqualTo("border_AL-01");
                assertThat(s.get("problem").asText()).isIn("MISSING_COLUMNS", "UNKNOWN_COLUMNS");
            } else {
                assertThat(s.get("problem").isNull()).as(s.toString()).isTrue();
            }
        }
    }

    @Test
    void saysNothingOfTheRowsAFileHeld() {
        JsonNode report = http.json("/api/v1/completeness?from=2025-07&to=2025-07", 200);
        List<String> fields = new ArrayList<>();
        report.fieldNames().forEachRemaining(fields::add);
        List<String> submissionFields = new ArrayList<>();
        report.get("submissions").get(0).fieldNames().forEachRemaining(submissionFields::add);
        List<String> sourceFields = new ArrayList<>();
        report.get("sources").get(0).fieldNames().forEachRemaining(sourceFields::add);

        assertThat(fields).containsExactly("from", "to", "deadlineDay", "sources", "submissions", "snapshot");
        assertThat(submissionFields).containsExactly("source", "countyCode", "month", "arrival", "receivedAt", "problem");
        assertThat(sourceFields).containsExactly("source", "expected", "received", "onTime", "refused", "notYetDue", "receivedShare", "onTimeShare");
        for (JsonNode source : report.get("sources")) {
            double expected = source.get("expected").asDouble();
            assertThat(source.get("receivedShare").asDouble()).isEqualTo(expected == 0 ? 0 : 100 * source.get("received").asDouble() / expected);
            assertThat(source.get("onTimeShare").asDouble()).isEqualTo(expected == 0 ? 0 : 100 * source.get("onTime").asDouble() / expected);
        }
    }
}
