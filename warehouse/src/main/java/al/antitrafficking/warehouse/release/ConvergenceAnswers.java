package al.antitrafficking.warehouse.release;

import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.indicator.PeriodType;
import al.antitrafficking.warehouse.indicator.QueryRefusedException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The path of children between mechanisms (border → CPU → NRM → services) from the release: children first met by one
 * mechanism in a span (and county), split into disjoint outcomes (which later mechanisms reached them) and into bands
 * of days to NRM identification. Outcomes and bands are cells of the release, protected with everything else; a flow
 * of the Sankey adds up outcomes and is withheld when any of them is.
 */
public final class ConvergenceAnswers {
    /** The mechanisms in the order a child is expected to meet them. */
    public static final List<String> MECHANISMS = List.of("border", "cpu", "nrm", "services");
    public static final List<String> DELAY_BANDS = List.of("0-7", "8-30", "31-90", "91-180", "181+");

    /** A flow between two nodes: a mechanism, or where children were last seen ({@code after:cpu}). */
    public record Link(String source, String target, Long children, CellStatus status) {}

    /** One outcome: the later mechanisms that reached the children (or a delay band), and how many they were. */
    public record Outcome(List<String> reached, Long children, CellStatus status) {}

    /** The answer; {@code note} says what is not published at this level and span, if anything. */
    public record Flow(String start, String from, String to, String county, Long children, CellStatus status, List<Outcome> outcomes,
                       List<Link> links, List<Outcome> delays, String note, int suppressionThreshold, String snapshot) {}

    private final PublishedRelease release;

    ConvergenceAnswers(PublishedRelease release) {
        this.release = release;
    }

    Flow flow(String start, YearMonth from, YearMonth to, Optional<String> county) {
        if (!MECHANISMS.subList(0, 3).contains(start)) {
            throw new QueryRefusedException("Cannot draw the path: it starts at border, cpu or nrm");
        }
        if (from.isAfter(to)) {
            throw new QueryRefusedException("Cannot draw the path: from " + from + " is after to " + to);
        }
        county.ifPresent(c -> {
            if (!release.counties().contains(c)) {
                throw new QueryRefusedException("Cannot draw the path: no county " + c + "; counties are " + release.counties());
            }
        });
        String span = release.span(from, to).orElseThrow(() -> release.notASpan(from, to));
        PeriodType type = PeriodType.ofLabel(span);
        Level level = county.isPresent() ? Level.COUNTY : Level.ALBANIA;
        String territory = county.orElse(CellKey.ALBANIA);
        Family family = release.plan().convergenceFamily(start);
        Criteria criteria = release.plan().convergenceCriteria(start);
        String total = ReleaseTable.idOf(family, criteria, List.of());
        if (!release.publishes(total, level, type)) {
            throw new QueryRefusedException("Cannot draw the path " + (county.isPresent() ? "by county" : "for Albania") + " over " + span
                    + ": children first met by " + start + " are published there " + grains(total, level) + "; choose another span");
        }
        PublishedRelease.Figure all = release.cell(CellKey.of(family.id(), criteria.key(), territory, span)).orElseThrow();
        List<String> notes = new ArrayList<>();
        List<String> later = MECHANISMS.subList(MECHANISMS.indexOf(start) + 1, MECHANISMS.size());
        List<Outcome> outcomes = new ArrayList<>();
        String byOutcome = ReleaseTable.idOf(family, criteria, List.of("outcome"));
        if (release.publishes(byOutcome, level, type)) {
            for (List<String> reached : combinations(later)) {
                String value = reached.isEmpty() ? "none" : String.join("+", reached);
                outcomes.add(outcome(reached, family, criteria, "outcome", value, territory, span, byOutcome));
            }
        } else {
            notes.add("the outcomes are published here " + grains(byOutcome, level));
        }
        List<Outcome> delays = new ArrayList<>();
        String byDelay = ReleaseTable.idOf(family, criteria, List.of("nrm_delay_band"));
        if (release.publishes(byDelay, level, type)) {
            for (String band : DELAY_BANDS) {
                delays.add(outcome(List.of(band), family, criteria, "nrm_delay_band", band, territory, span, byDelay));
            }
        } else {
            notes.add("the days to NRM identification are published here only " + grains(byDelay, level));
        }
        String[] ends = span.contains("/") ? span.split("/") : new String[] {from.toString(), to.toString()};
        return new Flow(start, ends[0], ends[1], county.orElse(null), all.value(), all.status(), outcomes, links(start, outcomes),
                delays, notes.isEmpty() ? null : String.join("; ", notes), release.minCount(), release.id());
    }

    private Outcome outcome(List<String> reached, Family family, Criteria criteria, String split, String value, String territory, String span,
                            String table) {
        if (!release.domains(table).get(0).contains(value)) {
            // No child of the whole release took this way: a zero everywhere, which identifies nobody.
            return new Outcome(reached, 0L, CellStatus.PUBLISHED);
        }
        Criteria c = criteria.and(split, value).orElseThrow();
        PublishedRelease.Figure f = release.cell(CellKey.of(family.id(), c.key(), territory, span)).orElseThrow();
        return new Outcome(reached, f.value(), f.status());
    }

    private String grains(String table, Level level) {
        return release.grain(table, level).map(g -> switch (g) {
            case MONTH -> "only by month, quarter, year and rolling twelve months";
            case QUARTER -> "only by quarter and year";
            default -> "only by year";
        }).orElse("not at all (too few children)");
    }

    /** Every combination of later mechanisms, the empty one (seen by no one after) first. */
    private static List<List<String>> combinations(List<String> later) {
        List<List<String>> all = new ArrayList<>();
        for (int mask = 0; mask < 1 << later.size(); mask++) {
            List<String> reached = new ArrayList<>();
            for (int i = 0; i < later.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    reached.add(later.get(i));
                }
            }
            all.add(reached);
        }
        return all;
    }

    /**
     * The flows: each outcome's children travel from the start through the mechanisms they reached, in order, and end at
     * "after:" the last one unless that is services. A flow adds up outcomes, and is withheld if any is; a flow no child
     * took is left out.
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
                return;
            }
            CellStatus status = published ? CellStatus.PUBLISHED
                    : parts.stream().anyMatch(o -> o.status() == CellStatus.WITHHELD) ? CellStatus.WITHHELD : CellStatus.NOT_REPORTED;
            links.add(new Link(ends.get(0), ends.get(1), published ? parts.stream().mapToLong(Outcome::children).sum() : null, status));
        });
        return links;
    }
}
