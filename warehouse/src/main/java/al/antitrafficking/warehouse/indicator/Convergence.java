package al.antitrafficking.warehouse.indicator;

import al.antitrafficking.warehouse.build.SqlResource;
import al.antitrafficking.warehouse.disclosure.Cell;
import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.disclosure.DisclosureControl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The path of children between mechanisms (border → CPU → NRM → services) from the child pathway, as the flows a
 * Sankey diagram draws: children first met by one mechanism in a period (and county), and which later mechanisms
 * reached them. The children are split into disjoint outcomes (which of the later mechanisms reached them), which
 * pass disclosure control as one line with their total; a flow is published only when every outcome it adds up is.
 * Delays to NRM identification come in bands, protected the same way.
 */
public final class Convergence {
    private static final String SQL = SqlResource.load(Convergence.class, "convergence.sql");
    /** The mechanisms in the order a child is expected to meet them. */
    public static final List<String> MECHANISMS = List.of("border", "cpu", "nrm", "services");
    public static final List<String> DELAY_BANDS = List.of("0-7", "8-30", "31-90", "91-180", "181+");

    /** A flow between two nodes: a mechanism, or where children were last seen ({@code after:cpu}). */
    public record Link(String source, String target, Long children, CellStatus status) {}

    /** One outcome: the later mechanisms that reached the children, and how many they were. */
    public record Outcome(List<String> reached, Long children, CellStatus status) {}

    public record Flow(String start, String from, String to, String county, Long children, CellStatus status, List<Outcome> outcomes,
                       List<Link> links, List<Outcome> delays, int suppressionThreshold, String snapshot) {}

    private final Supplier<Connection> connections;
    private final DisclosureControl disclosure;
    private final String snapshot;

    public Convergence(Supplier<Connection> connections, DisclosureControl disclosure, String snapshot) {
        this.connections = connections;
        this.disclosure = disclosure;
        this.snapshot = snapshot;
    }

    public Flow flow(String start, YearMonth from, YearMonth to, Optional<String> county) {
        if (!MECHANISMS.subList(0, 3).contains(start)) {
            throw new QueryRefusedException("Cannot draw the path: it starts at border, cpu or nrm");
        }
        if (from.isAfter(to)) {
            throw new QueryRefusedException("Cannot draw the path: from " + from + " is after to " + to);
        }
        List<String> later = MECHANISMS.subList(MECHANISMS.indexOf(start) + 1, MECHANISMS.size());
        // Every combination of later mechanisms, the empty one (seen by no one after) first.
        List<List<String>> combinations = new ArrayList<>();
        for (int mask = 0; mask < 1 << later.size(); mask++) {
            List<String> reached = new ArrayList<>();
            for (int i = 0; i < later.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    reached.add(later.get(i));
                }
            }
            combinations.add(reached);
        }
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        combinations.forEach(c -> counts.put(c, 0L));
        long[] delays = new long[DELAY_BANDS.size()];
        try (Connection c = connections.get(); PreparedStatement p = c.prepareStatement(SQL)) {
            p.setString(1, start);
            p.setObject(2, from.atDay(1));
            p.setObject(3, to.atEndOfMonth());
            p.setString(4, county.orElse(null));
            p.setString(5, county.orElse(null));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    List<String> reached = new ArrayList<>();
                    for (String m : later) {
                        if (rs.getBoolean("reached_" + m)) {
                            reached.add(m);
                        }
                    }
                    counts.merge(reached, rs.getLong("children"), Long::sum);
                    for (int b = 0; b < delays.length; b++) {
                        delays[b] += rs.getLong(5 + b);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the child pathway: " + e.getMessage(), e);
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Long> line = new ArrayList<>(counts.values());
        line.add(total);
        List<Cell> cells = disclosure.protectLine(line);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < combinations.size(); i++) {
            outcomes.add(new Outcome(combinations.get(i), cells.get(i).value(), cells.get(i).status()));
        }
        Cell all = cells.get(cells.size() - 1);
        List<Long> delayLine = new ArrayList<>();
        long reachedNrm = 0;
        for (long d : delays) {
            delayLine.add(d);
            reachedNrm += d;
        }
        delayLine.add(reachedNrm);
        List<Cell> delayCells = disclosure.protectLine(delayLine);
        List<Outcome> delayBands = new ArrayList<>();
        for (int b = 0; b < DELAY_BANDS.size(); b++) {
            delayBands.add(new Outcome(List.of(DELAY_BANDS.get(b)), delayCells.get(b).value(), delayCells.get(b).status()));
        }
        return new Flow(start, from.toString(), to.toString(), county.orElse(null), all.value(), all.status(), outcomes,
                links(start, outcomes), delayBands, disclosure.minCount(), snapshot);
    }

    /**
     * The flows: each outcome's children travel from the start through the mechanisms they reached, in order, and
     * end at "after:" the last one unless that is services. A flow adds up outcomes, and is withheld if any is; a
     * flow no child took is left out.
     */
    static List<Link> links(String start, List<Outcome> outcomes) {
        Map<List<String>, List<Outcome>> byLink = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            List<String> path = new ArrayList<>(List.of(start));
            path.addAll(o.reached());
            for (int i = 0; i + 1 < path.size(); i++) {
                byLink.computeIfAbsent(List.of(path.get(i), path.get(i + 1)), k -> new ArrayList<>()).add(o);
            }
            String last = path.get(path.size() - 1);
            if (!last.equals("services")) {
                byLink.computeIfAbsent(List.of(last, "after:" + last), k -> new ArrayList<>()).add(o);
            }
        }
        List<Link> links = new ArrayList<>();
        byLink.forEach((ends, parts) -> {
            boolean published = parts.stream().allMatch(o -> o.status() == CellStatus.PUBLISHED);
            if (published && parts.stream().mapToLong(Outcome::children).sum() == 0) {
                return; // no child went that way
            }
            links.add(new Link(ends.get(0), ends.get(1), published ? parts.stream().mapToLong(Outcome::children).sum() : null,
                    published ? CellStatus.PUBLISHED : CellStatus.SUPPRESSED_COMPLEMENTARY));
        });
        return links;
    }
}
