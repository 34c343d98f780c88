package al.antitrafficking.warehouse.disclosure;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Decides which cells of a linked system are withheld, so that the whole release passes the {@link LinearAuditor}.
 *
 * <ol>
 *   <li><b>Primary</b>: every count from 1 to {@code minCount - 1} is withheld. Zero is published: it identifies nobody
 *       and says a region reported none.</li>
 *   <li><b>Carried</b>: a cell the previous release withheld, whose count has not changed, stays withheld; a cell it
 *       published unchanged is known to every reader and is never a complement (both come in as constraints).</li>
 *   <li><b>Complementary</b>: a relation with one withheld cell gives it back by subtraction, so another of its cells
 *       is withheld; then the auditor bounds every withheld cell under both of its assumptions, and each exposed cell
 *       gets one more withheld partner from its relations, until the audit passes.</li>
 *   <li><b>Locally minimal</b>: each complementary cell, largest first, is published again if the audit still passes
 *       without it, so that publishing any single remaining complementary cell would fail the audit.</li>
 * </ol>
 * A partner is never a zero (a reader may know a cell is zero, as a crossing of another county is, so it hides
 * nothing); it is a sibling in a relation before a total, so that the pattern stays local; then one that already
 * shares a relation with a withheld cell, so that hidden cells form cycles rather than spread; then the smallest.
 */
public final class Protection {
    public enum Reason { SMALL_COUNT, COMPLEMENTARY, CARRIED }

    /** What the previous release fixes: cells to keep withheld, cells already published and unchanged. */
    public record Carried(BitSet withheld, BitSet published) {
        public static Carried none() {
            return new Carried(new BitSet(), new BitSet());
        }
    }

    /**
     * The decision: which cells are withheld and why; how many linear programs it took; cells it could not protect.
     * {@code settledAt}: when the first round's audit, under both assumptions, found nothing and so audited the final
     * pattern, the cells whose components it audited, with how many of those were inconsistent with adding up; else null.
     */
    public record Result(BitSet withheld, Reason[] reasons, long linearPrograms, int rounds, List<Integer> unprotected,
                         BitSet settledAt, int settledInconsistent) {
        /** Whether every withheld cell passed the audit. */
        public boolean complete() {
            return unprotected.isEmpty();
        }

        public int count(Reason reason) {
            int n = 0;
            for (Reason r : reasons) {
                n += r == reason ? 1 : 0;
            }
            return n;
        }
    }

    /** Components up to this many withheld cells get exact ranges; larger ones are cleared cell by cell (see LinearAuditor). */
    public static final int EXACT_LIMIT = 300;
    /** The narrowest range a withheld cell may be known to lie in (see LinearAuditor). */
    public static final int MIN_RANGE = 3;
    private static final boolean DEBUG = Boolean.getBoolean("release.debug");
    private static final long T0 = System.nanoTime();
    private final int minCount;
    private final LinearAuditor auditor;
    private final boolean minimise;

    public Protection(int minCount, boolean minimise) {
        this(minCount, minimise, true);
    }

    /**
     * {@code remember}: whether its auditor keeps what each component's audit found, for a component met again (another
     * attempt lays the release out again). A correction, whose one audit nearly always settles, does not: the fingerprint
     * of a large component took a tenth of its audit in a 10M correction, on the way to nothing.
     */
    public Protection(int minCount, boolean minimise, boolean remember) {
        this.minCount = minCount;
        this.auditor = new LinearAuditor(minCount, MIN_RANGE, EXACT_LIMIT, remember);
        this.minimise = minimise;
    }

    /**
     * An auditor with the protection's rules that remembers nothing: the final audit of a release solves every component
     * again rather than trust what the protection's own auditor found.
     */
    public static LinearAuditor freshAuditor(int minCount) {
        return new LinearAuditor(minCount, MIN_RANGE, EXACT_LIMIT);
    }

    /**
     * Protects the system, within {@code maxRounds} rounds of audit and partners; cells still exposed then are returned as
     * unprotected (the caller publishes their tables coarser, or not at all).
     */
    public Result protect(LinkedSystem s, Carried carried, int maxRounds) {
        return protect(s, carried, maxRounds, null);
    }

