package al.antitrafficking.warehouse.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** The protection against the attacker of {@link LinearAuditor}, on tables worked out by hand. */
class ProtectionTest {
    private final Protection protection = new Protection(5, true);
    private final LinearAuditor exact = new LinearAuditor(5, 3);

    // A 4 × 4 table with its margins; the 2 in row 1, column 2 is the only small count.
    private static final long[][] TABLE = {{12, 9, 14, 7}, {8, 11, 2, 16}, {15, 6, 10, 9}, {7, 13, 8, 12}};

    private boolean passes(LinkedSystem s, BitSet withheld) {
        return exact.audit(s, withheld, LinearAuditor.Assumption.AS_THEY_HOLD).passed()
                && exact.audit(s, withheld, LinearAuditor.Assumption.ADDITIVE).passed();
    }

    @Test
    void aSmallCountAndItsComplementsPassTheExactAudit() {
        LinkedSystem s = Tables.withMargins(TABLE);

        Protection.Result result = protection.protect(s, Protection.Carried.none(), 10);

        assertThat(result.complete()).isTrue();
        assertThat(result.withheld().get(Tables.at(1, 2, 4))).isTrue();
        assertThat(result.reasons()[Tables.at(1, 2, 4)]).isEqualTo(Protection.Reason.SMALL_COUNT);
        // Hiding one cell of a table with margins needs at least a rectangle: four cells.
        assertThat(result.withheld().cardinality()).isGreaterThanOrEqualTo(4);
        assertThat(passes(s, result.withheld())).isTrue();
    }

    @Test
    void aSmallCountNotReportedIsProtectedLikeAPrintedOne() {
        // 15 = 8 + 5 + n, n = 2 a pathway cell of a month no file came for: printed "not reported", yet with 15, 8 and 5
        // printed a reader has n = 2. It is withheld as a small count and a partner in its relation with it, after which n
        // lies in a range of at least 3 (worked out by the exact audit).
        boolean[] notReported = {false, false, false, true};
        LinkedSystem s = new LinkedSystem(new long[] {15, 8, 5, 2}, notReported);
        s.add(new Relation(0, new int[] {1, 2, 3}, Relation.Kind.EXACT));

        Protection.Result result = protection.protect(s, Protection.Carried.none(), 10);

        assertThat(result.withheld().get(3)).isTrue();
        assertThat(result.reasons()[3]).isEqualTo(Protection.Reason.SMALL_COUNT);
        assertThat(result.withheld().get(0) || result.withheld().get(1) || result.withheld().get(2)).isTrue();
        assertThat(passes(s, result.withheld())).isTrue();
        BitSet alone = new BitSet();
        alone.set(3);
        assertThat(passes(s, alone)).as("n withheld alone").isFalse();
    }

    @Test
    void aCellNotReportedThatTheLastReleaseWithheldStaysWithheld() {
        // 20 = 8 + 6 + 6; the last release withheld the third cell (it was then a small count under a higher minimum, or a
        // partner), and its count is unchanged but not reported now. Held by the auditor as a known number, its partners
        // could be printed and last release's pattern undone: it stays withheld, as carried.
        boolean[] notReported = {false, false, false, true};
        LinkedSystem s = new LinkedSystem(new long[] {20, 8, 6, 6}, notReported);
        s.add(new Relation(0, new int[] {1, 2, 3}, Relation.Kind.EXACT));
        BitSet before = new BitSet();
        before.set(3);

        Protection.Result result = protection.protect(s, new Protection.Carried(before, new BitSet()), 10);

        assertThat(result.withheld().get(3)).isTrue();
        assertThat(result.reasons()[3]).isEqualTo(Protection.Reason.CARRIED);
        assertThat(passes(s, result.withheld())).isTrue();
    }

    @Test
    void publishingAnySingleComplementaryCellAgainFailsTheAudit() {
        LinkedSystem s = Tables.withMargins(TABLE);
        Protection.Result result = protection.protect(s, Protection.Carried.none(), 10);

        for (int c = result.withheld().nextSetBit(0); c >= 0; c = result.withheld().nextSetBit(c + 1)) {
            if (result.reasons()[c] == Protection.Reason.COMPLEMENTARY) {
                BitSet fewer = (BitSet) result.withheld().clone();
                fewer.clear(c);
                assertThat(passes(s, fewer)).as("the pattern without complementary cell %d", c).isFalse();
            }
        }
    }

    @Test
    void aCellWithheldBeforeWhoseCountHasNotChangedStaysWithheld() {
        // The previous release withheld the 16 of row 1 (a complement then); nothing changed, so it is withheld again, and a
        // published 9 of row 0 that readers already know is never chosen as a complement.
        LinkedSystem s = Tables.withMargins(TABLE);
        BitSet before = new BitSet();
        before.set(Tables.at(1, 3, 4));
        BitSet known = new BitSet();
        known.set(Tables.at(0, 1, 4));

        Protection.Result result = protection.protect(s, new Protection.Carried(before, known), 10);

        assertThat(result.withheld().get(Tables.at(1, 3, 4))).isTrue();
        assertThat(result.reasons()[Tables.at(1, 3, 4)]).isEqualTo(Protection.Reason.CARRIED);
        assertThat(result.withheld().get(Tables.at(0, 1, 4))).isFalse();
        assertThat(passes(s, result.withheld())).isTrue();
    }

    @Test
    void zeroIsPublishedAndNeverAComplement() {
        long[][] sparse = {{0, 9, 14}, {3, 0, 16}, {15, 6, 0}};
        LinkedSystem s = Tables.withMargins(sparse);

        Protection.Result result = protection.protect(s, Protection.Carried.none(), 10);

        for (int c = result.withheld().nextSetBit(0); c >= 0; c = result.withheld().nextSetBit(c + 1)) {
            assertThat(s.truth(c)).as("withheld cell %d", c).isPositive();
        }
        assertThat(passes(s, result.withheld())).isTrue();
    }

    @Test
    void aSmallCountThatCannotBeProtectedIsReportedNotPublished() {
        // 12 = 3 + 9 + 0: the total and the 9 are already known to readers (the previous release published them, unchanged),
        // and a zero hides nothing: nothing can keep the 3 from being worked out, and the protection says so.
        long[] truth = {12, 3, 9, 0};
        LinkedSystem s = new LinkedSystem(truth, new boolean[4]);
        s.add(new Relation(0, new int[] {1, 2, 3}, Relation.Kind.EXACT));
        BitSet known = new BitSet();
        known.set(0);
        known.set(2);

        Protection.Result result = protection.protect(s, new Protection.Carried(new BitSet(), known), 3);

        assertThat(result.complete()).isFalse();
        assertThat(result.unprotected()).contains(1);
        assertThat(result.withheld().get(1)).isTrue();
    }
}
