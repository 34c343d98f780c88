package al.antitrafficking.portal.forum;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.portal.Requests;
import al.antitrafficking.warehouse.forum.ForumForm;
import al.antitrafficking.warehouse.forum.ForumStore;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/** Forums: list, view, create and edit. */
public final class ForumController {
    private final ForumStore store;

    public ForumController(ForumStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    public void list(Context ctx) {
        ctx.json(store.forums());
    }

    public void show(Context ctx) {
        long id = Requests.id(ctx);
        ctx.json(store.findForum(id).orElseThrow(() -> new NotFoundResponse("No forum " + id)));
    }

    public void create(Context ctx) {
        ctx.status(201).json(store.createForum(Requests.read(ctx, ForumForm.class)));
    }

    public void update(Context ctx) {
        long id = Requests.id(ctx);
        store.findForum(id).orElseThrow(() -> new NotFoundResponse("No forum " + id));
        ctx.json(store.updateForum(id, Requests.read(ctx, ForumForm.class)));
    }
}
