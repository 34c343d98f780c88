package al.antitrafficking.portal.access;

import al.antitrafficking.warehouse.access.Capability;
import al.antitrafficking.warehouse.access.User;
import al.antitrafficking.warehouse.forum.Action;
import al.antitrafficking.warehouse.forum.ActionStatus;
import al.antitrafficking.warehouse.reference.Territory;
import io.javalin.http.ForbiddenResponse;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may change which forum or action, beyond the route's capability: a regional committee member only in their county
 * (an action's county, a forum's municipality's county), a partner organisation only the actions its institution is
 * responsible for (notes and status, not the action's text), and only the coordinator's office decides a review (moves
 * an action out of "under review", to "integrated into the NRM plan" or back to "proposed").
 */
public final class ActionAccess {
    private final Territory territory;

    public ActionAccess(Territory territory) {
        this.territory = territory;
    }

    /** May create an action for this county (a code or a name as typed), or edit an action's text, county or due date. */
    public void requireCounty(Principal p, String county) {
        if (p.can(Capability.EDIT_ACTIONS_ANY)) {
            return;
        }
        User user = p.user().orElseThrow();
        if (p.can(Capability.EDIT_ACTIONS_COUNTY) && countyCode(county).map(c -> c.equals(user.county())).orElse(false)) {
            return;
        }
        throw new ForbiddenResponse("Refused: your account may change actions of county " + Optional.ofNullable(user.county()).orElse("(none)")
                + " only" + (p.can(Capability.EDIT_ACTIONS_INSTITUTION) ? " (a partner organisation adds notes and moves the status of its own actions)" : ""));
    }

    /** May add notes to the action and move its status. */
    public void requireFollowUp(Principal p, Action action) {
        if (p.can(Capability.EDIT_ACTIONS_ANY)) {
            return;
        }
        User user = p.user().orElseThrow();
        if (p.can(Capability.EDIT_ACTIONS_COUNTY) && action.countyCode().equals(user.county())) {
            return;
        }
        if (p.can(Capability.EDIT_ACTIONS_INSTITUTION) && user.institution() != null
                && action.responsibleInstitution().strip().toLowerCase(Locale.ROOT).equals(user.institution().strip().toLowerCase(Locale.ROOT))) {
            return;
        }
        throw new ForbiddenResponse("Refused: this action is not of your county or your institution");
    }

    /** May move the action to this status. */
    public void requireStatus(Principal p, Action action, String target) {
        requireFollowUp(p, action);
        String t = target == null ? "" : target.strip();
        // Under review, integrated or in progress, an action is the coordinator's: only the office decides it, or drops it.
        boolean coordinators = action.status() == ActionStatus.UNDER_REVIEW || (t.equalsIgnoreCase("DROPPED")
                && (action.status() == ActionStatus.INTEGRATED || action.status() == ActionStatus.IN_PROGRESS));
        if ((coordinators || t.equalsIgnoreCase("INTEGRATED")) && !p.can(Capability.INTEGRATE_ACTIONS)) {
            throw new ForbiddenResponse("Refused: only the National Coordinator's office decides a review, and drops an action under "
                    + "review or in the NRM plan");
        }
    }

    /** May create or edit a forum held in this municipality (a code or a name as typed). */
    public void requireForum(Principal p, String municipality) {
        if (p.can(Capability.EDIT_ACTIONS_ANY)) {
            return;
        }
        User user = p.user().orElseThrow();
        boolean inCounty = territory.findMunicipality(municipality == null ? "" : municipality.strip())
                .map(m -> m.countyCode().equals(user.county())).orElse(false);
        if (p.can(Capability.EDIT_ACTIONS_COUNTY) && inCounty) {
            return;
        }
        throw new ForbiddenResponse("Refused: your account may record forums of county " + Optional.ofNullable(user.county()).orElse("(none)")
                + " only");
    }

    private Optional<String> countyCode(String county) {
        if (county == null || county.isBlank()) {
            return Optional.empty();
        }
        String c = county.strip();
        return territory.findCounty(c.toUpperCase(Locale.ROOT)).map(x -> x.code()).or(() -> territory.counties().stream()
                .filter(x -> x.name().equalsIgnoreCase(c) || x.nameEn().equalsIgnoreCase(c)).map(x -> x.code()).findFirst());
    }
}
