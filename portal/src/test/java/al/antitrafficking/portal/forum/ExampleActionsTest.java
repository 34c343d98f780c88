package al.antitrafficking.portal.forum;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.TestPortal;
import al.antitrafficking.warehouse.forum.Action;
import al.antitrafficking.warehouse.forum.ActionFilter;
import al.antitrafficking.warehouse.forum.ActionForm;
import al.antitrafficking.warehouse.forum.ActionStatus;
import al.antitrafficking.warehouse.forum.DuckDbForumStore;
import al.antitrafficking.warehouse.forum.ForumRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's made-up actions pass the forum rules, the personal-data guard included, unchanged (no fixture needed). */
class ExampleActionsTest {
    @TempDir
    Path dir;

    @Test
    void everyExampleActionPassesThePersonalDataGuardUnchanged() {
        ForumRules rules = TestPortal.rules(Set.of("children_encountered", "child_victims"));
        try (DuckDbForumStore store = DuckDbForumStore.open(dir.resolve("forums.duckdb"), rules, TestPortal.CLOCK)) {
            assertThat(ExampleActions.addIfEmpty(store)).isEqualTo(4);

            List<Action> actions = store.actions(ActionFilter.all());
            assertThat(actions).hasSize(4).allMatch(Action::example);
            assertThat(actions).extracting(Action::status).containsExactlyInAnyOrder(ActionStatus.IN_PROGRESS, ActionStatus.INTEGRATED,
                    ActionStatus.PROPOSED, ActionStatus.DONE);
            for (Action a : actions) {
                // Each field again as a person would retype it.
                rules.action(new ActionForm(a.forumId(), a.text(), a.finding(), a.responsibleInstitution(), a.countyCode(),
                        a.dueDate().toString(), a.indicators(), "Coordinator", a.version()), store.findForum(a.forumId()));
            }
        }
    }

    @Test
    void everyExampleActionReadsInAlbanianWithItsInstitutionFromTheReferenceList() {
        ForumRules rules = TestPortal.rules(Set.of("children_encountered", "child_victims"));
        try (DuckDbForumStore store = DuckDbForumStore.open(dir.resolve("forums.duckdb"), rules, TestPortal.CLOCK)) {
            ExampleActions.addIfEmpty(store);
            java.util.Map<String, String> albanian = store.translations("sq");

            for (Action a : store.actions(ActionFilter.all())) {
                assertThat(albanian).as(a.text()).containsKey(a.text()).containsKey(a.finding());
                assertThat(TestPortal.INSTITUTIONS.byName(a.responsibleInstitution())).as(a.responsibleInstitution())
                        .hasValueSatisfying(i -> assertThat(i.nameSq()).isNotEqualTo(i.name()));
            }
        }
    }
}
