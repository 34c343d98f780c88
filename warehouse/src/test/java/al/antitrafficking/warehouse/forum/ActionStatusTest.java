package al.antitrafficking.warehouse.forum;

import static al.antitrafficking.warehouse.forum.ActionStatus.DONE;
import static al.antitrafficking.warehouse.forum.ActionStatus.DROPPED;
import static al.antitrafficking.warehouse.forum.ActionStatus.INTEGRATED;
import static al.antitrafficking.warehouse.forum.ActionStatus.IN_PROGRESS;
import static al.antitrafficking.warehouse.forum.ActionStatus.PROPOSED;
import static al.antitrafficking.warehouse.forum.ActionStatus.UNDER_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActionStatusTest {
    /** The workflow of DOMAIN.md and issue 6, written out pair by pair. */
    private static final Set<List<ActionStatus>> ALLOWED = Set.of(
            List.of(PROPOSED, UNDER_REVIEW), List.of(PROPOSED, DROPPED),
            List.of(UNDER_REVIEW, PROPOSED), List.of(UNDER_REVIEW, INTEGRATED), List.of(UNDER_REVIEW, DROPPED),
            List.of(INTEGRATED, IN_PROGRESS), List.of(INTEGRATED, DROPPED),
            List.of(IN_PROGRESS, DONE), List.of(IN_PROGRESS, DROPPED));

    @Test
    void allowsExactlyTheWorkflowsTransitions() {
        Set<List<ActionStatus>> actual = new HashSet<>();
        for (ActionStatus from : ActionStatus.values()) {
            for (ActionStatus to : ActionStatus.values()) {
                if (from.canMoveTo(to)) {
                    actual.add(List.of(from, to));
                }
            }
        }
        assertThat(actual).isEqualTo(ALLOWED);
    }

    @Test
    void doneAndDroppedAreFinalAndNotOpen() {
        assertThat(DONE.next()).isEmpty();
        assertThat(DROPPED.next()).isEmpty();
        assertThat(DONE.open()).isFalse();
        assertThat(IN_PROGRESS.open()).isTrue();
    }
}
