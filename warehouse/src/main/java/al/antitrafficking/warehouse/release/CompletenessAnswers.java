package al.antitrafficking.warehouse.release;

import al.antitrafficking.warehouse.indicator.QueryRefusedException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data completeness for the public: every expected submission (source × county × month) of the months the release
 * covers as on time, late, refused, missing or not yet due, and per source the shares received and on time. No row
 * or quarantine counts: a file's rows are its children, so those counts are internal.
 */
public final class CompletenessAnswers {
    private static final ZoneId TIRANA = ZoneId.of("Europe/Tirane");
    private static final List<String> SOURCES = List.of("border", "cpu", "nrm", "services");

    public enum Arrival { ON_TIME, LATE, REFUSED, MISSING, NOT_YET_DUE }

    /** One expected submission: when it came, and the reason code of a refusal. */
    public record Submission(String source, String countyCode, String month, Arrival arrival, String receivedAt, String problem) {}

    /**
     * Per source: submissions expected (due by now), received (refused ones included), on time, refused; not yet due; and
     * the shares received and on time of those expected (percent; 0 when none is due yet).
     */
    public record SourceSummary(String source, int expected, int received, int onTime, int refused, int notYetDue, double receivedShare,
                                double onTimeShare) {
        static SourceSummary of(String source, int expected, int received, int onTime, int refused, int notYetDue) {
            return new SourceSummary(source, expected, received, onTime, refused, notYetDue, expected == 0 ? 0 : 100.0 * received / expected,
                    expected == 0 ? 0 : 100.0 * onTime / expected);
        }
    }

    public record Report(String from, String to, int deadlineDay, List<SourceSummary> sources, List<Submission> submissions,
                         String snapshot) {}

    private final PublishedRelease release;
    private final int deadlineDay;

    CompletenessAnswers(PublishedRelease release, int deadlineDay) {
        this.release = release;
        this.deadlineDay = deadlineDay;
    }

    Report report(YearMonth from, YearMonth to, Instant now) {
        if (from.isAfter(to)) {
            throw new QueryRefusedException("Cannot report completeness: from " + from + " is after to " + to);
        }
        // Only the months the release covers: a wider range asks about files nobody could have sent yet.
        YearMonth first = from.isBefore(release.firstMonth()) ? release.firstMonth() : from;
        YearMonth last = to.isAfter(release.lastMonth()) ? release.lastMonth() : to;
        Map<String, ReleaseBuilder.Submission> received = new HashMap<>();
        for (ReleaseBuilder.Submission s : release.submissions()) {
            received.merge(s.source() + "|" + s.county() + "|" + s.month(), s, (a, b) -> a.status().equals("REJECTED") ? b : a);
        }
        List<Submission> submissions = new ArrayList<>();
        for (String source : SOURCES) {
            for (String county : release.counties()) {
                for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                    ReleaseBuilder.Submission s = received.get(source + "|" + county + "|" + m);
                    Arrival arrival = arrival(s, m, now);
                    submissions.add(new Submission(source, county, m.toString(), arrival, s == null ? null : s.receivedAt(),
                            arrival == Arrival.REFUSED ? s.problem() : null));
                }
            }
        }
        return new Report(first.toString(), last.toString(), deadlineDay, summaries(submissions), submissions, release.id());
    }

    private Arrival arrival(ReleaseBuilder.Submission s, YearMonth month, Instant now) {
        Instant deadline = month.plusMonths(1).atDay(deadlineDay).plusDays(1).atStartOfDay(TIRANA).toInstant();
        if (s == null) {
            return now.isBefore(deadline) ? Arrival.NOT_YET_DUE : Arrival.MISSING;
        }
        if (s.status().equals("REJECTED")) {
            return Arrival.REFUSED;
        }
        return s.receivedAt() != null && Instant.parse(s.receivedAt()).isBefore(deadline) ? Arrival.ON_TIME : Arrival.LATE;
    }

    private static List<SourceSummary> summaries(List<Submission> submissions) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Submission s : submissions) {
            int[] c = counts.computeIfAbsent(s.source(), k -> new int[5]);
            if (s.arrival() == Arrival.NOT_YET_DUE) {
                c[4]++;
                continue;
            }
            c[0]++;
            c[1] += s.arrival() != Arrival.MISSING ? 1 : 0;
            c[2] += s.arrival() == Arrival.ON_TIME ? 1 : 0;
            c[3] += s.arrival() == Arrival.REFUSED ? 1 : 0;
        }
        List<SourceSummary> summaries = new ArrayList<>();
        counts.forEach((source, c) -> summaries.add(SourceSummary.of(source, c[0], c[1], c[2], c[3], c[4])));
        return summaries;
    }
}
