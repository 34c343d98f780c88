package al.antitrafficking.warehouse.access;

/**
 * One line of the audit trail. {@code actor} is a username ({@code anonymous} before sign-in); {@code what} names the
 * thing acted on (an action, a forum, an export's route) and {@code details} its parameters; never a password, never
 * free text a person typed (that is in the forum store's history), never a figure.
 */
public record AuditEvent(long id, String at, String actor, String role, String event, String what, String details,
                         String snapshot, String remote, String outcome) {

    /** The kinds of event the trail records. */
    public static final String SIGN_IN = "sign_in";
    public static final String SIGN_IN_FAILED = "sign_in_failed";
    public static final String SIGN_OUT = "sign_out";
    public static final String PASSWORD_CHANGED = "password_changed";
    public static final String EXPORT = "export";
    public static final String INTERNAL_FIGURES = "internal_figures";
    public static final String ACTION_CHANGED = "action_changed";
    public static final String FORUM_CHANGED = "forum_changed";
    public static final String USER_CHANGED = "user_changed";
    public static final String BACKUP = "backup";
    public static final String UPLOAD = "upload";
}
