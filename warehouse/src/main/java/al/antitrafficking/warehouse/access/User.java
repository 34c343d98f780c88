package al.antitrafficking.warehouse.access;

/**
 * A portal account. {@code county} is set for roles bound to a county, {@code institution} for partner organisations;
 * the password hash never leaves the store's package through this record.
 */
public record User(String username, String displayName, Role role, String county, String institution, boolean disabled,
                   boolean mustChangePassword, int version, String createdAt, String updatedAt, String updatedBy) {}
