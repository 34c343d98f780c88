package al.antitrafficking.portal.access;

import al.antitrafficking.warehouse.access.Capability;
import al.antitrafficking.warehouse.access.User;
import java.util.Optional;
import java.util.Set;

/** Who sent a request: a signed-in account with its session, or an anonymous visitor; and what they may do. */
public record Principal(Optional<User> user, Optional<Sessions.Session> session, Set<Capability> capabilities) {
    public static final String ATTRIBUTE = "principal";

    public boolean can(Capability capability) {
        return capabilities.contains(capability);
    }

    public boolean signedIn() {
        return user.isPresent();
    }

    /** The name the audit trail and the forum store's history record: the username, or {@code anonymous}. */
    public String actor() {
        return user.map(User::username).orElse("anonymous");
    }

    /** How an edit is signed in the forum store's history: the person's name and username. */
    public String editor() {
        return user.map(u -> u.displayName() + " (" + u.username() + ")").orElse("anonymous");
    }

    public String role() {
        return user.map(u -> u.role().id()).orElse(null);
    }
}