    /**
     * As {@link #protect(LinkedSystem, Carried, int)}, auditing at first only the components that hold a cell of
     * {@code scope} (null: all), with every cell withheld on the way: a correction, whose other components keep the
     * carried pattern an earlier audit passed.
     */
    public Result protect(LinkedSystem s, Carried carried, int maxRounds, BitSet scope) {
        int n = s.size();
        BitSet withheld = new BitSet(n);
        Reason[] reasons = new Reason[n];
        BitSet fixed = primary(s, carried, withheld, reasons);
        al.antitrafficking.warehouse.progress.Progress.debug("protection: primary cells marked");
        long programs = 0;
        int rounds = 0;
        List<Integer> unprotected = new ArrayList<>();
        BitSet dirty = (BitSet) (scope == null ? withheld : scope).clone();
        BitSet settledAt = null;
        int settledInconsistent = 0;
        while (!dirty.isEmpty()) {
            rounds++;
            boolean last = rounds >= maxRounds;
            al.antitrafficking.warehouse.progress.Progress.detail(
                    String.format(java.util.Locale.ROOT, "round %d, %,d cells withheld", rounds, withheld.cardinality()));
            BitSet added = closeLoneCells(s, withheld, reasons, fixed);
            dirty.or(added);
            al.antitrafficking.warehouse.progress.Progress.debug("protection: lone cells closed");
            // Under both assumptions at once: their audits share nothing, and a round's few large components then take
            // the cores together.
            LinearAuditor.Report report = auditor.auditBoth(s, withheld, dirty);
            programs += report.linearPrograms();
            List<LinearAuditor.Exposure> exposures = new ArrayList<>(report.exposures());
            int inconsistent = report.inconsistentComponents();
            al.antitrafficking.warehouse.progress.Progress.debug("protection: audited");
            if (rounds == 1 && exposures.isEmpty()) {
                settledAt = (BitSet) dirty.clone();
                settledInconsistent = inconsistent;
            }
            if (DEBUG) {
                List<List<Integer>> comps = LinearAuditor.components(s, withheld, withheld);
                System.err.printf("round %d: withheld %d, components %d, largest %d, exposures %d, programs %d, recalled %d, t=%d ms%n", rounds,
                        withheld.cardinality(), comps.size(), comps.stream().mapToInt(List::size).max().orElse(0), exposures.size(), programs,
                        auditor.recalled(), (System.nanoTime() - T0) / 1_000_000);
            }
            dirty = new BitSet();
            // A complementary cell is usually exposed because the small count it protects is: fix small counts first.
            boolean smallExposed = exposures.stream().anyMatch(e -> reasons[e.cell()] == Reason.SMALL_COUNT);
            if (last) {
                exposures.stream().map(LinearAuditor.Exposure::cell).filter(c -> !unprotected.contains(c)).forEach(unprotected::add);
                break;
            }
            for (LinearAuditor.Exposure e : exposures) {
                if (unprotected.contains(e.cell()) || (smallExposed && reasons[e.cell()] != Reason.SMALL_COUNT)) {
                    if (smallExposed) {
                        dirty.set(e.cell());
                    }
                    continue;
                }
                int partner = partner(s, withheld, fixed, e.cell());
                if (partner < 0) {
                    unprotected.add(e.cell());
                    continue;
                }
                if (!withheld.get(partner)) {
                    withheld.set(partner);
                    reasons[partner] = Reason.COMPLEMENTARY;
                }
                dirty.set(partner);
                dirty.set(e.cell());
            }
        }
        if (minimise && unprotected.isEmpty()) {
            programs += minimise(s, withheld, reasons, unprotected);
            settledAt = null;
        }
        return new Result(withheld, reasons, programs, rounds, unprotected, settledAt, settledInconsistent);
    }

    /**
     * The small counts and the cells the previous release withheld, with a partner in every relation that would hold one
     * of them alone: the least any protection withholds, found without a linear program. The builder uses it to see, cheaply,
     * which tables would be mostly withheld.
     */
    public BitSet lowerBound(LinkedSystem s, Carried carried) {
        BitSet withheld = new BitSet(s.size());
        Reason[] reasons = new Reason[s.size()];
        BitSet fixed = primary(s, carried, withheld, reasons);
        closeLoneCells(s, withheld, reasons, fixed);
        return withheld;
    }

    /** Marks the small counts and the carried cells withheld; returns the cells that can be no complement. */
    private BitSet primary(LinkedSystem s, Carried carried, BitSet withheld, Reason[] reasons) {
        BitSet fixed = (BitSet) carried.published().clone();
        for (int i = 0; i < s.size(); i++) {
            long v = s.truth(i);
            // A cell not reported is never printed, but a small count of a month no file came for (a pathway cell) could be
            // worked out from what is: withheld like any other (its status stays "not reported"); one counting nothing is
            // not carried, and any other not-reported cell can be no complement (it prints nothing to withhold).
            if (v >= 1 && v < minCount) {
                withheld.set(i);
                reasons[i] = Reason.SMALL_COUNT;
            } else if (carried.withheld().get(i) && (v >= 1 || !s.notReported(i))) {
                withheld.set(i);
                reasons[i] = Reason.CARRIED;
            } else if (s.notReported(i)) {
                fixed.set(i);
            }
        }
        fixed.andNot(withheld);
        return fixed;
    }

