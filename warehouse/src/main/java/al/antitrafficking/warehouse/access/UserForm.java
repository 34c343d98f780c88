package al.antitrafficking.warehouse.access;

/** An account as an administrator typed it (create or edit), not yet checked. {@code version} is required on edit. */
public record UserForm(String username, String displayName, String role, String county, String institution, Boolean disabled,
                       Integer version) {}
