package al.antitrafficking.warehouse.release;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.disclosure.Protection;
import org.junit.jupiter.api.Test;

/** Which cells of a ledger the protection withheld: what the audit tool and a correction's final audit start from. */
class ReleaseCellTest {
    private static final CellKey KEY = CellKey.of("pathway.first_nrm_date.rows", "*", "AL-08", "2026-10");

    @Test
    void aSmallCountPrintedNotReportedThatTheProtectionWithheldCountsAsWithheld() {
        assertThat(new ReleaseCell(KEY, 2, null, ReleaseCell.Status.NOT_REPORTED, Protection.Reason.SMALL_COUNT).withheld()).isTrue();
        assertThat(new ReleaseCell(KEY, 2, null, ReleaseCell.Status.WITHHELD, Protection.Reason.SMALL_COUNT).withheld()).isTrue();
    }

    @Test
    void aCellNotReportedThatTheProtectionLeftAloneAndAPrintedCellDoNot() {
        assertThat(new ReleaseCell(KEY, 12, null, ReleaseCell.Status.NOT_REPORTED, null).withheld()).isFalse();
        assertThat(new ReleaseCell(KEY, 12, null, ReleaseCell.Status.PUBLISHED, null).withheld()).isFalse();
    }
}
