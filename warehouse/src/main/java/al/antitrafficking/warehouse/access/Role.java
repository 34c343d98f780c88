package al.antitrafficking.warehouse.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a signed-in person is to the portal. What each role may do is data ({@code conf/access/roles.csv}, read by
 * {@link AccessRules}); the role only says whether an account is bound to a county or to an institution.
 */
public enum Role {
    NATIONAL_COORDINATOR(Scope.NATIONAL),
    MINISTRY_STATISTICIAN(Scope.NATIONAL),
    REGIONAL_COMMITTEE(Scope.COUNTY),
    PARTNER_ORGANISATION(Scope.INSTITUTION),
    DATA_MANAGER(Scope.NATIONAL),
    DATA_CLERK(Scope.COUNTY),
    ADMINISTRATOR(Scope.NATIONAL);

    /** What an account of the role is bound to. */
    public enum Scope { NATIONAL, COUNTY, INSTITUTION }

    private final Scope scope;

    Role(Scope scope) {
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }

    /** The role's name in data and in the API: lower case with underscores, e.g. {@code regional_committee}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }
}
