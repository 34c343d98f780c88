package al.antitrafficking.warehouse.access;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Password hashing (Argon2id, Spring Security Crypto's recommended parameters: 16 MiB, 2 iterations) and the rule a new
 * password must meet. A password is never logged, echoed or kept in any form but its hash.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 12;
    private static final Argon2PasswordEncoder ENCODER = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** A hash verified when the account does not exist, so that a wrong username takes as long as a wrong password. */
    private static final String NOBODYS = "not a password of anyone";
    private static final String DUMMY = ENCODER.encode(NOBODYS);

    private Passwords() {}

    /** The hash of a password {@link #problem} accepts (one of broken characters cannot be hashed: it is refused). */
    public static String hash(char[] password) {
        if (!wholeCharacters(password)) {
            throw new IllegalArgumentException("Cannot hash a password of broken characters");
        }
        return ENCODER.encode(java.nio.CharBuffer.wrap(password));
    }

    /**
     * Whether the password is the one of this hash (none: never, after as long a check). A password with a broken
     * character (half of a surrogate pair alone) is no one's, since none could be set: false, after as long a check,
     * where the hashing library would throw (it writes the password as UTF-8 and refuses what cannot be written).
     */
    public static boolean matches(char[] password, String hash) {
        if (!wholeCharacters(password)) {
            ENCODER.matches(NOBODYS, DUMMY);
            return false;
        }
        return ENCODER.matches(java.nio.CharBuffer.wrap(password), hash == null ? DUMMY : hash) && hash != null;
    }

    /** Whether every character is whole: no half of a surrogate pair stands alone (UTF-8 cannot write one). */
    static boolean wholeCharacters(char[] password) {
        for (int i = 0; i < password.length; i++) {
            if (Character.isHighSurrogate(password[i]) && i + 1 < password.length && Character.isLowSurrogate(password[i + 1])) {
                i++;
            } else if (Character.isSurrogate(password[i])) {
                return false;
            }
        }
        return true;
    }

    /** Why a new password is not acceptable, if it is not. */
    public static Optional<String> problem(char[] password, String username) {
        if (password == null || password.length < MIN_LENGTH || String.valueOf(password).strip().length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters, not counting spaces at either end");
        }
        if (password.length > 200) {
            return Optional.of("must be at most 200 characters");
        }
        if (!wholeCharacters(password)) {
            return Optional.of("must be made of whole characters (half of a character's UTF-16 pair was sent alone)");
        }
        if (username != null && String.valueOf(password).toLowerCase(java.util.Locale.ROOT).contains(username.toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of("must not contain the username");
        }
        char first = password[0];
        boolean allSame = true;
        for (char c : password) {
            allSame &= c == first;
        }
        if (allSame) {
            return Optional.of("must not be one character repeated");
        }
        return Optional.empty();
    }

    public static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
