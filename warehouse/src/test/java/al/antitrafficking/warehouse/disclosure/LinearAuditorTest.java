package al.antitrafficking.warehouse.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ojalgo.optimisation.Optimisation;

/** The attacker's linear programs against ranges worked out by hand. */
class LinearAuditorTest {
    private final LinearAuditor auditor = new LinearAuditor(5, 3);

    private static BitSet cells(int... ids) {
        BitSet b = new BitSet();
        for (int id : ids) {
            b.set(id);
        }
        return b;
    }

    @Test
    void aLoneWithheldCellOfATableIsPinnedByItsMargins() {
        // [[3, 7], [6, 9]] with margins: the 3 alone is row total 10 minus 7.
        LinkedSystem s = Tables.withMargins(new long[][] {{3, 7}, {6, 9}});
        BitSet withheld = cells(Tables.at(0, 0, 2));

        LinearAuditor.Report report = auditor.audit(s, withheld, LinearAuditor.Assumption.AS_THEY_HOLD);

        assertThat(report.exposures()).singleElement().satisfies(e -> {
            assertThat(e.min()).isCloseTo(3, within(1e-6));
            assertThat(e.max()).isCloseTo(3, within(1e-6));
        });
    }

    @Test
    void aRectangleOfWithheldCellsLeavesEachARangeWorkedOutByHand() {
        // a + b = 10, c + d = 15, a + c = 9, b + d = 16; so b = 10 - a, c = 9 - a, d = 6 + a, every cell at least 0: a in [0, 9],
        // b in [1, 10], c in [0, 9], d in [6, 15].
        LinkedSystem s = Tables.withMargins(new long[][] {{3, 7}, {6, 9}});
        BitSet withheld = cells(Tables.at(0, 0, 2), Tables.at(0, 1, 2), Tables.at(1, 0, 2), Tables.at(1, 1, 2));

        assertThat(auditor.audit(s, withheld, LinearAuditor.Assumption.AS_THEY_HOLD).passed()).isTrue();
        LinearAuditor.Exposure b = auditor.range(s, withheld, LinearAuditor.Assumption.AS_THEY_HOLD, Tables.at(0, 1, 2));
        assertThat(b.min()).isCloseTo(1, within(1e-6));
        assertThat(b.max()).isCloseTo(10, within(1e-6));
        LinearAuditor.Exposure d = auditor.range(s, withheld, LinearAuditor.Assumption.AS_THEY_HOLD, Tables.at(1, 1, 2));
        assertThat(d.min()).isCloseTo(6, within(1e-6));
        assertThat(d.max()).isCloseTo(15, within(1e-6));
    }

