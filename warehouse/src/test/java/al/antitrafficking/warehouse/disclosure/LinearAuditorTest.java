package al.antitrafficking.warehouse.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

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
}
