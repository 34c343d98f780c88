package al.antitrafficking.warehouse.access;

import java.util.List;

/** The append-only audit trail: events are added, never changed or removed. */
public interface AuditTrail {
    /** Records an event; {@code id} and {@code at} of the argument are ignored (the trail numbers and stamps it). */
    AuditEvent record(AuditEvent event);

    /** The newest events first, at most {@code limit}, optionally of one actor or one kind of event. */
    List<AuditEvent> newest(int limit, String actor, String event);
}
