package al.antitrafficking.warehouse.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The attacker, as linear programs (ojAlgo). Given every figure a release publishes and the relations between them,
 * it bounds each withheld cell: withheld cells are unknowns of at least zero; published cells, cells not reported and not
 * withheld (held at their counts) and withheld zeros (a reader may know a cell must be zero, as a crossing of another county) are constants. Withheld cells that share no relation are independent, so the audit runs per linked
 * component.
 *
 * <p><b>The rule</b>: a withheld cell is exposed when its range is narrower than {@code minRange} (3), or when its true
 * value is a small count (1 to {@code minCount - 1}) whose range reaches neither 0 nor {@code minCount}.
 *
 * <p>Two attackers: {@link Assumption#AS_THEY_HOLD} uses the relations that really hold (distinct children: each part
 * at most the total, the total at most the sum of the parts); {@link Assumption#ADDITIVE} assumes every total is the
 * sum of its parts (most children appear once). A component whose published figures contradict that assumption is
 * counted as inconsistent and not audited under it; a component whose relations all add up exactly is the same under
 * both and audited once.
 *
 * <p>A component of up to {@code exactLimit} withheld cells gets the exact range of every cell (a few programs with
 * random objectives bound many cells at once; the rest get a minimum and a maximum of their own). A larger one is
 * audited cell by cell over the cell's neighbourhood, the other cells held at a point that satisfies every relation:
 * any value the small program reaches is one the whole system allows, so a cell it clears is cleared soundly. A cell
 * neighbourhoods of 120 and then 500 cells do not clear is bounded over the whole component (one program for all such
 * cells, exact) when the component has at most 8,000 cells, else over a neighbourhood of 4,000; a cell still not
 * cleared is reported as exposed, with the range found, and gets protected further. In the largest components that
 * may withhold a partner that an exact range would have found unnecessary: it errs towards withholding.
 */
public final class LinearAuditor {
    static {
        // ojAlgo prints a note about unknown hardware on first use unless told not to.
        System.setProperty("shut.up.ojAlgo", "true");
    }

    private static final double EPSILON = 1e-6;
    /** What a proof of infeasibility from bounds alone must miss by, at least ({@code Program.boundsProveInfeasible}). */
    private static final double PROOF_MARGIN = 1e-3;
    /** Rounds of bound propagation at most: each tightens every constraint's variables once. */
    private static final int PROPAGATION_PASSES = 100;
    /**
     * The largest model made for a certificate of infeasibility, in entries of ojAlgo's dense simplex tableau (8 bytes each:
     * 200 MB): one for the whole of a 10M release's largest component (15,459 cells, 23,981 relations) would take some 15 GB.
     * A program too large for it that the bounds do not prove infeasible is not believed infeasible: every withheld cell of
     * it is reported.
     */
    static final long CERTIFICATE_MODEL_LIMIT = 25_000_000;
    /**
     * The upper bound of a cell nothing else bounds: more than any count a release holds (a cell's range reaching it is
     * as safe as an unbounded one). ojAlgo answers every later objective of a model it once found unbounded "unbounded":
     * every exact range asked after it would tell nothing, and each cell not yet cleared be reported exposed
     * ({@code LinearAuditorTest.aCellWithNoUpperBoundDoesNotHideAnotherCellOfItsComponentThatIsPinned}). Only cells the
     * relations do not bound get it ({@link #boundedAbove}): a bound on every cell made ojAlgo's simplex 3.1 times slower
     * on a 1M-row release, for the same ranges (docs/benchmarks.md, "The auditor's bound on every cell", 2026-12-02).
     */
    static final double NO_UPPER_BOUND = 1e9;
    private static final boolean DEBUG = Boolean.getBoolean("release.debug");
    private static final int BATCH_ROUNDS = 6;
    /**
     * Neighbourhood sizes tried, in order, before the last level (below). (120 and 2,000 audited the two largest components
     * of a 10M correction 3 and 20 times faster, but made the full build's protection of the same snapshot 33 % slower and
     * its release 2.5 % fewer figures: docs/benchmarks.md, 2026-12-02, a fourth session.)
     */
    private static final int[] NEIGHBOURHOODS = {120, 500};
    /**
     * The last level: the whole component, one program made once, when it has at most this many cells (its ranges are
     * exact); else a neighbourhood of half as many cells around the cell, and a cell it does not clear is reported. (A
     * neighbourhood of nearly a whole component made anew for each cell costs far more than the whole made once.)
     */
    private static final int WHOLE_LIMIT = 8000;
    private final int wholeLimit;

    /** One solve of a program: ojAlgo's, or in tests one that errs. */
    interface Solver {
        Optimisation.Result solve(ExpressionsBasedModel model, boolean maximise);
    }

    private static final Solver OJALGO = (model, maximise) -> maximise ? model.maximise() : model.minimise();
    private final Solver solver;

    public enum Assumption { AS_THEY_HOLD, ADDITIVE }

    /** A withheld cell an attacker can narrow down (or that could not be cleared): the smallest and largest values found. */
    public record Exposure(int cell, double min, double max) {}

    /** What one audit found, and what it cost. */
    public record Report(List<Exposure> exposures, int withheld, int components, int inconsistentComponents, long linearPrograms) {
        public boolean passed() {
            return exposures.isEmpty();
        }
    }

    private final int minCount;
    private final int minRange;
    private final int exactLimit;
    /** Findings by component fingerprint, when this auditor remembers; else null. */
    private final Map<String, Remembered> memory;
    private final java.util.concurrent.atomic.AtomicLong recalled = new java.util.concurrent.atomic.AtomicLong();

    /** An auditor that computes exact ranges in components of any size: for tests and reports on small systems. */
    public LinearAuditor(int minCount, int minRange) {
        this(minCount, minRange, Integer.MAX_VALUE);
    }

    public LinearAuditor(int minCount, int minRange, int exactLimit) {
        this(minCount, minRange, exactLimit, false);
    }

    /**
     * {@code remember}: keep what each component's audit found, by a fingerprint of everything its programs are made of
     * (its cells' names, true values and marks; every relation touching it, with the values of the known cells in it;
     * the assumption). A component met again with the same fingerprint (the same release laid out again with another
     * table published coarser, or a round that changed other components) gets the same findings without a program.
     * Its programs would be the same programs, so the findings are those a new audit would make: a component's cells,
     * its relations and each relation's parts are taken in the order of their names ({@link LinkedSystem#cellRank}),
     * never of their indices, so even where neighbourhoods decide (components too large to bound whole) a new audit of
     * another layout makes the same programs in the same order.
     */
    public LinearAuditor(int minCount, int minRange, int exactLimit, boolean remember) {
        this(minCount, minRange, exactLimit, remember, WHOLE_LIMIT);
    }

    /** As above, with the largest component bounded whole at the last level (tests, on small systems). */
    LinearAuditor(int minCount, int minRange, int exactLimit, boolean remember, int wholeLimit) {
        this(minCount, minRange, exactLimit, remember, wholeLimit, OJALGO);
    }

    /** As above, with another solver (tests: one whose points break the relations). */
    LinearAuditor(int minCount, int minRange, int exactLimit, boolean remember, int wholeLimit, Solver solver) {
        this.solver = solver;
        this.wholeLimit = wholeLimit;
        this.minCount = minCount;
        this.minRange = minRange;
        this.exactLimit = exactLimit;
        this.memory = remember ? new java.util.concurrent.ConcurrentHashMap<>() : null;
    }

    /** How many component audits were answered from memory so far. */
    public long recalled() {
        return recalled.get();
    }

    /** A component's findings by cell name: exposures, whether it was consistent, its size. */
    private record Remembered(List<String> cells, List<double[]> ranges, boolean consistent, int size) {}

    /** Audits every withheld cell of the system. */
    public Report audit(LinkedSystem system, BitSet withheld, Assumption assumption) {
        return audit(system, withheld, assumption, withheld);
    }

    /** Audits every withheld cell of the system under both assumptions, side by side (as {@link #audit(LinkedSystem, BitSet, List, BitSet)}). */
    public Report auditBoth(LinkedSystem system, BitSet withheld, BitSet cells) {
        return audit(system, withheld, List.of(Assumption.values()), cells);
    }

    /**
     * Audits the components that hold any of {@code cells}. Components share no unknown, so they are audited side by
     * side on the machine's cores; their findings are gathered in the components' order, so the report does not depend
     * on which finished first.
     */
    public Report audit(LinkedSystem system, BitSet withheld, Assumption assumption, BitSet cells) {
        return audit(system, withheld, List.of(assumption), cells);
    }

    /**
     * Audits the components that hold any of {@code cells} under each of {@code assumptions}: one report, the findings
     * under the first assumption first, each in the components' order. Every audit of a component under one assumption is
     * independent of the others (same cells withheld, nothing shared but what an audit remembers of its own fingerprint),
     * so they all run side by side, the largest components first: a correction's few large components, one under each
     * assumption, then take the machine's cores together instead of one after the other.
     */
    public Report audit(LinkedSystem system, BitSet withheld, List<Assumption> assumptions, BitSet cells) {
        List<List<Integer>> components = components(system, withheld, cells);
        int n = components.size() * assumptions.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Largest first, so that no core starts a large one when the others are nearly done (ties in the fixed order).
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt((Integer i) -> -components.get(i % components.size()).size())
                .thenComparingInt(i -> i));
        Audited[] results = new Audited[n];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable worker = () -> {
            try {
                for (int k = next.getAndIncrement(); k < n; k = next.getAndIncrement()) {
                    int i = order[k];
                    results[i] = auditComponent(system, withheld, assumptions.get(i / components.size()), components.get(i % components.size()));
                }
            } catch (RuntimeException | Error e) {
                // The others take no more.
                next.set(n);
                throw e;
            }
        };
        int helpers = Math.min(n, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1) - 1;
        List<java.util.concurrent.ForkJoinTask<?>> forks = new ArrayList<>();
        for (int h = 0; h < helpers; h++) {
            forks.add(java.util.concurrent.ForkJoinPool.commonPool().submit(worker));
        }
        // Every helper is waited for (a failure stops the others taking more) before the first failure is thrown.
        Throwable failure = null;
        try {
            worker.run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (java.util.concurrent.ForkJoinTask<?> fork : forks) {
            try {
                fork.join();
            } catch (RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                } else if (failure != e) {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
        List<Exposure> exposures = new ArrayList<>();
        int inconsistent = 0;
        int audited = 0;
        int audits = 0;
        long programs = 0;
        for (Audited r : results) {
            if (r == null) {
                continue;
            }
            audits++;
            audited += r.size();
            exposures.addAll(r.exposures());
            inconsistent += r.consistent() ? 0 : 1;
            programs += r.programs();
        }
        return new Report(exposures, audited, audits, inconsistent, programs);
    }

    /** What the audit of one component found; null for a component the assumption leaves as it is. */
    private record Audited(List<Exposure> exposures, boolean consistent, long programs, int size) {}

    private Audited auditComponent(LinkedSystem system, BitSet withheld, Assumption assumption, List<Integer> component) {
        if (assumption == Assumption.ADDITIVE && allExact(system, component)) {
            return null;
        }
        long began = System.nanoTime();
        String fingerprint = memory == null ? null : fingerprint(system, withheld, assumption, component);
        long fingerprinted = System.nanoTime();
        if (fingerprint != null) {
            Remembered known = memory.get(fingerprint);
            if (known != null) {
                recalled.incrementAndGet();
                return recall(system, component, known);
            }
        }
        List<Exposure> exposures = new ArrayList<>();
        long[] programs = {0};
        // The cells in the order of their names, not of their indices: the programs, and so what neighbourhoods clear in a
        // component too large to bound whole, are those of any layout of the same release.
        List<Integer> canonical = new ArrayList<>(component);
        canonical.sort(java.util.Comparator.comparingInt(system::cellRank));
        boolean consistent;
        boolean mistaken = false;
        try {
            consistent = canonical.size() <= exactLimit
                    ? new Program(system, withheld, canonical, assumption, null).auditAll(exposures, programs)
                    : auditLocally(system, withheld, canonical, assumption, exposures, programs);
        } catch (SolverMistake e) {
            consistent = false;
            mistaken = true;
        }
        if (!consistent && (assumption == Assumption.AS_THEY_HOLD || mistaken)) {
            // The true counts satisfy every relation as it holds (known cells are held at their counts), so "no solution"
            // is the solver's mistake, not a contradiction: nothing it found can be trusted, and every withheld cell is
            // reported (erring towards withholding) rather than the component passing unaudited as inconsistent. So too under
            // either assumption when the solver gave no point that satisfies every relation where one was needed.
            exposures.clear();
            component.stream().filter(withheld::get)
                    .forEach(c -> exposures.add(new Exposure(c, system.truth(c), system.truth(c))));
            consistent = true;
        }
        inComponentOrder(exposures, component);
        if (DEBUG && component.size() > 2000) {
            System.err.printf("component audit (%s): %d cells, %d ms, of which %d ms making its fingerprint%n", assumption, component.size(),
                    (System.nanoTime() - began) / 1_000_000, (fingerprinted - began) / 1_000_000);
        }
        if (fingerprint != null) {
            memory.put(fingerprint, new Remembered(exposures.stream().map(e -> system.name(e.cell())).toList(),
                    exposures.stream().map(e -> new double[] {e.min(), e.max()}).toList(), consistent, component.size()));
        }
        return new Audited(exposures, consistent, programs[0], component.size());
    }

    /** Puts exposures in the order of the component's cells (the order partners are then chosen in). */
    private static void inComponentOrder(List<Exposure> exposures, List<Integer> component) {
        if (exposures.size() > 1) {
            Map<Integer, Integer> position = new HashMap<>();
            for (int i = 0; i < component.size(); i++) {
                position.put(component.get(i), i);
            }
            exposures.sort(java.util.Comparator.comparingInt(e -> position.get(e.cell())));
        }
    }

    private static Audited recall(LinkedSystem system, List<Integer> component, Remembered known) {
        List<Exposure> exposures = new ArrayList<>();
        if (!known.cells().isEmpty()) {
            Map<String, Integer> byName = new HashMap<>();
            component.forEach(c -> byName.put(system.name(c), c));
            for (int i = 0; i < known.cells().size(); i++) {
                double[] range = known.ranges().get(i);
                exposures.add(new Exposure(byName.get(known.cells().get(i)), range[0], range[1]));
            }
        }
        inComponentOrder(exposures, component);
        return new Audited(exposures, known.consistent(), 0, known.size());
    }

    /**
     * Everything the component's programs are made of, in an order that does not depend on the cells' indices; null
     * when two of its cells share a name (then it is not remembered).
     */
    private static String fingerprint(LinkedSystem system, BitSet withheld, Assumption assumption, List<Integer> component) {
        BitSet in = new BitSet();
        List<String> cells = new ArrayList<>(component.size());
        for (int c : component) {
            in.set(c);
            cells.add(named(system, c) + '\u0001' + system.truth(c) + (withheld.get(c) ? "w" : "") + (system.hidden(c) ? "h" : ""));
        }
        java.util.Collections.sort(cells);
        for (int i = 1; i < cells.size(); i++) {
            String a = cells.get(i - 1);
            String b = cells.get(i);
            if (a.substring(0, a.indexOf('\u0001')).equals(b.substring(0, b.indexOf('\u0001')))) {
                return null;
            }
        }
        List<String> relations = new ArrayList<>();
        for (int r : relationsTouching(system, component)) {
            Relation relation = system.relation(r);
            List<String> parts = new ArrayList<>();
            for (int p : relation.parts()) {
                parts.add(term(system, in, p));
            }
            java.util.Collections.sort(parts);
            relations.add(relation.kind() + "\u0002" + term(system, in, relation.total()) + "\u0002" + String.join("\u0003", parts));
        }
        java.util.Collections.sort(relations);
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update((assumption + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (String cell : cells) {
                digest.update((cell + '\n').getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            digest.update((byte) 0);
            for (String relation : relations) {
                digest.update((relation + '\n').getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The relations any of {@code cells} takes part in, each once, in the order of their ranks (names, not indices). */
    private static List<Integer> relationsTouching(LinkedSystem system, List<Integer> cells) {
        BitSet seen = new BitSet();
        List<Integer> relations = new ArrayList<>();
        for (int cell : cells) {
            for (int r : system.relationsOf(cell)) {
                if (!seen.get(r)) {
                    seen.set(r);
                    relations.add(r);
                }
            }
        }
        relations.sort(java.util.Comparator.comparingInt(system::relationRank));
        return relations;
    }

    /** A cell as a program sees it: an unknown of the component by name, or a known cell by name and value. */
    private static String term(LinkedSystem system, BitSet component, int cell) {
        if (component.get(cell)) {
            return "?" + named(system, cell);
        }
        return "=" + named(system, cell) + '\u0001' + system.truth(cell);
    }

    /** A cell's name with its length before it, so that no name can run into what follows it in a fingerprint. */
    private static String named(LinkedSystem system, int cell) {
        String name = system.name(cell);
        return name.length() + ":" + name;
    }

    /** The exact smallest and largest value of one withheld cell, over its whole component (tests, reports). */
    public Exposure range(LinkedSystem system, BitSet withheld, Assumption assumption, int cell) {
        BitSet one = new BitSet();
        one.set(cell);
        List<Integer> component = components(system, withheld, one).get(0);
        try {
            return new Program(system, withheld, component, assumption, null).exactRange(component.indexOf(cell), new long[1]);
        } catch (SolverMistake e) {
            // Nothing the solver found can be trusted: the true value alone, which the rule reports.
            return new Exposure(cell, system.truth(cell), system.truth(cell));
        }
    }

    /**
     * Cells a reader does not know grouped by the relations they share, for the components that hold any of {@code cells}
     * and at least one withheld cell.
     */
    public static List<List<Integer>> components(LinkedSystem system, BitSet withheld, BitSet cells) {
        BitSet seen = new BitSet();
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        List<List<Integer>> components = new ArrayList<>();
        for (int start = cells.nextSetBit(0); start >= 0; start = cells.nextSetBit(start + 1)) {
            // A start may be a cell never printed: what links withheld cells through it is one component.
            if (!unknown(system, withheld, start) || seen.get(start)) {
                continue;
            }
            List<Integer> component = new ArrayList<>();
            stack.push(start);
            seen.set(start);
            while (!stack.isEmpty()) {
                int cell = stack.pop();
                component.add(cell);
                for (int r : system.relationsOf(cell)) {
                    for (int other : system.relation(r).cells()) {
                        if (unknown(system, withheld, other) && !seen.get(other)) {
                            seen.set(other);
                            stack.push(other);
                        }
                    }
                }
            }
            if (component.stream().anyMatch(withheld::get)) {
                components.add(component);
            }
        }
        return components;
    }

    /**
     * Whether a reader does not know a cell: never printed, or withheld and not a zero (a printed cell a reader may
     * know is zero, as a crossing of another county is).
     */
    public static boolean unknown(LinkedSystem system, BitSet withheld, int cell) {
        if (system.notReported(cell)) {
            // Printed as "not reported", no number. A small count there (a pathway cell of a county and month no file came
            // for can count children met there) is withheld by the protection, and is an unknown as any withheld cell is;
            // any other is held at its count: the attacker knows more than a reader, which errs towards withholding and
            // holds across releases (a count that becomes printed later, or was printed before, is known to readers then).
            return withheld.get(cell) && system.truth(cell) > 0;
        }
        return system.hidden(cell) || withheld.get(cell) && system.truth(cell) > 0;
    }

    private static boolean allExact(LinkedSystem system, List<Integer> component) {
        for (int cell : component) {
            for (int r : system.relationsOf(cell)) {
                if (!system.relation(r).exact()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A large component, cell by cell: each uncleared cell's neighbourhood is a program of its own, the rest of the
     * component held at a base point that satisfies every relation (the truth, or under the additive assumption a point
     * one program over the whole component finds). Returns false when the component is inconsistent.
     */
    private boolean auditLocally(LinkedSystem system, BitSet withheld, List<Integer> component, Assumption assumption,
                                 List<Exposure> exposures, long[] programs) {
        Map<Integer, Double> base = new HashMap<>();
        // The whole component's program: made once, at the first cell no neighbourhood clears, and widened once.
        Program whole = null;
        boolean wholeWidened = false;
        // The last level's neighbourhoods made so far, in a component too large to bound whole.
        List<Program> largest = new ArrayList<>();
        if (assumption == Assumption.AS_THEY_HOLD || allExact(system, component)) {
            component.forEach(c -> base.put(c, (double) system.truth(c)));
        } else {
            whole = new Program(system, withheld, component, assumption, null);
            double[] point = whole.feasiblePoint(programs);
            if (point == null) {
                return false;
            }
            for (int i = 0; i < component.size(); i++) {
                base.put(component.get(i), point[i]);
            }
        }
        Map<Integer, double[]> bounds = new HashMap<>();
        component.forEach(c -> bounds.put(c, new double[] {base.get(c), base.get(c)}));
        long started = System.nanoTime();
        long programsBefore = programs[0];
        int[] tried = new int[NEIGHBOURHOODS.length + 1];
        int[] cleared = new int[NEIGHBOURHOODS.length + 1];
        long[] spent = new long[NEIGHBOURHOODS.length + 1];
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < component.size(); i++) {
            position.put(component.get(i), i);
        }
        for (int cell : component) {
            double[] b = bounds.get(cell);
            if (!withheld.get(cell) || safe(system, cell, b[0], b[1])) {
                continue;
            }
            // Wider and wider neighbourhoods, then the whole component: a cell is reported only when none clears it.
            for (int level = 0; level <= NEIGHBOURHOODS.length; level++) {
                long levelStarted = System.nanoTime();
                // A neighbourhood of half the component or more costs nearly what the whole does: the whole is exact.
                boolean lastLevel = level == NEIGHBOURHOODS.length
                        || component.size() <= wholeLimit && 2 * NEIGHBOURHOODS[level] >= component.size();
                int size = !lastLevel ? NEIGHBOURHOODS[level] : component.size() <= wholeLimit ? component.size() : wholeLimit / 2;
                tried[level]++;
                boolean last = size >= component.size() || lastLevel;
                Program local;
                int at;
                if (size >= component.size()) {
                    if (whole == null) {
                        whole = new Program(system, withheld, component, assumption, null);
                    }
                    if (!wholeWidened) {
                        whole.widen(bounds, programs);
                        wholeWidened = true;
                    }
                    local = whole;
                    at = position.get(cell);
                } else {
                    if (lastLevel && clearedByOneOf(largest, system, cell, bounds, programs)) {
                        spent[level] += System.nanoTime() - levelStarted;
                        cleared[level]++;
                        b = bounds.get(cell);
                        break;
                    }
                    local = new Program(system, withheld, neighbourhood(system, withheld, cell, size), assumption, base);
                    local.widen(bounds, programs);
                    at = 0;
                    if (lastLevel) {
                        largest.add(local);
                    }
                }
                b = bounds.get(cell);
                if (!safe(system, cell, b[0], b[1])) {
                    // The two points that find this cell's range widen its bounds and the other cells' too.
                    local.exactRange(at, programs, bounds);
                }
                spent[level] += System.nanoTime() - levelStarted;
                if (safe(system, cell, b[0], b[1])) {
                    cleared[level]++;
                    break;
                }
                if (last) {
                    break;
                }
            }
            if (!safe(system, cell, b[0], b[1])) {
                exposures.add(new Exposure(cell, b[0], b[1]));
            }
        }
        if (DEBUG) {
            System.err.printf("local audit (%s): %d cells, %d withheld, neighbourhoods tried %s, cleared %s, ms %s, %d programs, %d ms"
                            + " (solves that told nothing so far: %d; solver mistakes so far: %d)%n",
                    assumption, component.size(), component.stream().filter(withheld::get).count(), java.util.Arrays.toString(tried),
                    java.util.Arrays.toString(cleared), java.util.Arrays.toString(java.util.Arrays.stream(spent).map(t -> t / 1_000_000).toArray()), programs[0] - programsBefore, (System.nanoTime() - started) / 1_000_000, UNTOLD.sum(), MISTAKES.sum());
        }
        return true;
    }

    /**
     * Whether the last of the last level's neighbourhoods already made that holds the cell clears it: its exact range there
     * (two solves of a program already made) instead of a neighbourhood of its own of the same size. Any program over some
     * of a component's cells, the others held at the base point, is as sound as the cell's own neighbourhood; one around
     * another cell may bound it more narrowly, and then the cell gets its own. Only one is tried: in a component whose
     * cells no neighbourhood clears, trying every one made before would cost two solves per earlier cell, each time.
     */
    private boolean clearedByOneOf(List<Program> programs, LinkedSystem system, int cell, Map<Integer, double[]> bounds, long[] solves) {
        for (int k = programs.size() - 1; k >= 0; k--) {
            Program p = programs.get(k);
            int at = p.cells.indexOf(cell);
            if (at < 0) {
                continue;
            }
            // The two points found widen this cell's bounds too.
            p.exactRange(at, solves, bounds);
            double[] b = bounds.get(cell);
            return safe(system, cell, b[0], b[1]);
        }
        return false;
    }

    /** The cell first, then unknown cells it shares relations with, breadth first, up to {@code size} cells. */
    private static List<Integer> neighbourhood(LinkedSystem system, BitSet withheld, int cell, int size) {
        List<Integer> cells = new ArrayList<>();
        BitSet seen = new BitSet();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(cell);
        seen.set(cell);
        List<Integer> next = new ArrayList<>();
        while (!queue.isEmpty() && cells.size() < size) {
            int c = queue.poll();
            cells.add(c);
            next.clear();
            for (int r : system.relationsOf(c)) {
                for (int other : system.relation(r).cells()) {
                    if (unknown(system, withheld, other) && !seen.get(other)) {
                        seen.set(other);
                        next.add(other);
                    }
                }
            }
            // In the order of their names: the same neighbourhood in any layout of the release.
            next.sort(java.util.Comparator.comparingInt(system::cellRank));
            queue.addAll(next);
        }
        return cells;
    }

    /** A constraint of a program as made: {@code lower <= sum of coefficients[j] * variables[j] <= upper} (lower may be -infinity). */
    record Constraint(int[] variables, int[] coefficients, double lower, double upper) {}

    /**
     * Whether whole multipliers {@code y} of the constraints prove that no unknowns of at least 0 satisfy them all (Farkas):
     * each multiplier on a side the constraint has (above 0 on its upper bound, below 0 on the lower bound of an equality),
     * every unknown's coefficient in the combination at least 0, and the combination of the constants below 0. Then for
     * any unknowns of at least 0 the combination of the left-hand sides is at least 0 and at most that negative constant.
     * Exact: whole numbers and the constants' exact decimal values, no rounding.
     */
    static boolean certifies(int n, List<Constraint> constraints, java.math.BigInteger[] y) {
        java.math.BigInteger[] coefficient = new java.math.BigInteger[n];
        java.util.Arrays.fill(coefficient, java.math.BigInteger.ZERO);
        java.math.BigDecimal constant = java.math.BigDecimal.ZERO;
        for (int i = 0; i < constraints.size(); i++) {
            if (y[i].signum() == 0) {
                continue;
            }
            Constraint c = constraints.get(i);
            double side = y[i].signum() > 0 ? c.upper() : c.lower() == c.upper() ? c.lower() : Double.NaN;
            if (!Double.isFinite(side)) {
                return false;
            }
            constant = constant.add(new java.math.BigDecimal(y[i]).multiply(new java.math.BigDecimal(side)));
            for (int t = 0; t < c.variables().length; t++) {
                int j = c.variables()[t];
                coefficient[j] = coefficient[j].add(y[i].multiply(java.math.BigInteger.valueOf(c.coefficients()[t])));
            }
        }
        for (java.math.BigInteger a : coefficient) {
            if (a.signum() < 0) {
                return false;
            }
        }
        return constant.signum() < 0;
    }

    /**
     * Multipliers a solver gave, as whole numbers in the same proportions: each the first convergent of its continued
     * fraction within 10⁻⁹ of it (of denominator at most a million, else null), a value within 10⁻⁹ of 0 taken as 0, all
     * times their denominators' least common multiple. A vertex of the program a certificate comes from has such fractions (its constraints'
     * coefficients are small whole numbers); whatever they are, {@link #certifies} checks the result exactly.
     */
    static java.math.BigInteger[] wholeMultipliers(double[] y) {
        long[] numerators = new long[y.length];
        long[] denominators = new long[y.length];
        java.math.BigInteger lcm = java.math.BigInteger.ONE;
        for (int i = 0; i < y.length; i++) {
            denominators[i] = 1;
            if (!Double.isFinite(y[i])) {
                return null;
            }
            if (Math.abs(y[i]) <= 1e-9) {
                continue;
            }
            long[] f = firstConvergent(y[i], 1_000_000, 1e-9);
            if (f == null) {
                return null;
            }
            numerators[i] = f[0];
            denominators[i] = f[1];
            java.math.BigInteger d = java.math.BigInteger.valueOf(f[1]);
            lcm = lcm.divide(lcm.gcd(d)).multiply(d);
        }
        java.math.BigInteger[] whole = new java.math.BigInteger[y.length];
        for (int i = 0; i < y.length; i++) {
            whole[i] = java.math.BigInteger.valueOf(numerators[i]).multiply(lcm.divide(java.math.BigInteger.valueOf(denominators[i])));
        }
        return whole;
    }

    /**
     * The first convergent of x's continued fraction within {@code tolerance} of x, if its denominator is at most
     * {@code maxDenominator}; else null.
     */
    static long[] firstConvergent(double x, long maxDenominator, double tolerance) {
        double rest = x;
        long p0 = 0;
        long q0 = 1;
        long p1 = 1;
        long q1 = 0;
        for (int k = 0; k < 64; k++) {
            double whole = Math.floor(rest);
            if (Math.abs(whole) > 1e15) {
                return null;
            }
            long a = (long) whole;
            long p2;
            long q2;
            try {
                p2 = Math.addExact(Math.multiplyExact(a, p1), p0);
                q2 = Math.addExact(Math.multiplyExact(a, q1), q0);
            } catch (ArithmeticException tooLarge) {
                return null;
            }
            if (q2 > maxDenominator) {
                return null;
            }
            if (Math.abs(x - (double) p2 / q2) <= tolerance) {
                return new long[] {p2, q2};
            }
            p0 = p1;
            q0 = q1;
            p1 = p2;
            q1 = q2;
            double fraction = rest - whole;
            if (fraction == 0) {
                return null;
            }
            rest = 1 / fraction;
        }
        return null;
    }

    /**
     * Whether the constraints show, with no solver, that no point satisfies them: bound propagation, as a presolve does it.
     * Each of the {@code n} variables starts within its bounds (at least 0, at most {@link #NO_UPPER_BOUND} where
     * {@code capped}); each constraint then bounds each of its variables by what the others can add up to at most and at
     * least, over and over, until nothing tightens. The program is infeasible when a constraint cannot be met by any point
     * within the bounds, or a variable's least value passes its largest. Every bound found holds for every point that
     * satisfies the program, so this is a proof; a margin of 10⁻³, plus 10⁻⁹ of the sizes involved, leaves rounding out
     * (counts and constants are whole numbers and coefficients small ones, so relations that contradict each other miss by
     * far more: by a half in the smallest cases of the tests). It finds what one constraint, or a chain of them,
     * contradicts; not every infeasible program.
     */
    static boolean boundsProveInfeasible(int n, BitSet capped, List<Constraint> constraints) {
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            hi[i] = capped.get(i) ? NO_UPPER_BOUND : Double.POSITIVE_INFINITY;
        }
        for (int pass = 0; pass < PROPAGATION_PASSES; pass++) {
            boolean tightened = false;
            for (Constraint c : constraints) {
                int[] at = c.variables();
                int[] a = c.coefficients();
                // The least and largest sums over the bounds: finite parts, and how many terms are unbounded.
                double least = 0;
                double largest = 0;
                int leastUnbounded = 0;
                int largestUnbounded = 0;
                double size = Math.abs(c.upper()) + (Double.isInfinite(c.lower()) ? 0 : Math.abs(c.lower()));
                for (int j = 0; j < at.length; j++) {
                    double low = termLeast(a[j], lo[at[j]], hi[at[j]]);
                    double high = termLargest(a[j], lo[at[j]], hi[at[j]]);
                    if (Double.isInfinite(low)) {
                        leastUnbounded++;
                    } else {
                        least += low;
                        size += Math.abs(low);
                    }
                    if (Double.isInfinite(high)) {
                        largestUnbounded++;
                    } else {
                        largest += high;
                        size += Math.abs(high);
                    }
                }
                double margin = PROOF_MARGIN + 1e-9 * size;
                if (leastUnbounded == 0 && least > c.upper() + margin || largestUnbounded == 0 && largest < c.lower() - margin) {
                    return true;
                }
                for (int j = 0; j < at.length; j++) {
                    int v = at[j];
                    double low = termLeast(a[j], lo[v], hi[v]);
                    double high = termLargest(a[j], lo[v], hi[v]);
                    // What the other terms add up to at least and at most.
                    double othersLeast = Double.isInfinite(low) ? (leastUnbounded == 1 ? least : Double.NEGATIVE_INFINITY)
                            : (leastUnbounded == 0 ? least - low : Double.NEGATIVE_INFINITY);
                    double othersLargest = Double.isInfinite(high) ? (largestUnbounded == 1 ? largest : Double.POSITIVE_INFINITY)
                            : (largestUnbounded == 0 ? largest - high : Double.POSITIVE_INFINITY);
                    // a·x <= upper - othersLeast, and a·x >= lower - othersLargest; each loosened by the margin.
                    double termAtMost = c.upper() - othersLeast + margin;
                    double termAtLeast = c.lower() - othersLargest - margin;
                    double newLo = a[j] > 0 ? termAtLeast / a[j] : termAtMost / a[j];
                    double newHi = a[j] > 0 ? termAtMost / a[j] : termAtLeast / a[j];
                    if (!Double.isNaN(newLo) && newLo > lo[v] + PROOF_MARGIN) {
                        lo[v] = newLo;
                        tightened = true;
                    }
                    if (!Double.isNaN(newHi) && newHi < hi[v] - PROOF_MARGIN) {
                        hi[v] = newHi;
                        tightened = true;
                    }
                    if (lo[v] > hi[v] + PROOF_MARGIN + 1e-9 * (Math.abs(lo[v]) + Math.abs(hi[v]))) {
                        return true;
                    }
                }
            }
            if (!tightened) {
                return false;
            }
        }
        return false;
    }

    /** The least a term {@code a·x} can be with {@code x} in {@code [lo, hi]}. */
    private static double termLeast(int a, double lo, double hi) {
        return a > 0 ? a * lo : a * hi;
    }

    /** The largest a term {@code a·x} can be with {@code x} in {@code [lo, hi]}. */
    private static double termLargest(int a, double lo, double hi) {
        return a > 0 ? a * hi : a * lo;
    }

    /**
     * Solves that told no value (failed, unbounded although every unknown is bounded, or a point outside the relations):
     * counted for the debug lines.
     */
    private static final java.util.concurrent.atomic.LongAdder UNTOLD = new java.util.concurrent.atomic.LongAdder();
    /** The solver's mistakes found (their components reported whole): counted for the debug lines. */
    private static final java.util.concurrent.atomic.LongAdder MISTAKES = new java.util.concurrent.atomic.LongAdder();

    /**
     * The solver gave no point where the program has one (the base point of a large component), or called a program
     * infeasible that a known point satisfies: nothing it finds in this component can be trusted, and every withheld cell
     * of it is reported.
     */
    private static final class SolverMistake extends RuntimeException {
        SolverMistake() {
            super("the solver gave no point that satisfies every relation", null, false, false);
            MISTAKES.increment();
        }
    }

    private boolean safe(LinkedSystem system, int cell, double min, double max) {
        // An infinite or undefined bound is no range found: a width worked out from it would be NaN, which no test fails.
        if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            return false;
        }
        double low = Math.ceil(min - EPSILON);
        double high = Math.floor(max + EPSILON);
        if (high - low < minRange) {
            return false;
        }
        long truth = system.truth(cell);
        boolean small = truth >= 1 && truth < minCount;
        return !small || low <= 0 || high >= minCount;
    }

    /**
     * Which of a program's cells (by position in {@code cells}) its constraints bound above, counts being at least zero: a
     * relation made into constraints (an equality, or under {@link Assumption#AS_THEY_HOLD} a distinct-children one) holds
     * each part at most the total and the total at most the sum of the parts, so a part is bounded when the total is, and
     * the total when every part is; a cell outside the program is a known number. A cell this does not prove bounded gets
     * {@link #NO_UPPER_BOUND}; giving it to a cell proved bounded would change no range (the bound its relations imply
     * is below it, for any counts a release holds).
     */
    static BitSet boundedAbove(LinkedSystem system, List<Integer> cells, List<Integer> relations, Assumption assumption) {
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            position.put(cells.get(i), i);
        }
        BitSet bounded = new BitSet();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r : relations) {
                Relation relation = system.relation(r);
                boolean constrains = relation.exact() || assumption == Assumption.ADDITIVE || relation.kind() == Relation.Kind.DISTINCT;
                if (!constrains) {
                    continue;
                }
                Integer total = position.get(relation.total());
                if (total == null || bounded.get(total)) {
                    for (int p : relation.parts()) {
                        Integer part = position.get(p);
                        if (part != null && !bounded.get(part)) {
                            bounded.set(part);
                            changed = true;
                        }
                    }
                } else {
                    boolean allParts = true;
                    for (int p : relation.parts()) {
                        Integer part = position.get(p);
                        allParts &= part == null || bounded.get(part);
                    }
                    if (allParts) {
                        bounded.set(total);
                        changed = true;
                    }
                }
            }
        }
        return bounded;
    }

    /**
     * The linear program over some withheld cells (the variables): every relation touching them, with published cells
     * and cells not reported as constants and, when {@code base} is given, the other withheld cells held at it.
     */
    private final class Program {
        private final LinkedSystem system;
        private final List<Integer> cells;
        private final ExpressionsBasedModel model = new ExpressionsBasedModel();
        private final List<Variable> variables = new ArrayList<>();
        private final Map<Integer, Double> base;
        private final BitSet withheld;
        private final boolean truthFeasible;
        /** The variables some constraint names (with a coefficient other than zero), by index. */
        private final BitSet referenced = new BitSet();
        /** The model the solves run on: {@link #solvable()}. */
        private ExpressionsBasedModel solvable;
        /** Every constraint as made, in plain numbers: each point a solve gives is checked against them ({@link #tells}). */
        private final List<Constraint> constraints = new ArrayList<>();
        /** The variables given {@link #NO_UPPER_BOUND}, by index. */
        private final BitSet capped = new BitSet();
        /** Whether a solve of this program has given a point that satisfies it: then it is not infeasible. */
        private boolean toldOnce;

        Program(LinkedSystem system, BitSet withheld, List<Integer> cells, Assumption assumption, Map<Integer, Double> base) {
            this.system = system;
            this.cells = cells;
            this.base = base;
            this.withheld = withheld;
            List<Integer> relations = relationsTouching(system, cells);
            BitSet bounded = boundedAbove(system, cells, relations, assumption);
            Map<Integer, Variable> byCell = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                Variable v = model.addVariable().lower(0);
                if (!bounded.get(i)) {
                    v.upper(NO_UPPER_BOUND);
                    capped.set(i);
                }
                variables.add(v);
                byCell.put(cells.get(i), v);
            }
            boolean allExact = true;
            for (int r : relations) {
                Relation relation = system.relation(r);
                allExact &= relation.exact();
                if (relation.exact() || assumption == Assumption.ADDITIVE) {
                    equality(relation, byCell, withheld);
                } else if (relation.kind() == Relation.Kind.DISTINCT) {
                    bounds(relation, byCell, withheld);
                }
            }
            this.truthFeasible = base == null ? allExact || assumption == Assumption.AS_THEY_HOLD : false;
        }

        /**
         * The model every solve runs on, made at the first: ojAlgo scans and presolves a model at each solve, in 256-digit
         * decimals (three quarters of the audit's samples in a profile of 10M corrections, docs/benchmarks.md), so it is
         * simplified once here into a copy that keeps every variable at its index, with what the presolve fixed or bounded,
         * and drops the constraints it found redundant: later solves skip the scan and presolve only what is left. Only when
         * every variable is in some constraint: ojAlgo's scan fixes a variable no constraint names at a bound chosen for the
         * objective of the moment.
         */
        private ExpressionsBasedModel solvable() {
            if (solvable == null) {
                solvable = referenced.cardinality() == variables.size() ? model.simplify() : model;
            }
            return solvable;
        }

        /** Variable {@code i} of the model the solves run on. */
        private Variable variable(int i) {
            return solvable().getVariable(i);
        }

        /** A relation's parts in rank order: constraints made in the same order in any layout. */
        private int[] ranked(int[] parts) {
            return java.util.Arrays.stream(parts).boxed().sorted(java.util.Comparator.comparingInt(system::cellRank))
                    .mapToInt(Integer::intValue).toArray();
        }

        /** A known cell's value: its count, or for an unknown outside the program, the base point's value. */
        private double known(int cell, BitSet withheld) {
            return unknown(system, withheld, cell) && base != null ? base.get(cell) : system.truth(cell);
        }

        /** Sum of the parts minus the total is zero. */
        private void equality(Relation r, Map<Integer, Variable> byCell, BitSet withheld) {
            Map<Variable, Integer> terms = new java.util.LinkedHashMap<>();
            double constant = 0;
            for (int p : ranked(r.parts())) {
                if (byCell.containsKey(p)) {
                    terms.merge(byCell.get(p), 1, Integer::sum);
                } else {
                    constant += known(p, withheld);
                }
            }
            if (byCell.containsKey(r.total())) {
                terms.merge(byCell.get(r.total()), -1, Integer::sum);
            } else {
                constant -= known(r.total(), withheld);
            }
            constrain(terms, -constant, -constant);
        }

        /**
         * A constraint of the model, {@code lower <= sum <= upper} (lower and upper equal: an equality), with these
         * coefficients: summed per cell, so that a part named twice counts twice and a total among its own parts cancels
         * out ({@code Expression.set} would keep only the last coefficient given).
         */
        private void constrain(Map<Variable, Integer> terms, double lower, double upper) {
            Expression e = model.addExpression();
            int[] at = new int[terms.size()];
            int[] coefficients = new int[terms.size()];
            int n = 0;
            for (Map.Entry<Variable, Integer> t : terms.entrySet()) {
                if (t.getValue() != 0) {
                    int index = model.indexOf(t.getKey());
                    e.set(t.getKey(), t.getValue());
                    referenced.set(index);
                    at[n] = index;
                    coefficients[n++] = t.getValue();
                }
            }
            if (lower == upper) {
                e.level(lower);
            } else {
                e.upper(upper);
            }
            constraints.add(new Constraint(java.util.Arrays.copyOf(at, n), java.util.Arrays.copyOf(coefficients, n), lower, upper));
        }

        /** One solve on the model the solves run on. */
        private Optimisation.Result solve(boolean maximise) {
            return solver.solve(solvable(), maximise);
        }

        /**
         * Whether a solve's values are a point that satisfies every relation of this program: ojAlgo counts "unbounded" as
         * feasible, and its values are not taken on trust either (its presolve, or a numerical slip, could give a point
         * outside the relations, which would widen a range beyond what a reader can tell): {@link #satisfies}.
         */
        private boolean tells(Optimisation.Result result) {
            boolean tells = result.getState().isFeasible() && result.getState() != Optimisation.State.UNBOUNDED && satisfies(result);
            if (!tells) {
                UNTOLD.increment();
            }
            toldOnce |= tells;
            return tells;
        }

        /**
         * Whether a solve's "infeasible" is believed, so that the program counts as inconsistent (under the additive
         * assumption, unaudited). Not when a point is known to satisfy the program: one a solve of it gave (this one
         * included), or the point it was made around (the true counts, or for a neighbourhood the base point restricted to
         * it); then the solver erred: in a neighbourhood the solve tells nothing (false), else {@link SolverMistake}. Else
         * only when the bounds prove it ({@link #boundsProveInfeasible}, no solver) or a certificate checked exactly does
         * ({@link #certifiedInfeasible}): the solver's word alone never makes a program infeasible.
         */
        private boolean infeasible(Optimisation.Result result) {
            if (result.getState() != Optimisation.State.INFEASIBLE) {
                return false;
            }
            // ojAlgo has called feasible programs infeasible, some while returning a point that satisfies them (its issues
            // #61, #70, #117, #546).
            if (toldOnce || satisfies(result) || satisfies(this::madeAround)) {
                if (base != null) {
                    // A neighbourhood holds its base point, so it is never infeasible: this solve tells nothing (its caller
                    // then finds it tells no point), and the cell goes on to a wider neighbourhood or is reported. Every
                    // range is widened only by points checked against their program, so one wrong answer cannot clear a
                    // cell; the rest of the component is audited as before (a 10M release's 16,293-cell component had every
                    // withheld cell, 2,224, reported for one such answer).
                    return false;
                }
                throw new SolverMistake();
            }
            boolean proved = boundsProveInfeasible(variables.size(), capped, constraints);
            if (DEBUG) {
                System.err.printf("infeasible: %d unknowns, %d constraints, proved by the bounds: %s%n", variables.size(), constraints.size(), proved);
            }
            if (proved) {
                return true;
            }
            if (!certifiedInfeasible()) {
                throw new SolverMistake();
            }
            return true;
        }

        /**
         * Whether a Farkas certificate proves the program infeasible: multipliers {@code y} of the constraints (at least 0
         * for an upper bound, at most 0 for an equality's lower side) under which every unknown's coefficient in the
         * combination is at least 0, so that over unknowns of at least 0 the combination is at least 0, while the same
         * combination of the constants is below 0. Found by a linear program through the solver (the least combination
         * of the constants, each multiplier within [-1, 1]), then made whole numbers and checked exactly
         * ({@link #certifies}): a wrong answer from the solver gives no certificate, never a false one. The unknowns'
         * upper caps are not used, so the certificate proves more than needed. Not made beyond {@link #CERTIFICATE_MODEL_LIMIT}.
         */
        private boolean certifiedInfeasible() {
            int m = constraints.size();
            long columns = constraints.stream().mapToLong(c -> c.lower() == c.upper() ? 2 : 1).sum() + variables.size() + 1;
            if ((variables.size() + 1L) * columns > CERTIFICATE_MODEL_LIMIT) {
                return false;
            }
            ExpressionsBasedModel farkas = new ExpressionsBasedModel();
            int[] above = new int[m];
            int[] below = new int[m];
            java.util.Arrays.fill(below, -1);
            for (int i = 0; i < m; i++) {
                Constraint c = constraints.get(i);
                above[i] = farkas.countVariables();
                farkas.addVariable().lower(0).upper(1).weight(c.upper());
                if (c.lower() == c.upper()) {
                    below[i] = farkas.countVariables();
                    farkas.addVariable().lower(0).upper(1).weight(-c.lower());
                }
            }
            Expression[] coefficient = new Expression[variables.size()];
            for (int i = 0; i < m; i++) {
                Constraint c = constraints.get(i);
                for (int t = 0; t < c.variables().length; t++) {
                    int j = c.variables()[t];
                    if (coefficient[j] == null) {
                        coefficient[j] = farkas.addExpression().lower(0);
                    }
                    // A constraint names each unknown once (its terms are summed per cell when it is made).
                    coefficient[j].set(above[i], c.coefficients()[t]);
                    if (below[i] >= 0) {
                        coefficient[j].set(below[i], -c.coefficients()[t]);
                    }
                }
            }
            Optimisation.Result least;
            try {
                least = solver.solve(farkas, false);
            } catch (RuntimeException e) {
                return false;
            }
            if (!least.getState().isFeasible() || least.count() != farkas.countVariables()) {
                return false;
            }
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                y[i] = least.doubleValue(above[i]) - (below[i] >= 0 ? least.doubleValue(below[i]) : 0);
            }
            java.math.BigInteger[] whole = wholeMultipliers(y);
            boolean certified = whole != null && certifies(variables.size(), constraints, whole);
            if (DEBUG) {
                System.err.printf("Farkas certificate: %d multipliers, %s, %s%n", m, least.getState(), certified ? "checked" : "none");
            }
            return certified;
        }

        /** Variable {@code i}'s value at the point this program was made around: the base point, or the true count. */
        private double madeAround(int i) {
            return base != null ? base.get(cells.get(i)) : system.truth(cells.get(i));
        }

        /** {@link #satisfies(java.util.function.IntToDoubleFunction)} for a solve's values, when it has one per variable. */
        private boolean satisfies(Optimisation.Result result) {
            return result.count() >= variables.size() && satisfies(result::doubleValue);
        }

        /**
         * Whether the point (each variable's value by index) satisfies every constraint as made. The tolerance is 10⁻⁶ for
         * each coefficient, plus 10⁻¹² of the size of the constant and of the terms at the point: neither a large constant
         * nor cells at {@link #NO_UPPER_BOUND} may excuse a wrong value of a small count (a cell at 1000 beside two at the
         * cap, or off by nearly 1 beside a constant of 10⁶, would pass a tolerance relative to them), while ojAlgo's points,
         * with 16 significant digits, pass.
         */
        private boolean satisfies(java.util.function.IntToDoubleFunction point) {
            for (int i = 0; i < variables.size(); i++) {
                double v = point.applyAsDouble(i);
                // An infinite value would make its own tolerance infinite, and a constraint's with it.
                if (!Double.isFinite(v)) {
                    return false;
                }
                double tolerance = EPSILON + 1e-12 * Math.abs(v);
                if (!(v >= -tolerance && (!capped.get(i) || v <= NO_UPPER_BOUND + tolerance))) {
                    return false;
                }
            }
            for (Constraint c : constraints) {
                double sum = 0;
                double scale = 1;
                double size = Math.abs(c.upper());
                for (int j = 0; j < c.variables().length; j++) {
                    double term = c.coefficients()[j] * point.applyAsDouble(c.variables()[j]);
                    sum += term;
                    scale += Math.abs(c.coefficients()[j]);
                    size += Math.abs(term);
                }
                double tolerance = EPSILON * scale + 1e-12 * size;
                if (!(sum >= c.lower() - tolerance && sum <= c.upper() + tolerance)) {
                    return false;
                }
            }
            return true;
        }

        /** Each part at most the total; the total at most the sum of the parts. */
        private void bounds(Relation r, Map<Integer, Variable> byCell, BitSet withheld) {
            Variable total = byCell.get(r.total());
            int[] parts = ranked(r.parts());
            for (int p : parts) {
                Variable part = byCell.get(p);
                if (part == null && total == null || p == r.total()) {
                    continue;
                }
                Map<Variable, Integer> terms = new java.util.LinkedHashMap<>();
                double constant = 0;
                if (part != null) {
                    terms.merge(part, 1, Integer::sum);
                } else {
                    constant += known(p, withheld);
                }
                if (total != null) {
                    terms.merge(total, -1, Integer::sum);
                } else {
                    constant -= known(r.total(), withheld);
                }
                constrain(terms, Double.NEGATIVE_INFINITY, -constant);
            }
            Map<Variable, Integer> sum = new java.util.LinkedHashMap<>();
            double constant = 0;
            if (total != null) {
                sum.merge(total, 1, Integer::sum);
            } else {
                constant += known(r.total(), withheld);
            }
            for (int p : parts) {
                if (byCell.containsKey(p)) {
                    sum.merge(byCell.get(p), -1, Integer::sum);
                } else {
                    constant -= known(p, withheld);
                }
            }
            constrain(sum, Double.NEGATIVE_INFINITY, -constant);
        }

        /** Exact ranges of every cell; false when the program is infeasible (inconsistent under the assumption). */
        boolean auditAll(List<Exposure> exposures, long[] programs) {
            int n = cells.size();
            Map<Integer, double[]> bounds = new HashMap<>();
            for (int c : cells) {
                double start = truthFeasible ? system.truth(c) : Double.NaN;
                bounds.put(c, new double[] {Double.isNaN(start) ? Double.POSITIVE_INFINITY : start,
                        Double.isNaN(start) ? Double.NEGATIVE_INFINITY : start});
            }
            if (!widen(bounds, programs)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                double[] b = bounds.get(cells.get(i));
                if (withheld.get(cells.get(i)) && !safe(system, cells.get(i), b[0], b[1])) {
                    Exposure exact = exactRange(i, programs);
                    if (exact == null) {
                        return false;
                    }
                    // The exact range holds every value found before; the union matters only where a solve told nothing.
                    double min = Math.min(b[0], exact.min());
                    double max = Math.max(b[1], exact.max());
                    if (!safe(system, cells.get(i), min, max)) {
                        exposures.add(new Exposure(cells.get(i), min, max));
                    }
                }
            }
            return true;
        }

        /** Widens the known bounds of this program's cells with vertices of random objectives; false when infeasible. */
        boolean widen(Map<Integer, double[]> bounds, long[] programs) {
            Random random = new Random(system.name(cells.get(0)).hashCode());
            boolean widenedBefore = true;
            int lonePreviously = -1;
            int loneRounds = 0;
            for (int round = 0; round < BATCH_ROUNDS; round++) {
                int open = 0;
                int lone = -1;
                for (int i = 0; i < cells.size(); i++) {
                    double[] b = bounds.get(cells.get(i));
                    boolean isOpen = withheld.get(cells.get(i)) && !safe(system, cells.get(i), b[0], b[1]);
                    if (isOpen) {
                        open++;
                        lone = i;
                    }
                    variable(i).weight(isOpen ? 0.5 + random.nextDouble() : 0);
                }
                if (open == 0) {
                    return true;
                }
                // The same one open cell for the last two rounds, a maximum and a minimum of it alone: both are known exactly,
                // and more rounds would find them again.
                loneRounds = open == 1 && lone == lonePreviously ? loneRounds + 1 : open == 1 ? 1 : 0;
                lonePreviously = open == 1 ? lone : -1;
                if (loneRounds > 2) {
                    return true;
                }
                Optimisation.Result result = solve(round % 2 == 0);
                programs[0]++;
                al.antitrafficking.warehouse.progress.Progress.step(1);
                if (infeasible(result)) {
                    return false;
                }
                if (!tells(result)) {
                    return true;
                }
                boolean widened = widenWith(result, bounds);
                // A maximum and a minimum in a row that moved no bound: the vertices are not getting any further.
                if (!widened && !widenedBefore) {
                    return true;
                }
                widenedBefore = widened;
            }
            return true;
        }

        /**
         * Any point that satisfies every relation; null when none does. A point is all this needs, so the solve's values are
         * taken whatever state ojAlgo gives with them once they satisfy every constraint ({@link #satisfies}), and else the
         * point the program was made around when it does: ojAlgo has called feasible programs infeasible, some with such a
         * point (a 10M release's 16,293-cell component did, docs/benchmarks.md), and then every withheld cell of the component
         * would be reported for want of a base point it had.
         */
        double[] feasiblePoint(long[] programs) {
            solvable().getVariables().forEach(v -> v.weight(0));
            Optimisation.Result result = solve(false);
            programs[0]++;
            al.antitrafficking.warehouse.progress.Progress.step(1);
            double[] point = new double[cells.size()];
            if (satisfies(result)) {
                toldOnce = true;
                for (int i = 0; i < point.length; i++) {
                    point[i] = result.doubleValue(i);
                }
                return point;
            }
            if (satisfies(this::madeAround)) {
                for (int i = 0; i < point.length; i++) {
                    point[i] = madeAround(i);
                }
                return point;
            }
            if (infeasible(result)) {
                return null;
            }
            // A failed solve, or a point that breaks a relation, is no evidence that the relations contradict each other.
            UNTOLD.increment();
            throw new SolverMistake();
        }

        /** The exact minimum and maximum of cell {@code i} in this program; null when the program is infeasible. */
        Exposure exactRange(int i, long[] programs) {
            return exactRange(i, programs, null);
        }

        /**
         * As {@link #exactRange(int, long[])}; with {@code bounds}, the two points found (each satisfies every relation,
         * as any point a solve tells) also widen the known bounds of every cell of the program, this one included.
         */
        Exposure exactRange(int i, long[] programs, Map<Integer, double[]> bounds) {
            solvable().getVariables().forEach(v -> v.weight(0));
            variable(i).weight(1);
            Optimisation.Result max = solve(true);
            Optimisation.Result min = solve(false);
            programs[0] += 2;
            al.antitrafficking.warehouse.progress.Progress.step(2);
            // Only a solve that reached a feasible point tells a value. A failed one tells nothing, nor does one ojAlgo calls
            // unbounded: every unknown is bounded, so that would be the solver's mistake, not a range. The cell then keeps
            // what was known of it (the caller's bounds), which errs towards withholding.
            boolean maxTells = tells(max);
            boolean minTells = tells(min);
            if (bounds != null) {
                if (maxTells) {
                    widenWith(max, bounds);
                }
                if (minTells) {
                    widenWith(min, bounds);
                }
            }
            if (infeasible(max) || infeasible(min)) {
                return null;
            }
            double upper = maxTells ? max.doubleValue(i) : Double.NEGATIVE_INFINITY;
            double lower = minTells ? min.doubleValue(i) : Double.POSITIVE_INFINITY;
            return new Exposure(cells.get(i), lower, upper);
        }

        /** Widens the known bounds of every cell of the program with a point a solve told; whether any bound moved. */
        private boolean widenWith(Optimisation.Result point, Map<Integer, double[]> bounds) {
            boolean widened = false;
            for (int j = 0; j < cells.size(); j++) {
                double v = point.doubleValue(j);
                double[] b = bounds.get(cells.get(j));
                widened |= v < b[0] - EPSILON || v > b[1] + EPSILON;
                b[0] = Math.min(b[0], v);
                b[1] = Math.max(b[1], v);
            }
            return widened;
        }
    }
}
