package al.antitrafficking.portal.access;

import al.antitrafficking.warehouse.access.AccessRules;
import al.antitrafficking.warehouse.access.User;
import al.antitrafficking.warehouse.access.UserStore;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every request, pages and files included: answers only to the configured host names (no DNS rebinding),
 * sets the security headers, finds the session, and lets a change (POST, PUT, PATCH, DELETE) through only when it comes
 * from the portal's own pages: a same-origin request (Origin or Sec-Fetch-Site), a JSON body (a cross-site form cannot
 * send one without the browser asking first), and, when signed in, the session's CSRF token in {@value #CSRF_HEADER}.
 */
public final class WebGuard {
    public static final String COOKIE = "nrm_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The request attribute holding the client's address (the connection's, or a trusted proxy's X-Forwarded-For). */
    public static final String CLIENT_ADDRESS = "clientAddress";
    /** The largest request body the portal reads. */
    public static final long MAX_BODY = 262_144;
    /** The one route whose body is a file, not JSON. */
    public static final String UPLOADS = "/api/v1/uploads";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Set<HandlerType> CHANGES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final PortalSecurity security;
    private final Sessions sessions;
    private final UserStore users;
    private final AccessRules rules;

    public WebGuard(PortalSecurity security, Sessions sessions, UserStore users, AccessRules rules) {
        this.security = security;
        this.sessions = sessions;
        this.users = users;
        this.rules = rules;
    }

    public void before(Context ctx) {
        headers(ctx);
        checkHost(ctx);
        if (ctx.method() == HandlerType.HEAD && ctx.path().startsWith("/api/")) {
            // Javalin answers HEAD of a GET route without running it (nor its access check): the API answers GET only.
            throw new HttpResponseException(405, "Use GET");
        }
        Principal principal = principal(ctx);
        ctx.attribute(Principal.ATTRIBUTE, principal);
        ctx.attribute(CLIENT_ADDRESS, clientAddress(ctx));
        if (CHANGES.contains(ctx.method())) {
            checkSameOrigin(ctx);
            checkBody(ctx);
            // Signing in needs no token (there may be no session yet); JSON and the same origin guard it.
            boolean signIn = ctx.method() == HandlerType.POST && ctx.path().equals("/api/v1/session");
            principal.session().filter(s -> !signIn).ifPresent(s -> {
                if (!constantTimeEquals(ctx.header(CSRF_HEADER), s.csrfToken())) {
                    throw new HttpResponseException(403, "Refused: a change needs the page's security token (reload the page and try again)");
                }
            });
        }
    }

    /** The principal of a request (set by {@link #before}). */
    public static Principal of(Context ctx) {
        Principal p = ctx.attribute(Principal.ATTRIBUTE);
        if (p == null) {
            throw new IllegalStateException("no principal: the guard did not run");
        }
        return p;
    }

    /** Whether the request reached the portal over TLS: directly, or as a trusted proxy says. */
    public boolean overTls(Context ctx) {
        if (ctx.scheme().equals("https")) {
            return true;
        }
        return fromTrustedProxy(ctx) && "https".equalsIgnoreCase(Optional.ofNullable(ctx.header("X-Forwarded-Proto")).orElse("").strip());
    }

    /** The client's address: the connection's, or the one a trusted proxy forwards. */
    public String clientAddress(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded != null && fromTrustedProxy(ctx)) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return ctx.ip();
    }

    boolean secureCookies(Context ctx) {
        return security.secureCookies().orElseGet(() -> overTls(ctx));
    }

    private boolean fromTrustedProxy(Context ctx) {
        return security.trustedProxies().contains(ctx.ip());
    }

    private void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
        if (ctx.scheme().equals("https")) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
    }

    private void checkHost(Context ctx) {
        String host = hostName(ctx.header("Host"));
        if (host == null || !security.allowedHosts().contains(host)) {
            throw new HttpResponseException(421, "Refused: this portal does not answer to that host name");
        }
    }

    /** The host name of a Host header without its port, in lower case; null when there is none or it is malformed. */
    static String hostName(String header) {
        if (header == null || header.isBlank() || header.length() > 255) {
            return null;
        }
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        String name = colon < 0 ? h : h.substring(0, colon);
        return name.matches("[a-z0-9.-]+") ? name : null;
    }

    private void checkSameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null) {
            // The page's own origin: the scheme the browser used (behind a TLS proxy, https) and the Host it sent.
            String host = ctx.header("Host").strip().toLowerCase(Locale.ROOT);
            String given = origin.strip().toLowerCase(Locale.ROOT);
            if (!given.equals((overTls(ctx) ? "https://" : "http://") + host)) {
                throw new HttpResponseException(403, "Refused: a change must come from the portal's own pages");
            }
            return;
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new HttpResponseException(403, "Refused: a change must come from the portal's own pages");
        }
    }

    private void checkBody(Context ctx) {
        if (ctx.path().equals(UPLOADS) && ctx.method() == io.javalin.http.HandlerType.POST) {
            // A data clerk's file, as sent: its size is bounded by the check that reads it (portal.max-upload-bytes).
            String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT).strip();
            boolean hasBody = ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null;
            if (hasBody && !type.equals("application/octet-stream")) {
                throw new HttpResponseException(415, "Refused: send the file itself as application/octet-stream");
            }
            return;
        }
        if (ctx.contentLength() > MAX_BODY) {
            throw new HttpResponseException(413, "Refused: a request body may be at most 256 KB");
        }
        boolean hasBody = ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null;
        if (!hasBody) {
            return;
        }
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        String bare = type.contains(";") ? type.substring(0, type.indexOf(';')).strip() : type.strip();
        if (!bare.equals("application/json")) {
            throw new HttpResponseException(415, "Refused: send changes as application/json");
        }
    }

    private Principal principal(Context ctx) {
        String id = ctx.cookie(COOKIE);
        Optional<Sessions.Session> session = sessions.find(id);
        if (session.isEmpty()) {
            return new Principal(Optional.empty(), Optional.empty(), rules.anonymous());
        }
        Optional<User> user = users.find(session.get().username()).filter(u -> !u.disabled());
        if (user.isEmpty()) {
            sessions.end(session.get().id());
            return new Principal(Optional.empty(), Optional.empty(), rules.anonymous());
        }
        // After a reset, an account may do nothing but choose its own password (and read the public release).
        return new Principal(user, session, user.get().mustChangePassword() ? rules.anonymous() : rules.of(user.get().role()));
    }

    public java.util.Set<al.antitrafficking.warehouse.access.Capability> capabilitiesOf(User user) {
        return rules.of(user.role());
    }

    private static boolean constantTimeEquals(String given, String expected) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
