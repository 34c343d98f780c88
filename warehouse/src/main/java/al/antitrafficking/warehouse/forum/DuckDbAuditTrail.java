package al.antitrafficking.warehouse.forum;

import al.antitrafficking.warehouse.access.AuditEvent;
import al.antitrafficking.warehouse.access.AuditTrail;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** {@link AuditTrail} in the operational store's file: INSERT only, numbered under the store's write lock. */
final class DuckDbAuditTrail implements AuditTrail {
    private static final int MAX_FIELD = 500;

    private final DuckDbForumStore store;
    private final Clock clock;

    DuckDbAuditTrail(DuckDbForumStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public AuditEvent record(AuditEvent e) {
        return store.write(c -> {
            long id = DuckDbForumStore.nextId(c, "audit_event");
            AuditEvent saved = new AuditEvent(id, e.at() == null ? clock.instant().toString() : e.at(), cut(e.actor()), cut(e.role()),
                    cut(e.event()), cut(e.what()), cut(e.details()), cut(e.snapshot()), cut(e.remote()), cut(e.outcome()));
            try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_event VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, saved.id());
                p.setString(2, saved.at());
                p.setString(3, saved.actor());
                p.setString(4, saved.role());
                p.setString(5, saved.event());
                p.setString(6, saved.what());
                p.setString(7, saved.details());
                p.setString(8, saved.snapshot());
                p.setString(9, saved.remote());
                p.setString(10, saved.outcome() == null ? "ok" : saved.outcome());
                p.executeUpdate();
            }
            return saved;
        });
    }

    @Override
    public List<AuditEvent> newest(int limit, String actor, String event) {
        return store.read(c -> {
            List<AuditEvent> events = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, recorded_at, actor, role, event, what, details, snapshot, remote, outcome "
                    + "FROM audit_event WHERE (? IS NULL OR actor = ?) AND (? IS NULL OR event = ?) ORDER BY id DESC LIMIT ?")) {
                p.setString(1, actor);
                p.setString(2, actor);
                p.setString(3, event);
                p.setString(4, event);
                p.setInt(5, Math.max(0, limit));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        events.add(new AuditEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
                    }
                }
            }
            return events;
        });
    }

    /** At most {@value #MAX_FIELD} characters, control characters (a NUL typed as a username) shown as '?'. */
    private static String cut(String s) {
        if (s == null) {
            return null;
        }
        String c = s.length() <= MAX_FIELD ? s : s.substring(0, MAX_FIELD);
        StringBuilder out = new StringBuilder(c.length());
        c.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) && cp != '\n' ? '?' : cp));
        return out.toString();
    }
}