    @Test
    void aPairOfWithheldCellsIsExposedWhenAnotherRelationPinsOne() {
        // 8 = x + y with x = 4 and y = 4 withheld; y is also the total of a published 4 alone (a quarter with one reported
        // month): y is exactly 4, so x is exactly 4.
        long[] truth = {8, 4, 4, 4};
        LinkedSystem s = new LinkedSystem(truth, new boolean[4]);
        s.add(new Relation(0, new int[] {1, 2}, Relation.Kind.EXACT));
        s.add(new Relation(2, new int[] {3}, Relation.Kind.EXACT));

        LinearAuditor.Report report = auditor.audit(s, cells(1, 2), LinearAuditor.Assumption.AS_THEY_HOLD);

        assertThat(report.exposures()).extracting(LinearAuditor.Exposure::cell).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void distinctChildrenBoundACellWhereTheAdditiveAttackerPinsIt() {
        // Total 10 children, part 6 published, part 5 withheld (a child counted in both): as they hold, the part lies in
        // [4, 10] (at most the total; the total at most the sum); assuming counts add up, it is exactly 10 - 6 = 4.
        long[] truth = {10, 6, 5};
        LinkedSystem s = new LinkedSystem(truth, new boolean[3]);
        s.add(new Relation(0, new int[] {1, 2}, Relation.Kind.DISTINCT));

        LinearAuditor.Exposure held = auditor.range(s, cells(2), LinearAuditor.Assumption.AS_THEY_HOLD, 2);
        assertThat(held.min()).isCloseTo(4, within(1e-6));
        assertThat(held.max()).isCloseTo(10, within(1e-6));
        assertThat(auditor.audit(s, cells(2), LinearAuditor.Assumption.AS_THEY_HOLD).passed()).isTrue();
        assertThat(auditor.audit(s, cells(2), LinearAuditor.Assumption.ADDITIVE).exposures()).singleElement()
                .satisfies(e -> assertThat(e.max()).isCloseTo(4, within(1e-6)));
    }

    @Test
    void publishedFiguresThatDoNotAddUpMakeTheAdditiveAttackInconsistent() {
        // 10 = 6 + 7 + x has no solution with x at least 0: an attacker assuming counts add up learns nothing here.
        long[] truth = {10, 6, 7, 1};
        LinkedSystem s = new LinkedSystem(truth, new boolean[4]);
        s.add(new Relation(0, new int[] {1, 2, 3}, Relation.Kind.DISTINCT));

        LinearAuditor.Report report = auditor.audit(s, cells(3), LinearAuditor.Assumption.ADDITIVE);

        assertThat(report.inconsistentComponents()).isEqualTo(1);
        assertThat(report.exposures()).isEmpty();
    }

    @Test
    void anAuditUnderBothAssumptionsReportsEachAssumptionsFindingsInTurn() {
        // Three components side by side. Cells 0-3: 8 = x + y, y the total of a published 4 alone: x and y are exactly 4
        // (relations exact, so audited once, as they hold). Cells 4-6: 10 children, parts 6 published and 5 withheld: as
        // they hold the part lies in [4, 10], adding up it is exactly 4. Cells 7-10: 10 = 6 + 7 + x cannot add up (x at
        // least 0): inconsistent under the additive assumption; as they hold x lies in [0, 10], safe.
        long[] truth = {8, 4, 4, 4, 10, 6, 5, 10, 6, 7, 1};
        LinkedSystem s = new LinkedSystem(truth, new boolean[truth.length]);
        s.add(new Relation(0, new int[] {1, 2}, Relation.Kind.EXACT));
        s.add(new Relation(2, new int[] {3}, Relation.Kind.EXACT));
        s.add(new Relation(4, new int[] {5, 6}, Relation.Kind.DISTINCT));
        s.add(new Relation(7, new int[] {8, 9, 10}, Relation.Kind.DISTINCT));
        BitSet withheld = cells(1, 2, 6, 10);

        LinearAuditor.Report both = auditor.auditBoth(s, withheld, withheld);

        assertThat(both.exposures()).extracting(LinearAuditor.Exposure::cell).containsExactly(1, 2, 6);
        assertThat(both.exposures()).allSatisfy(e -> {
            assertThat(e.min()).isCloseTo(4, within(1e-6));
            assertThat(e.max()).isCloseTo(4, within(1e-6));
        });
        assertThat(both.inconsistentComponents()).isEqualTo(1);
        // The same as one audit under each assumption, one after the other.
        LinearAuditor.Report held = auditor.audit(s, withheld, LinearAuditor.Assumption.AS_THEY_HOLD);
        LinearAuditor.Report additive = auditor.audit(s, withheld, LinearAuditor.Assumption.ADDITIVE);
        assertThat(both.exposures()).containsExactlyElementsOf(
                java.util.stream.Stream.concat(held.exposures().stream(), additive.exposures().stream()).toList());
        assertThat(both.linearPrograms()).isEqualTo(held.linearPrograms() + additive.linearPrograms());
    }

    @Test
    void aCellWithNoUpperBoundDoesNotHideAnotherCellOfItsComponentThatIsPinned() {
        // 10 = p + q with q published 8 pins p at 2. w = p + u links p to two more withheld cells, a relation that holds only
        // for an attacker who assumes counts add up (a hidden complement of distinct children): as the counts hold, u and w
        // are bound by nothing at all. Worked out by hand: p lies in [2, 2] under either assumption, a small count exposed.
        // (ojAlgo answers every later objective of a model in which it once found a variable bound by nothing
        // "unbounded": p's exact range would then come out open above and p pass as safe.)
        long[] truth = {10, 2, 8, 7, 5};
        LinkedSystem s = new LinkedSystem(truth, new boolean[5]);
        s.add(new Relation(0, new int[] {1, 2}, Relation.Kind.EXACT));
        s.add(new Relation(3, new int[] {1, 4}, Relation.Kind.IF_ADDITIVE));

        for (LinearAuditor.Assumption a : LinearAuditor.Assumption.values()) {
            assertThat(new LinearAuditor(5, 3).audit(s, cells(1, 3, 4), a).exposures()).as(a.name()).singleElement().satisfies(e -> {
                assertThat(e.cell()).isEqualTo(1);
                assertThat(e.min()).isCloseTo(2, within(1e-6));
                assertThat(e.max()).isCloseTo(2, within(1e-6));
            });
        }
    }

    @Test
    void theCellsTheRelationsBoundAboveAreFoundDownAndUpChainsUnderEachAssumption() {
        // Program cells 1 to 7; cell 0 is a known number. Worked out by hand, the relations taken in an order that needs
        // several passes: 0 = 1 + 2 bounds 1 and 2 (a known total); 3 = 1 + 2 (distinct children) bounds 3 (every part
        // bounded); 1 = 7 + 5 (distinct) bounds 7 and 5 (a bounded total); 4 = 3 + 5 and 6 = 4 + 2 hold only if counts add
        // up, so as the counts hold 4 and 6 are bound by nothing, and under the additive assumption 4 is (3 and 5 are) and
        // then 6 is (4 and 2 are).
        LinkedSystem s = new LinkedSystem(new long[] {10, 4, 6, 8, 9, 12, 1, 3}, new boolean[8]);
        s.add(new Relation(6, new int[] {4, 2}, Relation.Kind.IF_ADDITIVE));
        s.add(new Relation(4, new int[] {3, 5}, Relation.Kind.IF_ADDITIVE));
        s.add(new Relation(1, new int[] {7, 5}, Relation.Kind.DISTINCT));
        s.add(new Relation(3, new int[] {1, 2}, Relation.Kind.DISTINCT));
        s.add(new Relation(0, new int[] {1, 2}, Relation.Kind.EXACT));
        java.util.List<Integer> program = java.util.List.of(1, 2, 3, 4, 5, 6, 7);
        java.util.List<Integer> relations = java.util.List.of(0, 1, 2, 3, 4);

        // Positions in the program: cell c is at c - 1.
        assertThat(LinearAuditor.boundedAbove(s, program, relations, LinearAuditor.Assumption.AS_THEY_HOLD))
                .isEqualTo(cells(0, 1, 2, 4, 6));
        assertThat(LinearAuditor.boundedAbove(s, program, relations, LinearAuditor.Assumption.ADDITIVE))
                .isEqualTo(cells(0, 1, 2, 3, 4, 5, 6));
    }

    @Test
    void aPartNamedTwiceInARelationCountsTwice() {
        // 6 distinct children, each counted in a part named twice (p, p): p <= 6 and 6 <= p + p, so p lies in [3, 6], a
        // range of 3 that reaches 5: safe. Read as one p, 6 <= p would pin p at 6.
        LinkedSystem s = new LinkedSystem(new long[] {6, 3}, new boolean[2]);
        s.add(new Relation(0, new int[] {1, 1}, Relation.Kind.DISTINCT));

        LinearAuditor.Exposure p = auditor.range(s, cells(1), LinearAuditor.Assumption.AS_THEY_HOLD, 1);
        assertThat(p.min()).isCloseTo(3, within(1e-6));
        assertThat(p.max()).isCloseTo(6, within(1e-6));
        assertThat(auditor.audit(s, cells(1), LinearAuditor.Assumption.AS_THEY_HOLD).exposures()).isEmpty();
    }

    @Test
    void aTotalAmongItsOwnPartsSaysTheOtherPartsAreZero() {
        // 10 = t + 5 pins t at 5; t = t + x (rows) says x = 0, for a cell x never printed. With one coefficient for t the
        // second would read x = t, 5, and the truth would not satisfy it.
        LinkedSystem s = new LinkedSystem(new long[] {10, 5, 5, 0}, new boolean[4], cells(3));
        s.add(new Relation(0, new int[] {1, 2}, Relation.Kind.EXACT));
        s.add(new Relation(1, new int[] {1, 3}, Relation.Kind.EXACT));

        LinearAuditor.Exposure x = auditor.range(s, cells(1), LinearAuditor.Assumption.AS_THEY_HOLD, 3);
        assertThat(x.min()).isCloseTo(0, within(1e-6));
        assertThat(x.max()).isCloseTo(0, within(1e-6));
    }

    @Test
    void aCellNotReportedThatHasACountIsUnknownToAReaderAndAuditedWhenWithheld() {
        // 10 = a + n, n not reported but counting 4 (a pathway cell of a county and month no file came for), withheld as
        // the protection withholds such a small count. A reader sees no number for n: with a withheld too, each lies in
        // [0, 10], safe. With a = 6 printed, n is 10 - 6 = 4 exactly: exposed. (Held at 0, n made the true counts
        // contradict 10 = a + n; and as a known number, never audited, n = 4 passed.)
        boolean[] notReported = {false, false, true};
        LinkedSystem s = new LinkedSystem(new long[] {10, 6, 4}, notReported);
        s.add(new Relation(0, new int[] {1, 2}, Relation.Kind.EXACT));

        assertThat(auditor.audit(s, cells(1, 2), LinearAuditor.Assumption.AS_THEY_HOLD).exposures()).isEmpty();
        LinearAuditor.Exposure a = auditor.range(s, cells(1, 2), LinearAuditor.Assumption.AS_THEY_HOLD, 1);
        assertThat(a.min()).isCloseTo(0, within(1e-6));
        assertThat(a.max()).isCloseTo(10, within(1e-6));
        assertThat(auditor.audit(s, cells(2), LinearAuditor.Assumption.AS_THEY_HOLD).exposures()).singleElement().satisfies(e -> {
            assertThat(e.cell()).isEqualTo(2);
            assertThat(e.min()).isCloseTo(4, within(1e-6));
            assertThat(e.max()).isCloseTo(4, within(1e-6));
        });
    }

    @Test
    void aWithheldZeroIsKnownToTheAttackerSoItHidesNothing() {
        // 9 = x + z with z a withheld zero (a crossing of another county): x is 9 whatever z's mark says.
        long[] truth = {9, 9, 0};
        LinkedSystem s = new LinkedSystem(truth, new boolean[3]);
        s.add(new Relation(0, new int[] {1, 2}, Relation.Kind.EXACT));

        assertThat(auditor.audit(s, cells(1, 2), LinearAuditor.Assumption.AS_THEY_HOLD).exposures())
                .extracting(LinearAuditor.Exposure::cell).containsExactly(1);
    }

    @Test
    void aCellNeverPrintedIsUnknownEvenWhenNotWithheld() {
        // Denominator 12 published, numerator 9 withheld, their difference 3 never printed: the numerator lies in [0, 12].
        long[] truth = {12, 9, 3};
        java.util.BitSet hidden = cells(2);
        LinkedSystem s = new LinkedSystem(truth, new boolean[3], hidden);
        s.add(new Relation(0, new int[] {1, 2}, Relation.Kind.EXACT));

        LinearAuditor.Exposure n = auditor.range(s, cells(1), LinearAuditor.Assumption.AS_THEY_HOLD, 1);
        assertThat(n.min()).isCloseTo(0, within(1e-6));
        assertThat(n.max()).isCloseTo(12, within(1e-6));
    }

    /**
     * The pair of the test above (8 = x + y, y = q published 4) with the cells at other indices, named as a release names
     * them: {@code order} lists where total, x, y and q go; {@code pinned}: whether y = q is a relation.
     */
    private static LinkedSystem pair(int[] order, boolean pinned) {
        long[] truth = new long[4];
        String[] names = new String[4];
        long[] values = {8, 4, 4, 4};
        String[] labels = {"total", "x", "y", "q"};
        for (int i = 0; i < 4; i++) {
            truth[order[i]] = values[i];
            names[order[i]] = labels[i];
        }
        LinkedSystem s = new LinkedSystem(truth, new boolean[4], new BitSet(), java.util.List.of(names));
        s.add(new Relation(order[0], new int[] {order[1], order[2]}, Relation.Kind.EXACT));
        if (pinned) {
            s.add(new Relation(order[2], new int[] {order[3]}, Relation.Kind.EXACT));
        }
        return s;
    }

    @Test
    void anAuditorThatRemembersKnowsAComponentLaidOutAgainUnderOtherIndicesWithoutAProgram() {
        LinearAuditor remembering = new LinearAuditor(5, 3, Integer.MAX_VALUE, true);
        LinkedSystem first = pair(new int[] {0, 1, 2, 3}, true);
        LinearAuditor.Report solved = remembering.audit(first, cells(1, 2), LinearAuditor.Assumption.AS_THEY_HOLD);
        assertThat(solved.linearPrograms()).isPositive();
        assertThat(solved.exposures()).extracting(LinearAuditor.Exposure::cell).containsExactlyInAnyOrder(1, 2);

        // The same cells in reverse order: x is now cell 2 and y cell 1.
        LinkedSystem again = pair(new int[] {3, 2, 1, 0}, true);
        LinearAuditor.Report recalled = remembering.audit(again, cells(2, 1), LinearAuditor.Assumption.AS_THEY_HOLD);

        assertThat(recalled.linearPrograms()).isZero();
        assertThat(remembering.recalled()).isEqualTo(1);
        assertThat(recalled.exposures()).extracting(LinearAuditor.Exposure::cell).containsExactlyInAnyOrder(1, 2);
        assertThat(recalled.exposures()).allSatisfy(e -> {
            assertThat(e.min()).isCloseTo(4, within(1e-6));
            assertThat(e.max()).isCloseTo(4, within(1e-6));
        });
    }

    @Test
    void anAuditorThatRemembersSolvesAgainWhenARelationOrAWithheldCellDiffers() {
        LinearAuditor remembering = new LinearAuditor(5, 3, Integer.MAX_VALUE, true);
        remembering.audit(pair(new int[] {0, 1, 2, 3}, true), cells(1, 2), LinearAuditor.Assumption.AS_THEY_HOLD);

        // Without y = q the pair is x + y = 8 alone: each anywhere from 0 to 8, nothing exposed.
        LinearAuditor.Report unpinned = remembering.audit(pair(new int[] {0, 1, 2, 3}, false), cells(1, 2),
                LinearAuditor.Assumption.AS_THEY_HOLD);
        assertThat(unpinned.linearPrograms()).isPositive();
        assertThat(unpinned.passed()).isTrue();

        // q withheld as well: x + y = 8 and y = q leave y anywhere from 0 to 8, so nothing is exposed either.
        LinearAuditor.Report moreWithheld = remembering.audit(pair(new int[] {0, 1, 2, 3}, true), cells(1, 2, 3),
                LinearAuditor.Assumption.AS_THEY_HOLD);
        assertThat(moreWithheld.linearPrograms()).isPositive();
        assertThat(moreWithheld.passed()).isTrue();
        assertThat(remembering.recalled()).isZero();
    }

    /**
     * A 50 × 50 table with its margins, every other cell withheld and the whole first column (a checkerboard, whose
     * cells of even and of odd rows the first column links: one component of 1,275 withheld cells), and five withheld
     * cells near one corner each pinned by a published cell of the same children (at least the published cell, at most
     * it: a quarter with one reported month): those five are known exactly, whatever else is withheld. The pins count
     * distinct children, so the attacker who assumes counts add up audits the component too.
     */
    private static LinkedSystem checkerboardWithPins(BitSet withheld, int[] pinned) {
        int n = 50;
        java.util.Random random = new java.util.Random(7);
        long[][] counts = new long[n][n];
        for (long[] row : counts) {
            for (int c = 0; c < n; c++) {
                row[c] = 5 + random.nextInt(20);
            }
        }
        int[][] corners = {{0, 0}, {0, 2}, {2, 0}, {2, 2}, {4, 4}};
        for (int[] rc : corners) {
            counts[rc[0]][rc[1]] = 3;
        }
        LinkedSystem table = Tables.withMargins(counts);
        int size = table.size() + corners.length;
        long[] truth = new long[size];
        for (int i = 0; i < table.size(); i++) {
            truth[i] = table.truth(i);
        }
        for (int k = 0; k < corners.length; k++) {
            pinned[k] = Tables.at(corners[k][0], corners[k][1], n);
            truth[table.size() + k] = 3;
        }
        LinkedSystem s = new LinkedSystem(truth, new boolean[size]);
        table.relations().forEach(s::add);
        for (int k = 0; k < corners.length; k++) {
            s.add(new Relation(pinned[k], new int[] {table.size() + k}, Relation.Kind.DISTINCT));
        }
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                if ((r + c) % 2 == 0 || c == 0) {
                    withheld.set(Tables.at(r, c, n));
                }
            }
        }
        return s;
    }

    @Test
    void aComponentAuditedCellByCellReportsEveryCellTheExactAuditExposesAndTheWholeComponentReportsNoOther() {
        BitSet withheld = new BitSet();
        int[] pinned = new int[5];
        LinkedSystem s = checkerboardWithPins(withheld, pinned);
        LinearAuditor.Assumption a = LinearAuditor.Assumption.AS_THEY_HOLD;

        java.util.Set<Integer> exact = cellsOf(auditor.audit(s, withheld, a));
        // Cell by cell (no component is small enough for exact ranges), the last level over the whole component (1,275
        // cells, within a whole limit of 2,000), or, above a whole limit of 1,200, over a neighbourhood of 600 cells around
        // each cell.
        java.util.Set<Integer> whole = cellsOf(new LinearAuditor(5, 3, 0, false, 2000).audit(s, withheld, a));
        java.util.Set<Integer> neighbourhoods = cellsOf(new LinearAuditor(5, 3, 0, false, 1200).audit(s, withheld, a));

        assertThat(exact).contains(pinned[0], pinned[1], pinned[2], pinned[3], pinned[4]);
        assertThat(whole).isEqualTo(exact);
        assertThat(neighbourhoods).containsAll(exact);
    }

    private static java.util.Set<Integer> cellsOf(LinearAuditor.Report report) {
        java.util.Set<Integer> cells = new java.util.TreeSet<>();
        report.exposures().forEach(e -> cells.add(e.cell()));
        return cells;
    }

    /**
     * The same system with cell i moved to index {@code order[i]}, each cell named by its index in {@code s}; relations
     * added in reverse order, each with its parts reversed.
     */
    private static LinkedSystem laidOutAgain(LinkedSystem s, int[] order) {
        long[] truth = new long[s.size()];
        String[] names = new String[s.size()];
        for (int i = 0; i < s.size(); i++) {
            truth[order[i]] = s.truth(i);
            names[order[i]] = "cell " + i;
        }
        LinkedSystem moved = new LinkedSystem(truth, new boolean[s.size()], new BitSet(), java.util.List.of(names));
        java.util.List<Relation> relations = new java.util.ArrayList<>(s.relations());
        java.util.Collections.reverse(relations);
        for (Relation r : relations) {
            int[] parts = java.util.stream.IntStream.range(0, r.parts().length).map(i -> order[r.parts()[r.parts().length - 1 - i]]).toArray();
            moved.add(new Relation(order[r.total()], parts, r.kind()));
        }
        return moved;
    }

    private static BitSet moved(BitSet cells, int[] order) {
        BitSet out = new BitSet();
        cells.stream().forEach(c -> out.set(order[c]));
        return out;
    }

    private static java.util.Set<String> namesOf(LinkedSystem s, LinearAuditor.Report report) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        report.exposures().forEach(e -> names.add(s.name(e.cell())));
        return names;
    }

    @Test
    void aComponentTooLargeToBoundWholeIsAuditedAlikeInAnyLayoutSoItsFindingsCanBeRemembered() {
        BitSet withheld = new BitSet();
        LinkedSystem table = checkerboardWithPins(withheld, new int[5]);
        int n = table.size();
        int[] same = java.util.stream.IntStream.range(0, n).toArray();
        int[] reversed = java.util.stream.IntStream.range(0, n).map(i -> n - 1 - i).toArray();
        int[] shuffled = same.clone();
        java.util.Random random = new java.util.Random(11);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        LinkedSystem a = laidOutAgain(table, same);
        for (LinearAuditor.Assumption assumption : LinearAuditor.Assumption.values()) {
            // A component of 1,275 cells, above a whole limit of 1,200: a cell neither 120 nor 500 cells clear gets a
            // neighbourhood of 600.
            LinearAuditor.Report first = new LinearAuditor(5, 3, 0, false, 1200).audit(a, withheld, assumption);
            assertThat(first.linearPrograms()).isPositive();
            for (int[] order : java.util.List.of(reversed, shuffled)) {
                LinkedSystem b = laidOutAgain(table, order);
                LinearAuditor.Report again = new LinearAuditor(5, 3, 0, false, 1200).audit(b, moved(withheld, order), assumption);

                assertThat(namesOf(b, again)).isEqualTo(namesOf(a, first));
                assertThat(again.linearPrograms()).isEqualTo(first.linearPrograms());
            }
            LinearAuditor remembering = new LinearAuditor(5, 3, 0, true, 1200);
            remembering.audit(a, withheld, assumption);
            LinearAuditor.Report recalled = remembering.audit(laidOutAgain(table, shuffled), moved(withheld, shuffled), assumption);
            assertThat(recalled.linearPrograms()).isZero();
            assertThat(namesOf(laidOutAgain(table, shuffled), recalled)).isEqualTo(namesOf(a, first));
        }
    }

    /** Total 10 children, part 6 published, part 5 withheld (cell 2), distinct children: the additive attacker pins it at 4. */
    private static LinkedSystem distinctChildren() {
        LinkedSystem s = new LinkedSystem(new long[] {10, 6, 5}, new boolean[3]);
        s.add(new Relation(0, new int[] {1, 2}, Relation.Kind.DISTINCT));
        return s;
    }

    /** ojAlgo's own solve of the model, its state and its values (to be altered by a solver that errs). */
    private static Optimisation.Result ojAlgo(org.ojalgo.optimisation.ExpressionsBasedModel model, boolean maximise) {
        return maximise ? model.maximise() : model.minimise();
    }

    /** ojAlgo's solves, each point changed (given whether it is a maximum) before it is returned with ojAlgo's state. */
    private static LinearAuditor.Solver altered(java.util.function.BiConsumer<double[], Boolean> change) {
        return (model, maximise) -> {
            Optimisation.Result r = ojAlgo(model, maximise);
            double[] point = valuesOf(r, model.countVariables());
            change.accept(point, maximise);
            return Optimisation.Result.of(r.getState(), point);
        };
    }

    private static double[] valuesOf(Optimisation.Result r, int n) {
        double[] point = new double[n];
        for (int i = 0; i < n; i++) {
            point[i] = r.doubleValue(i);
        }
        return point;
    }

    /**
     * Under the additive assumption, the distinct-children system's cell 2 is reported (it is pinned at 4, and the solver's
     * answers cannot clear it) and its component is not counted inconsistent (which would leave it unaudited).
     */
    private static void reportedNotInconsistent(LinearAuditor.Solver solver, int exactLimit) {
        LinearAuditor.Report report = new LinearAuditor(5, 3, exactLimit, false, 8000, solver)
                .audit(distinctChildren(), cells(2), LinearAuditor.Assumption.ADDITIVE);

        assertThat(report.inconsistentComponents()).as("exact limit %d", exactLimit).isZero();
        assertThat(report.exposures()).as("exact limit %d", exactLimit).extracting(LinearAuditor.Exposure::cell).containsExactly(2);
    }

    /**
     * {@code programs} for the distinct-children system's programs (one unknown), and for any other model (the one that
     * proposes a certificate of an "infeasible") a made-up answer in {@code state}: every value 0 but the last, 4.
     */
    private static LinearAuditor.Solver othersLie(LinearAuditor.Solver programs, Optimisation.State state) {
        return (model, maximise) -> {
            if (model.countVariables() == 1) {
                return programs.solve(model, maximise);
            }
            double[] point = new double[model.countVariables()];
            point[point.length - 1] = 4;
            return Optimisation.Result.of(state, point);
        };
    }

    /** {@link #othersLie(LinearAuditor.Solver, Optimisation.State)}, "optimal". */
    private static LinearAuditor.Solver othersLie(LinearAuditor.Solver programs) {
        return othersLie(programs, Optimisation.State.OPTIMAL);
    }

    /** A solver that calls every model infeasible, with every unknown at 0. */
    private static final LinearAuditor.Solver DENYING = (model, maximise) ->
            Optimisation.Result.of(Optimisation.State.INFEASIBLE, new double[model.countVariables()]);

    /**
     * A solver that errs: "optimal" points that break the relations, every unknown at 1000 when it maximises and at 0 when it
     * minimises. Taken on trust, each withheld cell would range over [0, 1000].
     */
    private static final LinearAuditor.Solver ERRING = (model, maximise) -> {
        double[] point = new double[model.countVariables()];
        Arrays.fill(point, maximise ? 1000 : 0);
        return Optimisation.Result.of(Optimisation.State.OPTIMAL, point);
    };

    @Test
    void aCellPinnedByItsMarginsIsReportedWhenTheSolversPointsBreakTheRelations() {
        // The 3 is row total 10 minus 7 (the first test); the erring solver's [0, 1000] would clear it.
        LinkedSystem s = Tables.withMargins(new long[][] {{3, 7}, {6, 9}});
        LinearAuditor erring = new LinearAuditor(5, 3, Integer.MAX_VALUE, false, 8000, ERRING);

        LinearAuditor.Report report = erring.audit(s, cells(Tables.at(0, 0, 2)), LinearAuditor.Assumption.AS_THEY_HOLD);

        assertThat(report.exposures()).extracting(LinearAuditor.Exposure::cell).containsExactly(Tables.at(0, 0, 2));
    }

    @Test
    void cellsNoSolveCanClearAreReportedEvenWhenTheirTrueRangesAreWide() {
        // The rectangle of the second test: ranges 10 wide, but only a solver's points could show it, and none satisfies
        // the relations: every cell is reported (erring towards withholding).
        LinkedSystem s = Tables.withMargins(new long[][] {{3, 7}, {6, 9}});
        BitSet withheld = cells(Tables.at(0, 0, 2), Tables.at(0, 1, 2), Tables.at(1, 0, 2), Tables.at(1, 1, 2));
        LinearAuditor erring = new LinearAuditor(5, 3, Integer.MAX_VALUE, false, 8000, ERRING);

        assertThat(erring.audit(s, withheld, LinearAuditor.Assumption.AS_THEY_HOLD).exposures())
                .extracting(LinearAuditor.Exposure::cell).containsExactlyInAnyOrderElementsOf(withheld.stream().boxed().toList());
    }

    @Test
    void aLargeComponentsBasePointThatBreaksTheRelationsReportsEveryWithheldCell() {
        // Assuming counts add up, the 5 is exactly 10 - 6 = 4 (the distinct-children test), and the cell 3 equals it. Audited
        // cell by cell (exact limit 0), the component first needs a point that satisfies its relations; the erring solver's
        // 0 does not: both withheld cells are reported.
        long[] truth = {10, 6, 5, 5};
        LinkedSystem s = new LinkedSystem(truth, new boolean[4]);
        s.add(new Relation(0, new int[] {1, 2}, Relation.Kind.DISTINCT));
        s.add(new Relation(3, new int[] {2}, Relation.Kind.EXACT));
        LinearAuditor erring = new LinearAuditor(5, 3, 0, false, 8000, ERRING);

        LinearAuditor.Report report = erring.audit(s, cells(2, 3), LinearAuditor.Assumption.ADDITIVE);

        assertThat(report.inconsistentComponents()).isZero();
        assertThat(report.exposures()).extracting(LinearAuditor.Exposure::cell).containsExactlyInAnyOrder(2, 3);
    }

    @Test
    void aPointThatBreaksOnlyOneInequalityTellsNothing() {
        // Distinct children: total 4, part 3 published, part 2 withheld; as they hold, the part lies in [1, 4] (at most the
        // total; the total at most the sum), a small count whose range reaches neither 0 nor 5. The erring solver's 1000
        // breaks only "at most the total", its 0 only "the total at most the sum".
        long[] truth = {4, 3, 2};
        LinkedSystem s = new LinkedSystem(truth, new boolean[3]);
        s.add(new Relation(0, new int[] {1, 2}, Relation.Kind.DISTINCT));
        LinearAuditor erring = new LinearAuditor(5, 3, Integer.MAX_VALUE, false, 8000, ERRING);

        assertThat(auditor.audit(s, cells(2), LinearAuditor.Assumption.AS_THEY_HOLD).exposures())
                .extracting(LinearAuditor.Exposure::cell).containsExactly(2);
        assertThat(erring.audit(s, cells(2), LinearAuditor.Assumption.AS_THEY_HOLD).exposures())
                .extracting(LinearAuditor.Exposure::cell).containsExactly(2);
    }

    @Test
    void aWrongValueBesideCellsAtTheirCapIsNotExcusedByTheirSize() {
        // T = U + x and T = U + 2 (the 2 published), T withheld and U never printed: nothing bounds them, so both reach the
        // cap of 10^9 at a maximum, and x is exactly 2. A solver that gives ojAlgo's maximum but x at 1000 is off by 998 in
        // a relation whose terms are 2 * 10^9 in size.
        long[] truth = {1000, 998, 2, 2};
        BitSet neverPrinted = cells(1);
        LinkedSystem s = new LinkedSystem(truth, new boolean[4], neverPrinted);
        s.add(new Relation(0, new int[] {1, 2}, Relation.Kind.EXACT));
        s.add(new Relation(0, new int[] {1, 3}, Relation.Kind.EXACT));
        LinearAuditor.Solver slipping = altered((point, maximise) -> {
            boolean atCap = Arrays.stream(point).anyMatch(v -> v > 1e8);
            for (int i = 0; i < point.length && maximise && atCap; i++) {
                point[i] = point[i] > 1e8 ? point[i] : 1000;
            }
        });

        assertThat(new LinearAuditor(5, 3, Integer.MAX_VALUE, false, 8000, slipping).audit(s, cells(0, 2), LinearAuditor.Assumption.AS_THEY_HOLD)
                .exposures()).extracting(LinearAuditor.Exposure::cell).contains(2);
    }

    @Test
    void anInfeasibleAfterAPointThatSatisfiesTheProgramIsTheSolversMistake() {
        // The distinct-children system, assuming counts add up: the 5 is exactly 4. A solver right at its first solve and
        // "infeasible" after (and a made-up certificate), whole (exact limit unlimited) and cell by cell (0): not
        // inconsistent, the cell reported.
        for (int exactLimit : new int[] {Integer.MAX_VALUE, 0}) {
            int[] solves = {0};
            reportedNotInconsistent(othersLie((model, maximise) -> solves[0]++ == 0 ? ojAlgo(model, maximise) : DENYING.solve(model, maximise)),
                    exactLimit);
        }
    }

    @Test
    void anInfeasibleThatASecondSolveContradictsIsTheSolversMistake() {
        // The same system; the solver says "infeasible" at its first solve only. No certificate proves a feasible program
        // infeasible, so the component is not left unaudited as inconsistent (publishedFiguresThatDoNotAddUp... is the
        // real case).
        int[] solves = {0};
        reportedNotInconsistent((model, maximise) -> solves[0]++ == 0 ? DENYING.solve(model, maximise) : ojAlgo(model, maximise),
                Integer.MAX_VALUE);
    }

    @Test
    void anInfeasibleThatComesWithAPointSatisfyingTheProgramIsTheSolversMistake() {
        // The same system; every solve of the program says "infeasible" but returns ojAlgo's point, which satisfies it (as
        // ojAlgo's issue #546 did), and a certificate is made up: that point alone shows the solver erred.
        reportedNotInconsistent(othersLie((model, maximise) ->
                Optimisation.Result.of(Optimisation.State.INFEASIBLE, valuesOf(ojAlgo(model, maximise), 1))), Integer.MAX_VALUE);
    }

    @Test
    void aProgramTheTrueCountsSatisfyIsNotInfeasible() {
        // Total 10, part 6 published, part 4 withheld: the true counts add up, so assuming they do is no contradiction, and a
        // solver calling the program infeasible (and making up a certificate) erred: the 4, pinned, is reported.
        LinkedSystem s = new LinkedSystem(new long[] {10, 6, 4}, new boolean[3]);
        s.add(new Relation(0, new int[] {1, 2}, Relation.Kind.DISTINCT));

        LinearAuditor.Report report = new LinearAuditor(5, 3, Integer.MAX_VALUE, false, 8000, othersLie(DENYING))
                .audit(s, cells(2), LinearAuditor.Assumption.ADDITIVE);

        assertThat(report.inconsistentComponents()).isZero();
        assertThat(report.exposures()).extracting(LinearAuditor.Exposure::cell).containsExactly(2);
    }

    @Test
    void aWrongValueIsNotExcusedByALargeConstant() {
        // x + y = 1,000,002 (published) and y = 1,000,000 (the total of a published 1,000,000 alone), x = 2 and y withheld:
        // x is exactly 2. A solver off by 1 in each relation (x at 4 and y at 999,999 as a maximum, x at 0 and y at
        // 1,000,001 as a minimum) would give x the range [0, 4], and clear it, if the constant could excuse the error.
        long[] truth = {1_000_002, 1_000_000, 2, 1_000_000};
        LinkedSystem s = new LinkedSystem(truth, new boolean[4]);
        s.add(new Relation(0, new int[] {1, 2}, Relation.Kind.EXACT));
        s.add(new Relation(1, new int[] {3}, Relation.Kind.EXACT));
        LinearAuditor.Solver offByOne = altered((point, maximise) -> {
            for (int i = 0; i < point.length; i++) {
                point[i] += point[i] > 1000 ? (maximise ? -1 : 1) : (maximise ? 2 : -2);
            }
        });

        assertThat(new LinearAuditor(5, 3, Integer.MAX_VALUE, false, 8000, offByOne).audit(s, cells(1, 2), LinearAuditor.Assumption.AS_THEY_HOLD)
                .exposures()).extracting(LinearAuditor.Exposure::cell).contains(2);
    }

    @Test
    void aSolverThatCallsEveryProgramInfeasibleLeavesNoComponentUnaudited() {
        // The distinct-children system, assuming counts add up (the 5 is exactly 4; the true counts do not add up, so they
        // prove nothing): whole and cell by cell, "infeasible" from every solve, even of the certificate's model that is
        // always feasible, is the solver's mistake.
        for (int exactLimit : new int[] {Integer.MAX_VALUE, 0}) {
            reportedNotInconsistent(DENYING, exactLimit);
        }
    }

    @Test
    void aCertificateTheSolverMakesUpIsNotBelieved() {
        // The distinct-children system, assuming counts add up (x = 10 - 6 = 4; the true counts do not add up, so they prove
        // nothing). The solver calls the program infeasible and proposes multipliers that prove nothing, as "optimal" or
        // as merely "feasible": no multipliers prove a program a point satisfies infeasible, so the component is audited
        // (the cell reported), not left out as inconsistent on the solver's word.
        for (Optimisation.State state : new Optimisation.State[] {Optimisation.State.OPTIMAL, Optimisation.State.FEASIBLE}) {
            reportedNotInconsistent(othersLie(DENYING, state), Integer.MAX_VALUE);
        }
    }

    @Test
    void wholeMultipliersProveContradictionsExactlyAndNothingElse() {
        // x + y = 1 and x + y = 3: the first minus the second is 0 = -2.
        List<LinearAuditor.Constraint> twoSums = List.of(equal(1, 0, 1), equal(3, 0, 1));
        assertThat(LinearAuditor.certifies(2, twoSums, whole(1, -1))).isTrue();
        assertThat(LinearAuditor.certifies(2, twoSums, whole(3, -3))).isTrue();
        // The other way round 0 = 2, no contradiction; one of them alone neither.
        assertThat(LinearAuditor.certifies(2, twoSums, whole(-1, 1))).isFalse();
        assertThat(LinearAuditor.certifies(2, twoSums, whole(1, 0))).isFalse();
        // x + y <= 1 and x + y = 3: a multiplier below 0 may only take an equality's lower side.
        List<LinearAuditor.Constraint> atMost = List.of(new LinearAuditor.Constraint(new int[] {0, 1}, new int[] {1, 1}, Double.NEGATIVE_INFINITY, 1),
                equal(3, 0, 1));
        assertThat(LinearAuditor.certifies(2, atMost, whole(1, -1))).isTrue();
        assertThat(LinearAuditor.certifies(2, atMost, whole(-1, 1))).isFalse();
        // x - y = 2 and x = 1, so y = -1.
        List<LinearAuditor.Constraint> negative = List.of(new LinearAuditor.Constraint(new int[] {0, 1}, new int[] {1, -1}, 2, 2), equal(1, 0));
        // -(x - y) + x = y, at most -2 + 1 = -1 < 0, with y >= 0: a contradiction.
        assertThat(LinearAuditor.certifies(2, negative, whole(-1, 1))).isTrue();
        // (x - y) - x = -y: a coefficient below 0 bounds nothing.
        assertThat(LinearAuditor.certifies(2, negative, whole(1, -1))).isFalse();
        // The three overlapping pairs under the additive assumption: each pair sums to 1 and all three to 2, but the pairs
        // added give twice the three: the pairs minus twice the whole read 0 = 3 - 4.
        List<LinearAuditor.Constraint> pairs = List.of(equal(1, 0, 1), equal(1, 1, 2), equal(1, 0, 2), equal(2, 0, 1, 2));
        assertThat(LinearAuditor.certifies(3, pairs, whole(1, 1, 1, -2))).isTrue();
        assertThat(LinearAuditor.certifies(3, pairs, whole(-1, -1, -1, 2))).isFalse();
        // x = 1 holds for x = 1: minus it reads -x = -1, the constant below 0 but x's coefficient too, which proves nothing.
        assertThat(LinearAuditor.certifies(1, List.of(equal(1, 0)), whole(-1))).isFalse();
        // x + y = 1 and x = 3 give y = -2 from (first) - (second), but
        // (second) - (first) reads -y = 2, y's coefficient below 0.
        List<LinearAuditor.Constraint> short1 = List.of(equal(1, 0, 1), equal(3, 0));
        assertThat(LinearAuditor.certifies(2, short1, whole(1, -1))).isTrue();
        assertThat(LinearAuditor.certifies(2, short1, whole(-1, 1))).isFalse();
    }

    @Test
    void aSolversMultipliersBecomeWholeNumbersInTheSameProportions() {
        assertThat(LinearAuditor.wholeMultipliers(new double[] {0.5, -1.0 / 3, 1e-12, 1}))
                .containsExactly(whole(3, -2, 0, 6));
        assertThat(LinearAuditor.firstConvergent(0.1 + 0.2, 1_000_000, 1e-9)).containsExactly(3, 10);
        // Not within 10⁻⁹ of a fraction of denominator at most 1,000 (355/113 misses by 2.7 x 10⁻⁷); nothing from no number.
        assertThat(LinearAuditor.firstConvergent(Math.PI, 1_000, 1e-9)).isNull();
        assertThat(LinearAuditor.wholeMultipliers(new double[] {1, Double.NaN})).isNull();
    }

    private static java.math.BigInteger[] whole(long... values) {
        return Arrays.stream(values).mapToObj(java.math.BigInteger::valueOf).toArray(java.math.BigInteger[]::new);
    }

    @Test
    void figuresThatDoNotAddUpStayInconsistentWhenAuditedCellByCell() {
        // publishedFiguresThatDoNotAddUp... through a large component's base point (exact limit 0): 10 = 6 + 7 + x misses
        // by 3 at least, which the bounds prove.
        long[] truth = {10, 6, 7, 1};
        LinkedSystem s = new LinkedSystem(truth, new boolean[4]);
        s.add(new Relation(0, new int[] {1, 2, 3}, Relation.Kind.DISTINCT));

        LinearAuditor.Report report = new LinearAuditor(5, 3, 0).audit(s, cells(3), LinearAuditor.Assumption.ADDITIVE);

        assertThat(report.inconsistentComponents()).isEqualTo(1);
        assertThat(report.exposures()).isEmpty();
    }

    @Test
    void aRangeTheSolverCannotGiveIsTheTrueValueAlone() {
        // The rectangle of the second test, with a solver that calls it infeasible: the true counts satisfy it, so nothing the
        // solver says can be trusted, and the range asked for is the true 7 alone (which the rule reports).
        LinkedSystem s = Tables.withMargins(new long[][] {{3, 7}, {6, 9}});
        LinearAuditor erring = new LinearAuditor(5, 3, Integer.MAX_VALUE, false, 8000, DENYING);
        BitSet withheld = cells(Tables.at(0, 0, 2), Tables.at(0, 1, 2), Tables.at(1, 0, 2), Tables.at(1, 1, 2));

        LinearAuditor.Exposure b = erring.range(s, withheld, LinearAuditor.Assumption.AS_THEY_HOLD, Tables.at(0, 1, 2));

        assertThat(b.min()).isCloseTo(7, within(1e-6));
        assertThat(b.max()).isCloseTo(7, within(1e-6));
    }

    @Test
    void aFailedSolveIsNoEvidenceThatPublishedFiguresContradictEachOther() {
        // The same component with a solver that fails at every solve: not "inconsistent" (which would leave it unaudited
        // under the additive assumption), but every withheld cell reported.
        reportedNotInconsistent((model, maximise) -> Optimisation.Result.of(Optimisation.State.FAILED, new double[model.countVariables()]), 0);
    }

    @Test
    void figuresOneRelationContradictsAreInconsistentWithoutACertificate() {
        // 10 = 6 + 7 + x: x would be -3, below the 0 every count is at least, which the bounds alone prove. The model that
        // proposes a certificate fails here, so the proof cannot come from it: without one the cell would be reported.
        long[] truth = {10, 6, 7, 1};
        LinkedSystem s = new LinkedSystem(truth, new boolean[4]);
        s.add(new Relation(0, new int[] {1, 2, 3}, Relation.Kind.DISTINCT));

        for (int exactLimit : new int[] {Integer.MAX_VALUE, 0}) {
            LinearAuditor.Report report = new LinearAuditor(5, 3, exactLimit, false, 8000, othersFail(1))
                    .audit(s, cells(3), LinearAuditor.Assumption.ADDITIVE);

            assertThat(report.inconsistentComponents()).as("exact limit %d", exactLimit).isEqualTo(1);
            assertThat(report.exposures()).as("exact limit %d", exactLimit).isEmpty();
        }
    }

    @Test
    void figuresThatContradictOnlyTogetherNeedACertificate() {
        // x + y = 1, y + z = 1, x + z = 1 and x + y + z = 2 (distinct children, each of x, y, z truly 1 and withheld): adding
        // the first three, x + y + z = 1.5, so no counts add up to all four; yet every bound each relation gives is met by
        // some point (each of x, y, z in [0, 1]), so the bounds prove nothing and only a certificate does (the pairs minus
        // twice the whole: 0 = 3 - 4); when the solver fails to propose one, the cells are reported.
        LinkedSystem s = threeOverlappingPairs();

        LinearAuditor.Report confirmed = auditor.audit(s, cells(0, 1, 2), LinearAuditor.Assumption.ADDITIVE);
        LinearAuditor.Report unconfirmed = new LinearAuditor(5, 3, Integer.MAX_VALUE, false, 8000, othersFail(3))
                .audit(s, cells(0, 1, 2), LinearAuditor.Assumption.ADDITIVE);

        assertThat(confirmed.inconsistentComponents()).isEqualTo(1);
        assertThat(confirmed.exposures()).isEmpty();
        assertThat(unconfirmed.inconsistentComponents()).isZero();
        assertThat(unconfirmed.exposures()).extracting(LinearAuditor.Exposure::cell).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void boundsProveWhatOneConstraintOrAChainContradictsAndNoMore() {
        BitSet none = new BitSet();
        // x = -3.
        assertThat(LinearAuditor.boundsProveInfeasible(1, none, List.of(equal(-3, 0)))).isTrue();
        // a + b = 10 and a + b + c = 8: c = -2, found by bounds passed back and forth between the two.
        assertThat(LinearAuditor.boundsProveInfeasible(3, none, List.of(equal(10, 0, 1), equal(8, 0, 1, 2)))).isTrue();
        // x <= y - 1 and y <= x - 1, both capped: no pair, but the bounds fall from the cap by 1 a round, so the rounds allowed
        // end first; not proved.
        BitSet both = cells(0, 1);
        assertThat(LinearAuditor.boundsProveInfeasible(2, both, List.of(
                new LinearAuditor.Constraint(new int[] {0, 1}, new int[] {1, -1}, Double.NEGATIVE_INFINITY, -1),
                new LinearAuditor.Constraint(new int[] {1, 0}, new int[] {1, -1}, Double.NEGATIVE_INFINITY, -1)))).isFalse();
        // The three overlapping pairs: infeasible, not proved.
        assertThat(LinearAuditor.boundsProveInfeasible(3, none,
                List.of(equal(1, 0, 1), equal(1, 1, 2), equal(1, 0, 2), equal(2, 0, 1, 2)))).isFalse();
    }

    @Test
    void boundsNeverProveInfeasibleAProgramThatAPointSatisfies() {
        // Random programs made around a point of counts (coefficients 1, -1 or 2; equalities, and sums at most their value
        // at the point or a little more; some counts at 0, some near the cap): each is satisfied by its point, so a proof
        // would be false. Each program with two constraints more that contradict each other is proved.
        java.util.Random random = new java.util.Random(20261203);
        for (int round = 0; round < 5000; round++) {
            int n = 1 + random.nextInt(8);
            BitSet capped = new BitSet();
            double[] point = new double[n];
            for (int i = 0; i < n; i++) {
                point[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(10) == 0 ? LinearAuditor.NO_UPPER_BOUND - random.nextInt(3)
                        : random.nextInt(30);
                if (random.nextBoolean() || point[i] > 1000) {
                    capped.set(i);
                }
            }
            List<LinearAuditor.Constraint> constraints = new java.util.ArrayList<>();
            for (int k = 1 + random.nextInt(8); k > 0; k--) {
                List<Integer> at = new java.util.ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (random.nextInt(3) > 0) {
                        at.add(i);
                    }
                }
                int[] coefficients = new int[at.size()];
                double sum = 0;
                for (int j = 0; j < at.size(); j++) {
                    coefficients[j] = new int[] {1, 1, -1, 2}[random.nextInt(4)];
                    sum += coefficients[j] * point[at.get(j)];
                }
                int[] variables = at.stream().mapToInt(Integer::intValue).toArray();
                constraints.add(random.nextBoolean() ? new LinearAuditor.Constraint(variables, coefficients, sum, sum)
                        : new LinearAuditor.Constraint(variables, coefficients, Double.NEGATIVE_INFINITY, sum + random.nextInt(3)));
            }
            assertThat(LinearAuditor.boundsProveInfeasible(n, capped, constraints)).as("round %d", round).isFalse();
            // The first count said to be both its value and 100 more: each alone is met, the two together only through the
            // bounds the first gives the second.
            List<LinearAuditor.Constraint> contradicted = new java.util.ArrayList<>(constraints);
            contradicted.add(equal(point[0], 0));
            contradicted.add(equal(point[0] + 100, 0));
            assertThat(LinearAuditor.boundsProveInfeasible(n, capped, contradicted)).as("round %d, contradicted", round).isTrue();
        }
    }

    @Test
    void aCertificateTooLargeToSeekConfirmsNothing() {
        // A ring of n withheld cells, each truly 1, each two neighbours published together as 1 child and all n as (n + 1) / 2
        // (distinct children): adding up, the pairs make the ring n / 2, so no counts add up to all, and the bounds prove
        // nothing (each cell in [0, 1]). A ring of 5 is proven inconsistent by a certificate. A ring of 3,000 would need a
        // model for its certificate of 3,001 x 9,003 entries (6,002 multipliers and 3,000 slacks), more than the limit: it
        // is not made (the solver never sees a model larger than the program), so the solver's "infeasible" is not
        // believed and every cell is reported.
        LinearAuditor.Report small = auditor.audit(ring(5), cells(0, 1, 2, 3, 4), LinearAuditor.Assumption.ADDITIVE);
        assertThat(small.inconsistentComponents()).isEqualTo(1);
        assertThat(small.exposures()).isEmpty();

        int n = 3000;
        assertThat((n + 1L) * (2L * (n + 1) + n + 1)).isGreaterThan(LinearAuditor.CERTIFICATE_MODEL_LIMIT);
        int[] largest = {0};
        LinearAuditor.Solver denying = (model, maximise) -> {
            largest[0] = Math.max(largest[0], model.countVariables());
            return DENYING.solve(model, maximise);
        };
        BitSet ring = new BitSet();
        ring.set(0, n);
        LinearAuditor.Report large = new LinearAuditor(5, 3, Integer.MAX_VALUE, false, 8000, denying)
                .audit(ring(n), ring, LinearAuditor.Assumption.ADDITIVE);

        assertThat(largest[0]).isEqualTo(n);
        assertThat(large.inconsistentComponents()).isZero();
        assertThat(large.exposures()).hasSize(n);
    }

    /** Cells 0 to n - 1 withheld, each 1; cell n + i the published pair of i and the next (1); cell 2n all of them ((n + 1) / 2). */
    private static LinkedSystem ring(int n) {
        long[] truth = new long[2 * n + 1];
        Arrays.fill(truth, 1);
        truth[2 * n] = (n + 1) / 2;
        LinkedSystem s = new LinkedSystem(truth, new boolean[truth.length]);
        for (int i = 0; i < n; i++) {
            s.add(new Relation(n + i, new int[] {i, (i + 1) % n}, Relation.Kind.DISTINCT));
        }
        s.add(new Relation(2 * n, java.util.stream.IntStream.range(0, n).toArray(), Relation.Kind.DISTINCT));
        return s;
    }

    @Test
    void aBasePointOjAlgoCallsInfeasibleIsUsedWhenItSatisfiesEveryRelation() {
        // 30 children, parts 10, 12 and 15 withheld (distinct children, not adding up): adding up, each part ranges over
        // [0, 30], wide enough. Cell by cell (exact limit 0) the audit needs a base point; the first solve says
        // "infeasible" but gives ojAlgo's point, which satisfies the relation: a base point, so nothing is reported.
        // Before, the solver's mistake reported all three.
        LinkedSystem s = new LinkedSystem(new long[] {30, 10, 12, 15}, new boolean[4]);
        s.add(new Relation(0, new int[] {1, 2, 3}, Relation.Kind.DISTINCT));
        int[] solves = {0};
        LinearAuditor.Solver infeasibleFirst = (model, maximise) -> {
            Optimisation.Result r = ojAlgo(model, maximise);
            return solves[0]++ == 0 ? Optimisation.Result.of(Optimisation.State.INFEASIBLE, valuesOf(r, model.countVariables())) : r;
        };

        partsClearedCellByCell(s, infeasibleFirst, solves);
    }

    @Test
    void theTrueCountsAreTheBasePointWhenTheyAddUpAndTheSolverGivesNone() {
        // 30 children, parts 10, 12 and 8 withheld (distinct children that happen to add up). The first solve says
        // "infeasible" with every part at 0, which breaks the relation; the true counts satisfy it, so they are the base
        // point, and each part ranges over [0, 30]: nothing reported.
        LinkedSystem s = new LinkedSystem(new long[] {30, 10, 12, 8}, new boolean[4]);
        s.add(new Relation(0, new int[] {1, 2, 3}, Relation.Kind.DISTINCT));
        int[] solves = {0};
        LinearAuditor.Solver infeasibleFirst = (model, maximise) -> solves[0]++ == 0 ? DENYING.solve(model, maximise) : ojAlgo(model, maximise);

        partsClearedCellByCell(s, infeasibleFirst, solves);
    }

    @Test
    void aNeighbourhoodTheSolverCallsInfeasibleTellsNothingAndTheRestOfTheComponentIsStillAudited() {
        // The checkerboard's 1,275-cell component, above a whole limit of 1,200: every program is a neighbourhood around a
        // cell, the others held at the true counts, so each holds a point. A solver that calls every seventh solve
        // infeasible (every unknown at 0): those solves tell nothing. Every cell the exact audit exposes is still reported,
        // and not every withheld cell is (before, one such answer reported the whole component).
        BitSet withheld = new BitSet();
        LinkedSystem s = checkerboardWithPins(withheld, new int[5]);
        LinearAuditor.Assumption a = LinearAuditor.Assumption.AS_THEY_HOLD;
        int[] solves = {0};
        LinearAuditor.Solver everySeventh = (model, maximise) ->
                ++solves[0] % 7 == 0 ? DENYING.solve(model, maximise) : ojAlgo(model, maximise);

        java.util.Set<Integer> exact = cellsOf(auditor.audit(s, withheld, a));
        LinearAuditor.Report report = new LinearAuditor(5, 3, 0, false, 1200, everySeventh).audit(s, withheld, a);

        assertThat(solves[0]).isGreaterThanOrEqualTo(7);
        assertThat(cellsOf(report)).containsAll(exact).hasSizeLessThan(withheld.cardinality());
    }

    @Test
    void aBasePointWithAnInfiniteValueClearsNothing() {
        // The distinct-children system, assuming counts add up (the 5 is exactly 4), cell by cell: the first solve gives the
        // unknown at an infinite value (or none at all) under every state, later solves are ojAlgo's. An infinite value
        // once passed the check (its tolerance grew with it) and, as a base point, cleared the cell with no program run
        // (found by a review); it satisfies nothing, so the cell is reported.
        for (double value : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN}) {
            for (Optimisation.State state : List.of(Optimisation.State.OPTIMAL, Optimisation.State.FAILED,
                    Optimisation.State.INFEASIBLE, Optimisation.State.UNBOUNDED)) {
                int[] solves = {0};
                LinearAuditor.Solver infiniteFirst = (model, maximise) -> solves[0]++ == 0
                        ? Optimisation.Result.of(state, new double[] {value}) : ojAlgo(model, maximise);

                LinearAuditor.Report report = new LinearAuditor(5, 3, 0, false, 8000, infiniteFirst)
                        .audit(distinctChildren(), cells(2), LinearAuditor.Assumption.ADDITIVE);

                assertThat(report.exposures()).as("%s at %s", state, value).extracting(LinearAuditor.Exposure::cell).containsExactly(2);
            }
        }
    }

    /**
     * Cell by cell (exact limit 0), assuming counts add up: the withheld parts (cells 1-3) are all cleared, the component is
     * not inconsistent, and the solver was asked more than once.
     */
    private static void partsClearedCellByCell(LinkedSystem s, LinearAuditor.Solver solver, int[] solves) {
        LinearAuditor.Report report = new LinearAuditor(5, 3, 0, false, 8000, solver).audit(s, cells(1, 2, 3), LinearAuditor.Assumption.ADDITIVE);

        assertThat(solves[0]).isGreaterThan(1);
        assertThat(report.inconsistentComponents()).isZero();
        assertThat(report.exposures()).isEmpty();
    }

    /** The sum of the variables at these indices (each coefficient 1) equals {@code value}. */
    private static LinearAuditor.Constraint equal(double value, int... variables) {
        int[] ones = new int[variables.length];
        Arrays.fill(ones, 1);
        return new LinearAuditor.Constraint(variables, ones, value, value);
    }

    /** Cells 0-2 (x, y, z) withheld, each truly 1; cells 3-6 the published totals of x + y, y + z, x + z (1 each) and all three (2). */
    private static LinkedSystem threeOverlappingPairs() {
        LinkedSystem s = new LinkedSystem(new long[] {1, 1, 1, 1, 1, 1, 2}, new boolean[7]);
        s.add(new Relation(3, new int[] {0, 1}, Relation.Kind.DISTINCT));
        s.add(new Relation(4, new int[] {1, 2}, Relation.Kind.DISTINCT));
        s.add(new Relation(5, new int[] {0, 2}, Relation.Kind.DISTINCT));
        s.add(new Relation(6, new int[] {0, 1, 2}, Relation.Kind.DISTINCT));
        return s;
    }

    /** ojAlgo for the programs (models of {@code unknowns} variables); every other model (a certificate's) fails. */
    private static LinearAuditor.Solver othersFail(int unknowns) {
        return (model, maximise) -> model.countVariables() == unknowns ? ojAlgo(model, maximise)
                : Optimisation.Result.of(Optimisation.State.FAILED, new double[model.countVariables()]);
    }
}
