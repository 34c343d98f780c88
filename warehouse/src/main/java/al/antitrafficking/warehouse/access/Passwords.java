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
    private static final String DUMMY = ENCODER.encode("not a password of anyone");

    private Passwords() {}

    public static String hash(char[] password) {
        return ENCODER.encode(java.nio.CharBuffer.wrap(password));
    }

    public static boolean matches(char[] password, String hash) {
        return ENCODER.matches(java.nio.CharBuffer.wrap(password), hash == null ? DUMMY : hash) && hash != null;
    }

    /** Why a new password is not acceptable, if it is not. */
    public static Optional<String> problem(char[] password, String username) {
        if (password == null || password.length < MIN_LENGTH || String.valueOf(password).strip().length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters, not counting spaces at either end");
        }
        if (password.length > 200) {
            return Optional.of("must be at most 200 characters");
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
