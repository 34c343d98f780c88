package al.antitrafficking.portal.access;

import al.antitrafficking.portal.Requests;
import al.antitrafficking.warehouse.access.AuditEvent;
import al.antitrafficking.warehouse.access.Capability;
import al.antitrafficking.warehouse.access.Passwords;
import al.antitrafficking.warehouse.access.User;
import al.antitrafficking.warehouse.access.UserStore;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpResponseException;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Sign-in, the current session, sign-out and a change of one's own password. */
public final class SessionController {
    private final UserStore users;
    private final Sessions sessions;
    private final SignInThrottle throttle;
    private final WebGuard guard;
    private final AuditLog audit;
    private final Duration sessionMax;

    public SessionController(UserStore users, Sessions sessions, SignInThrottle throttle, WebGuard guard, AuditLog audit, Duration sessionMax) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.guard = guard;
        this.audit = audit;
        this.sessionMax = sessionMax;
    }

    /** A sign-in as sent: username and password. */
    public record SignIn(String username, String password) {}

    /** A change of one's own password. */
    public record PasswordChange(String currentPassword, String newPassword) {}

    /** Who is signed in (null when nobody), what they may do, and the token their changes must carry. */
    public record SessionView(UserView user, List<String> capabilities, String csrfToken) {}

    /** An account as shown to its owner and to administrators: never its password hash. */
    public record UserView(String username, String displayName, String role, String county, String institution, boolean disabled,
                           boolean mustChangePassword, int version) {
        public static UserView of(User u) {
            return new UserView(u.username(), u.displayName(), u.role().id(), u.county(), u.institution(), u.disabled(),
                    u.mustChangePassword(), u.version());
        }
    }

    public void show(Context ctx) {
        ctx.json(view(WebGuard.of(ctx)));
    }

    public void signIn(Context ctx) {
        SignIn form = Requests.read(ctx, SignIn.class);
        String username = form.username() == null ? "" : form.username().strip();
        if (username.isEmpty() || username.length() > 100 || form.password() == null || form.password().length() > 1000) {
            throw new HttpResponseException(400, "Cannot sign in: give a username and a password");
        }
        String address = guard.clientAddress(ctx);
        Optional<Duration> wait = throttle.locked(username, address);
        if (wait.isPresent()) {
            audit.recordAnonymous(ctx, username, AuditEvent.SIGN_IN_FAILED, "session", "throttled");
            ctx.header("Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds())));
            throw new HttpResponseException(429, "Too many failed sign-ins: try again in " + Math.max(1, wait.get().toMinutes() + 1)
                    + " minutes");
        }
        char[] password = form.password().toCharArray();
        Optional<User> user;
        try {
            user = users.authenticate(username, password);
        } finally {
            Passwords.wipe(password);
        }
        if (user.isEmpty()) {
            throttle.failed(username, address);
            audit.recordAnonymous(ctx, username, AuditEvent.SIGN_IN_FAILED, "session", "wrong username or password");
            throw new HttpResponseException(401, "Cannot sign in: wrong username or password");
        }
        throttle.succeeded(username);
        // A new session id at every sign-in; any session the browser had ends.
        WebGuard.of(ctx).session().ifPresent(s -> sessions.end(s.id()));
        Sessions.Session session = sessions.create(user.get().username());
        setCookie(ctx, session.id(), (int) sessionMax.toSeconds());
        audit.record(ctx, new Principal(user, Optional.of(session), java.util.Set.of()), AuditEvent.SIGN_IN, "session", null, null, "ok");
        ctx.json(new SessionView(UserView.of(user.get()), capabilities(user.get()), session.csrfToken()));
    }

    public void signOut(Context ctx) {
        Principal p = WebGuard.of(ctx);
        p.session().ifPresent(s -> sessions.end(s.id()));
        setCookie(ctx, "", 0);
        audit.record(ctx, p, AuditEvent.SIGN_OUT, "session", null, null, "ok");
        ctx.status(204);
    }

    public void changePassword(Context ctx) {
        Principal p = WebGuard.of(ctx);
        User user = p.user().orElseThrow();
        PasswordChange form = Requests.read(ctx, PasswordChange.class);
        if (form.currentPassword() == null || form.newPassword() == null || form.newPassword().length() > 1000) {
            throw new HttpResponseException(400, "Cannot change password: give the current and the new password");
        }
        Optional<Duration> wait = throttle.locked(user.username(), guard.clientAddress(ctx));
        if (wait.isPresent()) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds())));
            throw new HttpResponseException(429, "Too many wrong passwords: try again in " + Math.max(1, wait.get().toMinutes() + 1) + " minutes");
        }
        if (form.currentPassword().equals(form.newPassword())) {
            throw new io.javalin.http.BadRequestResponse("Cannot change password: the new password must differ from the current one");
        }
        char[] current = form.currentPassword().toCharArray();
        char[] next = form.newPassword().toCharArray();
        try {
            if (users.authenticate(user.username(), current).isEmpty()) {
                throttle.failed(user.username(), guard.clientAddress(ctx));
                audit.record(ctx, p, AuditEvent.PASSWORD_CHANGED, "user " + user.username(), null, null, "wrong current password");
                throw new HttpResponseException(403, "Cannot change password: the current password is wrong");
            }
            users.setPassword(user.username(), next, false, user.username());
        } finally {
            Passwords.wipe(current);
            Passwords.wipe(next);
        }
        // Every session of the account ends (another browser signed in with the old password too); this one gets a new id.
        sessions.endAllOf(user.username());
        Sessions.Session session = sessions.create(user.username());
        setCookie(ctx, session.id(), (int) sessionMax.toSeconds());
        audit.record(ctx, p, AuditEvent.PASSWORD_CHANGED, "user " + user.username(), null, null, "ok");
        User changed = users.find(user.username()).orElseThrow();
        ctx.json(new SessionView(UserView.of(changed), capabilities(changed), session.csrfToken()));
    }

    private SessionView view(Principal p) {
        return new SessionView(p.user().map(UserView::of).orElse(null), p.capabilities().stream().map(Capability::id).sorted().toList(),
                p.session().map(Sessions.Session::csrfToken).orElse(null));
    }

    private List<String> capabilities(User user) {
        return guard.capabilitiesOf(user).stream().map(Capability::id).sorted().toList();
    }

    private void setCookie(Context ctx, String value, int maxAge) {
        Cookie cookie = new Cookie(WebGuard.COOKIE, value, "/", maxAge, guard.secureCookies(ctx), true, null, SameSite.STRICT);
        ctx.cookie(cookie);
    }
}
