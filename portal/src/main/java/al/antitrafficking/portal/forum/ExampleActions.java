package al.antitrafficking.portal.forum;

import al.antitrafficking.warehouse.forum.Action;
import al.antitrafficking.warehouse.forum.ActionFilter;
import al.antitrafficking.warehouse.forum.ActionForm;
import al.antitrafficking.warehouse.forum.DuckDbForumStore;
import al.antitrafficking.warehouse.forum.StatusChange;
import java.util.List;

/**
 * Made-up actions for the demo, added only when {@code forums.example-actions=true} and the store has no
 * action yet. The seed report names no concrete actions: these are flagged as examples in the store,
 * and every page and export says so.
 */
public final class ExampleActions {
    private static final String FRAGMENTED = "efforts in child protection are still very fragmented";
    private static final String COORDINATION = "coordination between different local structures is incomplete";
    private static final String CONVERGENCE = "there are still issues with the convergence between the different established "
            + "mechanisms such as the Child Protection System and the National Referral Mechanism of Victims of Trafficking";
    private static final String EDITOR = "demo data";

    private ExampleActions() {}

    public static int addIfEmpty(DuckDbForumStore store) {
        if (!store.actions(ActionFilter.all()).isEmpty()) {
            return 0;
        }
        add(store, new ActionForm(2L, "Joint monthly case review of the Border Police at Morinë and the Kukës Child Protection Unit "
                + "for every unaccompanied child met at the crossing", COORDINATION, "Regional Anti-trafficking Committee Kukës",
                "AL-07", "2026-06-30", List.of("children_encountered", "child_victims"), EDITOR, null), "IN_PROGRESS");
        add(store, new ActionForm(1L, "Written referral protocol from the Border Police at Kakavijë to the Gjirokastër CPU, "
                + "with a referral within 7 days", CONVERGENCE, "Border Police Directorate Gjirokastër", "AL-05", "2027-03-31",
                List.of("children_encountered"), EDITOR, null), "INTEGRATED");
        add(store, new ActionForm(1L, "Training for municipal social services on identifying child victims of trafficking",
                FRAGMENTED, "Regional Directorate of Social Services Gjirokastër", "AL-05", "2026-12-31",
                List.of("child_victims"), EDITOR, null), "PROPOSED");
        add(store, new ActionForm(2L, "Shared contact list of all child protection structures in Kukës county", COORDINATION,
                "County Council Kukës", "AL-07", "2026-09-30", List.of(), EDITOR, null), "DONE");
        return 4;
    }

    private static void add(DuckDbForumStore store, ActionForm form, String finalStatus) {
        Action action = store.createExampleAction(form);
        for (String status : List.of("UNDER_REVIEW", "INTEGRATED", "IN_PROGRESS", "DONE")) {
            if (action.status().name().equals(finalStatus)) {
                return;
            }
            action = store.changeStatus(action.id(), new StatusChange(status, null, EDITOR, action.version()));
        }
    }
}
