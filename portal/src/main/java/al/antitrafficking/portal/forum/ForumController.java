package al.antitrafficking.portal.forum;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.portal.Requests;
import al.antitrafficking.portal.access.ActionAccess;
import al.antitrafficking.portal.access.AuditLog;
import al.antitrafficking.portal.access.Principal;
import al.antitrafficking.portal.access.WebGuard;
import al.antitrafficking.warehouse.access.AuditEvent;
import al.antitrafficking.warehouse.forum.Forum;
import al.antitrafficking.warehouse.forum.ForumForm;
import al.antitrafficking.warehouse.forum.ForumStore;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/** Forums: list, view, create and edit. */
public final class ForumController {
    private final ForumStore store;
    private final ActionAccess access;
    private final AuditLog audit;

    public ForumController(ForumStore store, ActionAccess access, AuditLog audit) {
        this.store = requireNonNull(store, "store is null");
        this.access = requireNonNull(access, "access is null");
        this.audit = requireNonNull(audit, "audit is null");
    }

    public void list(Context ctx) {
        ctx.json(store.forums());
    }

    public void show(Context ctx) {
        long id = Requests.id(ctx);
        ctx.json(store.findForum(id).orElseThrow(() -> new NotFoundResponse("No forum " + id)));
    }

    /** Records a forum; its editor is the signed-in person, never a field of the body. */
    public void create(Context ctx) {
        Principal p = WebGuard.of(ctx);
        ForumForm form = Requests.read(ctx, ForumForm.class);
        access.requireForum(p, form.municipality());
        Forum created = store.createForum(signed(form, p));
        audit.record(ctx, AuditEvent.FORUM_CHANGED, "forum " + created.id(), "created", null);
        ctx.status(201).json(created);
    }

    public void update(Context ctx) {
        Principal p = WebGuard.of(ctx);
        long id = Requests.id(ctx);
        Forum current = store.findForum(id).orElseThrow(() -> new NotFoundResponse("No forum " + id));
        ForumForm form = Requests.read(ctx, ForumForm.class);
        access.requireForum(p, current.municipalityCode());
        access.requireForum(p, form.municipality());
        Forum updated = store.updateForum(id, signed(form, p));
        audit.record(ctx, AuditEvent.FORUM_CHANGED, "forum " + id, "edited", null);
        ctx.json(updated);
    }

    private static ForumForm signed(ForumForm f, Principal p) {
        return new ForumForm(f.heldOn(), f.municipality(), f.title(), f.context(), f.organisers(), f.objectives(), f.institutions(),
                f.findings(), f.sourceNote(), p.editor(), f.version());
    }
}
