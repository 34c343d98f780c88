package al.antitrafficking.portal.forum;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.portal.Requests;
import al.antitrafficking.portal.access.ActionAccess;
import al.antitrafficking.portal.access.AuditLog;
import al.antitrafficking.portal.access.Principal;
import al.antitrafficking.portal.access.WebGuard;
import al.antitrafficking.warehouse.access.AuditEvent;
import al.antitrafficking.warehouse.forum.Action;
import al.antitrafficking.warehouse.forum.ActionFilter;
import al.antitrafficking.warehouse.forum.Forum;
import al.antitrafficking.warehouse.forum.ForumForm;
import al.antitrafficking.warehouse.forum.ForumStore;
import al.antitrafficking.warehouse.forum.TranslationForm;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * Saves what one of this forum's texts, or of its actions, reads in Albanian or English. A translation belongs to the
     * exact words wherever they appear, so the person must be able to edit every forum (by its municipality) and every
     * action (by its county) that holds these words now, not only the forum named: a county's editor cannot change how
     * another county's forum reads by typing the same words into their own. The text must be one of this forum's as it
     * is now (a text edited since the page was loaded is refused), and the translation passes the personal-data guard.
     * The text is never echoed in an error.
     */
    public void translate(Context ctx) {
        Principal p = WebGuard.of(ctx);
        long id = Requests.id(ctx);
        Forum forum = store.findForum(id).orElseThrow(() -> new NotFoundResponse("No forum " + id));
        access.requireForum(p, forum.municipalityCode());
        TranslationForm form = Requests.read(ctx, TranslationForm.class);
        String source = form.source() == null ? "" : form.source().strip();
        List<Action> actions = store.actions(ActionFilter.all());
        if (!texts(forum).contains(source) && actions.stream().noneMatch(a -> a.forumId() == id && holds(a, source))) {
            throw new BadRequestResponse("Cannot save the translation: the text is not one of this forum's or its actions' texts as "
                    + "they are now (edited since the page was loaded? load it again)");
        }
        try {
            for (Forum other : store.forums()) {
                if (texts(other).contains(source)) {
                    access.requireForum(p, other.municipalityCode());
                }
            }
            for (Action a : actions) {
                if (holds(a, source)) {
                    access.requireCounty(p, a.countyCode());
                }
            }
        } catch (ForbiddenResponse elsewhere) {
            throw new ForbiddenResponse("Refused: the same words appear in a forum or action of a county your account may not edit; "
                    + "only someone who may edit all of them (the national coordinator's office) can translate them");
        }
        TranslationForm saved = store.translate(form);
        audit.record(ctx, AuditEvent.FORUM_CHANGED, "forum " + id, "translated into " + saved.language(), null);
        // What is now stored: the translation as saved, or none ("") after a blank one removed it.
        ctx.json(Map.of("source", saved.source(), "language", saved.language(),
                "translation", saved.translation() == null ? "" : saved.translation()));
    }

    /** Every text of a forum that a page shows translated. */
    private static Set<String> texts(Forum f) {
        Set<String> texts = new HashSet<>();
        texts.add(f.title());
        texts.add(f.context());
        texts.addAll(f.organisers());
        texts.addAll(f.objectives());
        texts.addAll(f.institutions());
        texts.addAll(f.findings());
        if (f.sourceNote() != null) {
            texts.add(f.sourceNote());
        }
        return texts;
    }

    private static boolean holds(Action a, String text) {
        return text.equals(a.text()) || text.equals(a.finding());
    }

    private static ForumForm signed(ForumForm f, Principal p) {
        return new ForumForm(f.heldOn(), f.municipality(), f.title(), f.context(), f.organisers(), f.objectives(), f.institutions(),
                f.findings(), f.sourceNote(), p.editor(), f.version());
    }
}
