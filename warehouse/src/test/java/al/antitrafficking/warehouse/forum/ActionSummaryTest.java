package al.antitrafficking.warehouse.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionSummaryTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    static Action action(long id, String county, String institution, ActionStatus status, LocalDate due, boolean example) {
        return new Action(id, 1, "text", "finding", institution, county, due, status, status == ActionStatus.DROPPED ? "why" : null,
                List.of(), example, 1, "2026-01-01T00:00:00Z", "tester");
    }

    // Kukës: a proposed action overdue since 1 March, one in progress due today (not overdue), one done long ago.
    // Shkodër: one integrated and overdue, one dropped past its due date (not overdue: dropped). One example in Kukës.
    static final List<Action> ACTIONS = List.of(
            action(1, "AL-07", "CPU Kukës", ActionStatus.PROPOSED, LocalDate.of(2026, 3, 1), false),
            action(2, "AL-07", "Border Police", ActionStatus.IN_PROGRESS, TODAY, false),
            action(3, "AL-07", "CPU Kukës", ActionStatus.DONE, LocalDate.of(2025, 1, 1), false),
            action(4, "AL-10", "Border Police", ActionStatus.INTEGRATED, LocalDate.of(2026, 2, 1), false),
            action(5, "AL-10", "CPU Shkodër", ActionStatus.DROPPED, LocalDate.of(2026, 1, 1), false),
            action(6, "AL-07", "CPU Kukës", ActionStatus.PROPOSED, LocalDate.of(2020, 1, 1), true));

    @Test
    void countsByCountyLeaveExamplesOut() {
        ActionSummary s = ActionSummary.of(ACTIONS, ActionSummary.By.COUNTY, TODAY);

        assertThat(s.rows()).containsExactly(
                new ActionSummary.Row("AL-07", 3, 2, 1, 0, 1),
                new ActionSummary.Row("AL-10", 2, 1, 0, 1, 1));
        assertThat(s.total()).isEqualTo(new ActionSummary.Row("", 5, 3, 1, 1, 2));
        assertThat(s.examplesLeftOut()).isEqualTo(1);
    }

    @Test
    void countsByResponsibleInstitution() {
        ActionSummary s = ActionSummary.of(ACTIONS, ActionSummary.By.INSTITUTION, TODAY);

        assertThat(s.rows()).containsExactly(
                new ActionSummary.Row("Border Police", 2, 2, 0, 0, 1),
                new ActionSummary.Row("CPU Kukës", 2, 1, 1, 0, 1),
                new ActionSummary.Row("CPU Shkodër", 1, 0, 0, 1, 0));
    }
}