    /** Withholds a partner in every relation holding exactly one withheld cell, until none does; returns the cells added. */
    private BitSet closeLoneCells(LinkedSystem s, BitSet withheld, Reason[] reasons, BitSet fixed) {
        BitSet added = new BitSet();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Relation r : s.relations()) {
                if (!lone(s, withheld, r)) {
                    continue;
                }
                int best = best(s, withheld, fixed, siblingsFirst(r, withheld));
                if (best < 0) {
                    best = best(s, withheld, fixed, new int[] {r.total()});
                }
                if (best >= 0) {
                    withheld.set(best);
                    reasons[best] = Reason.COMPLEMENTARY;
                    added.set(best);
                    changed = true;
                }
            }
        }
        return added;
    }

    /**
     * The cells of a relation a partner is taken from: the parts when a part is withheld (a sibling keeps the total
     * published and the pattern local); the total only when no part can be.
     */
    private static int[] siblingsFirst(Relation r, BitSet withheld) {
        return r.parts();
    }

    /** A partner for an exposed cell: a sibling in one of its relations, else a total, else from any relation of its component. */
    private int partner(LinkedSystem s, BitSet withheld, BitSet fixed, int cell) {
        List<Integer> siblings = new ArrayList<>();
        List<Integer> totals = new ArrayList<>();
        for (int r : s.relationsOf(cell)) {
            Relation relation = s.relation(r);
            for (int c : relation.parts()) {
                siblings.add(c);
            }
            totals.add(relation.total());
        }
        int best = best(s, withheld, fixed, siblings.stream().mapToInt(Integer::intValue).toArray());
        if (best < 0) {
            best = best(s, withheld, fixed, totals.stream().mapToInt(Integer::intValue).toArray());
        }
        if (best >= 0) {
            return best;
        }
        BitSet one = new BitSet();
        one.set(cell);
        for (List<Integer> component : LinearAuditor.components(s, withheld, one)) {
            for (int member : component) {
                for (int r : s.relationsOf(member)) {
                    best = best(s, withheld, fixed, s.relation(r).cells());
                    if (best >= 0) {
                        return best;
                    }
                }
            }
        }
        return -1;
    }

    private int best(LinkedSystem s, BitSet withheld, BitSet fixed, int[] cells) {
        int best = -1;
        for (int c : cells) {
            // A zero is no partner: a reader may know it is zero (a crossing of another county), so it hides nothing.
            if (withheld.get(c) || fixed.get(c) || s.truth(c) == 0 || s.hidden(c)) {
                continue;
            }
            if (best < 0 || better(s, withheld, c, best)) {
                best = c;
            }
        }
        return best;
    }

    private boolean better(LinkedSystem s, BitSet withheld, int a, int b) {
        boolean aNonZero = s.truth(a) > 0;
        boolean bNonZero = s.truth(b) > 0;
        if (aNonZero != bNonZero) {
            return aNonZero;
        }
        int aPaired = paired(s, withheld, a);
        int bPaired = paired(s, withheld, b);
        if (aPaired != bPaired) {
            return aPaired > bPaired;
        }
        if (s.truth(a) != s.truth(b)) {
            return s.truth(a) < s.truth(b);
        }
        return a < b;
    }

    /** How many of a cell's relations already hold a withheld cell. */
    private static int paired(LinkedSystem s, BitSet withheld, int cell) {
        int n = 0;
        for (int r : s.relationsOf(cell)) {
            for (int c : s.relation(r).cells()) {
                if (LinearAuditor.unknown(s, withheld, c) && c != cell) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /** Publishes again each complementary cell, largest first, whose absence the audit does not miss. */
    private long minimise(LinkedSystem s, BitSet withheld, Reason[] reasons, List<Integer> unprotected) {
        List<Integer> complementary = new ArrayList<>();
        for (int i = withheld.nextSetBit(0); i >= 0; i = withheld.nextSetBit(i + 1)) {
            if (reasons[i] == Reason.COMPLEMENTARY) {
                complementary.add(i);
            }
        }
        complementary.sort(Comparator.<Integer>comparingLong(s::truth).reversed().thenComparing(Comparator.naturalOrder()));
        long programs = 0;
        for (int c : complementary) {
            withheld.clear(c);
            BitSet around = new BitSet();
            for (int r : s.relationsOf(c)) {
                for (int other : s.relation(r).cells()) {
                    around.set(other);
                }
            }
            boolean passes = true;
            for (LinearAuditor.Assumption a : LinearAuditor.Assumption.values()) {
                LinearAuditor.Report report = auditor.audit(s, withheld, a, around);
                programs += report.linearPrograms();
                passes &= report.exposures().stream().allMatch(e -> unprotected.contains(e.cell()));
                if (!passes) {
                    break;
                }
            }
            if (passes && !closesNothing(s, withheld, c)) {
                passes = false;
            }
            if (passes) {
                reasons[c] = null;
            } else {
                withheld.set(c);
            }
        }
        return programs;
    }

    /** Whether publishing {@code cell} leaves no relation with a single withheld cell. */
    private static boolean closesNothing(LinkedSystem s, BitSet withheld, int cell) {
        for (int r : s.relationsOf(cell)) {
            if (lone(s, withheld, s.relation(r))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a relation holds a single cell a reader does not know, and it is one that must stay unknown. */
    private static boolean lone(LinkedSystem s, BitSet withheld, Relation r) {
        int unknown = 0;
        int last = -1;
        for (int c : r.cells()) {
            if (LinearAuditor.unknown(s, withheld, c)) {
                unknown++;
                last = c;
            }
        }
        return unknown == 1 && withheld.get(last);
    }
}
