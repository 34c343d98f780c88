package al.antitrafficking.portal.access;

import al.antitrafficking.warehouse.access.AuditEvent;
import al.antitrafficking.warehouse.access.AuditTrail;
import io.javalin.http.Context;

/** Records the events of a request in the audit trail, with who sent it (from the guard) and from where. */
public final class AuditLog {
    private final AuditTrail trail;
    private final WebGuard guard;

    public AuditLog(AuditTrail trail, WebGuard guard) {
        this.trail = trail;
        this.guard = guard;
    }

    public void record(Context ctx, String event, String what, String details, String snapshot) {
        record(ctx, WebGuard.of(ctx), event, what, details, snapshot, "ok");
    }

    public void record(Context ctx, Principal p, String event, String what, String details, String snapshot, String outcome) {
        trail.record(new AuditEvent(0, null, p.actor(), p.role(), event, what, details, snapshot, guard.clientAddress(ctx), outcome));
    }

    /** An event of someone not signed in (a failed sign-in names the username tried, never the password). */
    public void recordAnonymous(Context ctx, String actor, String event, String what, String outcome) {
        trail.record(new AuditEvent(0, null, actor, null, event, what, null, null, guard.clientAddress(ctx), outcome));
    }

    public AuditTrail trail() {
        return trail;
    }
}
