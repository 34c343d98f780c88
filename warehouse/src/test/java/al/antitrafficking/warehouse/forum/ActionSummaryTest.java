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
                new ActionSummary.Row("AL-07", 3, 2, 1, 1, 0, 1),
                new ActionSummary.Row("AL-10", 2, 1, 0, 0, 1, 1));
        assertThat(s.total()).isEqualTo(new ActionSummary.Row("", 5, 3, 1, 1, 1, 2));
        assertThat(s.examplesLeftOut()).isEqualTo(1);
        assertThat(s.examplesCounted()).isZero();
    }

    @Test
    void countsByResponsibleInstitution() {
        ActionSummary s = ActionSummary.of(ACTIONS, ActionSummary.By.INSTITUTION, TODAY);

        assertThat(s.rows()).containsExactly(
                new ActionSummary.Row("Border Police", 2, 2, 1, 0, 0, 1),
                new ActionSummary.Row("CPU Kukës", 2, 1, 0, 1, 0, 1),
                new ActionSummary.Row("CPU Shkodër", 1, 0, 0, 0, 1, 0));
    }

    @Test
    void countsByForumInForumOrderAndCountsExamplesOnlyWhenAsked() {
        // Forum 2: the example (proposed, overdue since 2020) and one in progress; forum 10: one done, one dropped.
        List<Action> actions = List.of(
                withForum(ACTIONS.get(5), 2), withForum(ACTIONS.get(1), 2),
                withForum(ACTIONS.get(2), 10), withForum(ACTIONS.get(4), 10));

        ActionSummary facts = ActionSummary.of(actions, ActionSummary.By.FORUM, TODAY);
        ActionSummary withExamples = ActionSummary.of(actions, ActionSummary.By.FORUM, TODAY, true);

        assertThat(facts.rows()).containsExactly(
                new ActionSummary.Row("2", 1, 1, 1, 0, 0, 0),
                new ActionSummary.Row("10", 2, 1, 0, 1, 1, 0));
        assertThat(withExamples.rows()).containsExactly(
                new ActionSummary.Row("2", 2, 1, 1, 0, 0, 1),
                new ActionSummary.Row("10", 2, 1, 0, 1, 1, 0));
        assertThat(List.of(withExamples.examplesLeftOut(), withExamples.examplesCounted())).containsExactly(0, 1);
        assertThat(List.of(facts.examplesLeftOut(), facts.examplesCounted())).containsExactly(1, 0);
    }

    private static Action withForum(Action a, long forumId) {
        return new Action(a.id(), forumId, a.text(), a.finding(), a.responsibleInstitution(), a.countyCode(), a.dueDate(), a.status(),
                a.dropReason(), a.indicators(), a.example(), a.version(), a.updatedAt(), a.updatedBy());
    }
}
