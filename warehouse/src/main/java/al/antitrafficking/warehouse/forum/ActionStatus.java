package al.antitrafficking.warehouse.forum;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a forum action: proposed → under review by the National Coordinator → integrated into the
 * NRM plan → in progress → done; or dropped (with a reason) from any status before done. A review may
 * send an action back to proposed. Done and dropped are final.
 */
public enum ActionStatus {
    PROPOSED,
    UNDER_REVIEW,
    INTEGRATED,
    IN_PROGRESS,
    DONE,
    DROPPED;

    public Set<ActionStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(UNDER_REVIEW, DROPPED);
            case UNDER_REVIEW -> EnumSet.of(PROPOSED, INTEGRATED, DROPPED);
            case INTEGRATED -> EnumSet.of(IN_PROGRESS, DROPPED);
            case IN_PROGRESS -> EnumSet.of(DONE, DROPPED);
            case DONE, DROPPED -> EnumSet.noneOf(ActionStatus.class);
        };
    }

    public boolean canMoveTo(ActionStatus target) {
        return next().contains(target);
    }

    /** Open actions can be overdue; done and dropped ones cannot. */
    public boolean open() {
        return this != DONE && this != DROPPED;
    }
}
