package al.antitrafficking.portal.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions, kept in the portal's memory: the browser holds only a random id (256 bits) in an HttpOnly,
 * SameSite=Strict cookie. A session ends at sign-out, after {@code idle} without a request, after {@code max} in all,
 * and when its account's password changes or the account is disabled. A restart of the portal signs everyone out.
 * Each session has its own CSRF token, sent back by the pages in a header with every change.
 */
public final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A signed-in session; {@code lastSeen} moves with each request. */
    public static final class Session {
        private final String id;
        private final String username;
        private final String csrfToken;
        private final Instant created;
        private volatile Instant lastSeen;

        Session(String id, String username, String csrfToken, Instant created) {
            this.id = id;
            this.username = username;
            this.csrfToken = csrfToken;
            this.created = created;
            this.lastSeen = created;
        }

        public String id() {
            return id;
        }

        public String username() {
            return username;
        }

        public String csrfToken() {
            return csrfToken;
        }

        public Instant created() {
            return created;
        }
    }

    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;
    private final Duration max;

    public Sessions(Clock clock, Duration idle, Duration max) {
        this.clock = clock;
        this.idle = idle;
        this.max = max;
    }

    /** A new session (always a new id: signing in never keeps an id the browser had before). */
    public Session create(String username) {
        expire();
        Session s = new Session(token(), username, token(), clock.instant());
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session of an id, touched; empty when unknown, expired or ended. */
    public Optional<Session> find(String id) {
        if (id == null || id.length() != 43) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(s.lastSeen.plus(idle)) || now.isAfter(s.created.plus(max))) {
            sessions.remove(id);
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    public void end(String id) {
        sessions.remove(id);
    }

    /** Ends every session of an account (its password changed, it was disabled or its role changed). */
    public void endAllOf(String username) {
        sessions.values().removeIf(s -> s.username().equals(username));
    }

    public int count() {
        return sessions.size();
    }

    private void expire() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> now.isAfter(s.lastSeen.plus(idle)) || now.isAfter(s.created.plus(max)));
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
