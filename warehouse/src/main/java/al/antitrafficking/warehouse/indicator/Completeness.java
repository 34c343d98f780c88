package al.antitrafficking.warehouse.indicator;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.warehouse.build.SqlResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Data completeness from the ingestion reports: every expected submission (source × county × month) as
 * on time, late, refused or missing, with its rows in and quarantined; per source the shares received and
 * on time; and the rows quarantined by rule. A month's file is on time when it arrives by the deadline day
 * of the next month, in Tirana. These are counts of files and rows, not of children: they need no suppression.
 */
public final class Completeness {
    private static final String GRID = SqlResource.load(Completeness.class, "completeness.sql");
    private static final String BY_RULE = SqlResource.load(Completeness.class, "quarantine_by_rule.sql");
    private static final ZoneId TIRANA = ZoneId.of("Europe/Tirane");

    public enum Arrival { ON_TIME, LATE, REFUSED, MISSING }

    /** One expected submission. */
    public record Submission(String source, String countyCode, String month, Arrival arrival, String problem, String receivedAt,
                             Long rowsIn, Long rowsQuarantined) {}

    /** Per source: submissions expected, received (refused ones included), on time, refused; rows in and quarantined. */
    public record SourceSummary(String source, int expected, int received, int onTime, int refused, long rowsIn, long rowsQuarantined) {
        public double receivedShare() {
            return expected == 0 ? 0 : 100.0 * received / expected;
        }

        public double onTimeShare() {
            return expected == 0 ? 0 : 100.0 * onTime / expected;
        }

        public double quarantinedShare() {
            return rowsIn == 0 ? 0 : 100.0 * rowsQuarantined / rowsIn;
        }
    }

    public record Report(String from, String to, int deadlineDay, List<SourceSummary> sources, List<Submission> submissions,
                         Map<String, Map<String, Long>> quarantinedByRule) {
        public Report {
            requireNonNull(from, "from is null");
            sources = List.copyOf(sources);
            submissions = List.copyOf(submissions);
            quarantinedByRule = Map.copyOf(quarantinedByRule);
        }
    }

    private final Supplier<Connection> connections;
    private final int deadlineDay;

    public Completeness(Supplier<Connection> connections, int deadlineDay) {
        this.connections = connections;
        this.deadlineDay = deadlineDay;
    }

    public Report report(YearMonth from, YearMonth to) {
        if (from.isAfter(to)) {
            throw new QueryRefusedException("Cannot query: from " + from + " is after to " + to);
        }
        List<Submission> submissions = new ArrayList<>();
        Map<String, Map<String, Long>> byRule = new LinkedHashMap<>();
        try (Connection c = connections.get()) {
            try (PreparedStatement p = c.prepareStatement(GRID)) {
                p.setString(1, from.toString());
                p.setString(2, to.toString());
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String status = rs.getString(4);
                        String received = rs.getString(6);
                        YearMonth month = YearMonth.parse(rs.getString(3));
                        Arrival arrival = status == null ? Arrival.MISSING : status.equals("REJECTED") ? Arrival.REFUSED
                                : onTime(month, received) ? Arrival.ON_TIME : Arrival.LATE;
                        submissions.add(new Submission(rs.getString(1), rs.getString(2), month.toString(), arrival, rs.getString(5),
                                received, count(rs.getObject(7)), count(rs.getObject(8))));
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement(BY_RULE)) {
                p.setString(1, from.toString());
                p.setString(2, to.toString());
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        byRule.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot report completeness: " + e.getMessage(), e);
        }
        return new Report(from.toString(), to.toString(), deadlineDay, summaries(submissions), submissions, byRule);
    }

    private static Long count(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private boolean onTime(YearMonth month, String receivedAt) {
        if (receivedAt == null) {
            return false;
        }
        Instant deadline = month.plusMonths(1).atDay(deadlineDay).plusDays(1).atStartOfDay(TIRANA).toInstant();
        return Instant.parse(receivedAt).isBefore(deadline);
    }

    private static List<SourceSummary> summaries(List<Submission> submissions) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, long[]> rows = new LinkedHashMap<>();
        for (Submission s : submissions) {
            int[] c = counts.computeIfAbsent(s.source(), k -> new int[4]);
            long[] r = rows.computeIfAbsent(s.source(), k -> new long[2]);
            c[0]++;
            if (s.arrival() != Arrival.MISSING) {
                c[1]++;
            }
            if (s.arrival() == Arrival.ON_TIME) {
                c[2]++;
            }
            if (s.arrival() == Arrival.REFUSED) {
                c[3]++;
            }
            r[0] += s.rowsIn() == null ? 0 : s.rowsIn();
            r[1] += s.rowsQuarantined() == null ? 0 : s.rowsQuarantined();
        }
        List<SourceSummary> summaries = new ArrayList<>();
        counts.forEach((source, c) -> summaries.add(new SourceSummary(source, c[0], c[1], c[2], c[3], rows.get(source)[0],
                rows.get(source)[1])));
        return summaries;
    }
}
