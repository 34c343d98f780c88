package al.antitrafficking.portal.access;

import al.antitrafficking.portal.Csv;
import al.antitrafficking.portal.Requests;
import al.antitrafficking.warehouse.access.AuditEvent;
import al.antitrafficking.warehouse.access.Passwords;
import al.antitrafficking.warehouse.access.User;
import al.antitrafficking.warehouse.access.UserForm;
import al.antitrafficking.warehouse.access.UserStore;
import al.antitrafficking.warehouse.forum.ForumBackups;
import al.antitrafficking.warehouse.forum.ForumStore;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** What administrators do: accounts, the audit trail, backups of the operational store. */
public final class AdminController {
    private static final int MAX_AUDIT_ROWS = 10_000;

    private final UserStore users;
    private final Sessions sessions;
    private final AuditLog audit;
    private final ForumStore store;
    private final Path backupDir;
    private final int backupsKept;
    private final Clock clock;

    public AdminController(UserStore users, Sessions sessions, AuditLog audit, ForumStore store, Path backupDir, int backupsKept, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.store = store;
        this.backupDir = backupDir;
        this.backupsKept = backupsKept;
        this.clock = clock;
    }

    /** A new account as an administrator sends it: the account and its first password (to be changed at first sign-in). */
    public record NewUser(String username, String displayName, String role, String county, String institution, String password) {}

    /** A password an administrator sets (the person must change it at next sign-in). */
    public record PasswordReset(String password) {}

    /** The answer to a backup: the file's name in the configured backup folder (never a server path). */
    public record Backup(String file, int kept) {}

    public void listUsers(Context ctx) {
        ctx.json(users.users().stream().map(SessionController.UserView::of).toList());
    }

    public void createUser(Context ctx) {
        NewUser form = Requests.read(ctx, NewUser.class);
        char[] password = form.password() == null ? new char[0] : form.password().toCharArray();
        try {
            User created = users.create(new UserForm(form.username(), form.displayName(), form.role(), form.county(), form.institution(),
                    false, null), password, WebGuard.of(ctx).actor());
            // Chosen by the administrator: the person picks their own at first sign-in.
            created = users.setPassword(created.username(), password, true, WebGuard.of(ctx).actor());
            audit.record(ctx, AuditEvent.USER_CHANGED, "user " + created.username(), "created with role " + created.role().id()
                    + scope(created), null);
            ctx.status(201).json(SessionController.UserView.of(created));
        } finally {
            Passwords.wipe(password);
        }
    }

    public void updateUser(Context ctx) {
        String username = Requests.name(ctx);
        User before = users.find(username).orElseThrow(() -> new NotFoundResponse("No user " + username));
        UserForm form = Requests.read(ctx, UserForm.class);
        User after = users.update(before.username(), form, WebGuard.of(ctx).actor());
        if (after.disabled() || after.role() != before.role() || !java.util.Objects.equals(after.county(), before.county())
                || !java.util.Objects.equals(after.institution(), before.institution())) {
            sessions.endAllOf(after.username());
        }
        audit.record(ctx, AuditEvent.USER_CHANGED, "user " + after.username(), "role " + after.role().id() + scope(after)
                + (after.disabled() ? ", disabled" : ", enabled"), null);
        ctx.json(SessionController.UserView.of(after));
    }

    public void resetPassword(Context ctx) {
        String username = Requests.name(ctx);
        User user = users.find(username).orElseThrow(() -> new NotFoundResponse("No user " + username));
        PasswordReset form = Requests.read(ctx, PasswordReset.class);
        char[] password = form.password() == null ? new char[0] : form.password().toCharArray();
        try {
            users.setPassword(user.username(), password, true, WebGuard.of(ctx).actor());
        } finally {
            Passwords.wipe(password);
        }
        sessions.endAllOf(user.username());
        audit.record(ctx, AuditEvent.PASSWORD_CHANGED, "user " + user.username(), "reset by an administrator", null);
        ctx.json(SessionController.UserView.of(users.find(user.username()).orElseThrow()));
    }

    public void auditTrail(Context ctx) {
        ctx.json(events(ctx));
    }

    public void auditExport(Context ctx) {
        List<AuditEvent> events = events(ctx);
        audit.record(ctx, AuditEvent.EXPORT, ctx.path(), "rows " + events.size(), null);
        List<List<?>> rows = new java.util.ArrayList<>();
        rows.add(List.of("id", "at", "actor", "role", "event", "what", "details", "snapshot", "remote", "outcome"));
        for (AuditEvent e : events) {
            rows.add(java.util.Arrays.asList(e.id(), e.at(), e.actor(), e.role(), e.event(), e.what(), e.details(), e.snapshot(),
                    e.remote(), e.outcome()));
        }
        String csv = Csv.of(rows);
        ctx.header("Content-Disposition", "attachment; filename=\"audit-trail.csv\"");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.result(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    public void backup(Context ctx) {
        Path file = ForumBackups.backup(store, backupDir, clock, backupsKept);
        audit.record(ctx, AuditEvent.BACKUP, "operational store", file.getFileName().toString(), null);
        ctx.status(201).json(new Backup(file.getFileName().toString(), backupsKept));
    }

    private List<AuditEvent> events(Context ctx) {
        int limit = Optional.ofNullable(ctx.queryParam("limit")).map(s -> {
            if (!s.matches("[1-9][0-9]{0,4}")) {
                throw new BadRequestResponse("Cannot read limit: a whole number from 1 to " + MAX_AUDIT_ROWS);
            }
            return Math.min(Integer.parseInt(s), MAX_AUDIT_ROWS);
        }).orElse(500);
        String actor = Optional.ofNullable(ctx.queryParam("actor")).filter(s -> !s.isBlank()).orElse(null);
        String event = Optional.ofNullable(ctx.queryParam("event")).filter(s -> !s.isBlank()).orElse(null);
        return audit.trail().newest(limit, actor, event);
    }

    private static String scope(User u) {
        return u.county() != null ? ", county " + u.county() : u.institution() != null ? ", institution " + u.institution() : "";
    }
}
