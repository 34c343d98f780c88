package al.antitrafficking.warehouse.access;

import java.util.List;
import java.util.Optional;

/** Portal accounts, kept in the operational store. Passwords are stored only as Argon2id hashes ({@link Passwords}). */
public interface UserStore {
    List<User> users();

    Optional<User> find(String username);

    /** The account if the password is right and the account is not disabled. */
    Optional<User> authenticate(String username, char[] password);

    User create(UserForm form, char[] password, String by);

    User update(String username, UserForm form, String by);

    /** Sets a new password; {@code mustChange} asks the person to choose their own at next sign-in (after a reset). */
    User setPassword(String username, char[] password, boolean mustChange, String by);

    /** Whether any account can manage users (the first administrator is created by a command, not by the portal). */
    boolean hasAdministrator();
}
