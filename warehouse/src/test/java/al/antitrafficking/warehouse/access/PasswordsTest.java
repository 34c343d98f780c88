package al.antitrafficking.warehouse.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Passwords of broken characters (half of a surrogate pair alone, as a hostile request can send) are refused, never a failure. */
class PasswordsTest {
    private static final String GOOD = "kukës-Bjeshkët-2026";

    @Test
    void aPasswordWithAHalfOfAPairAloneMatchesNoHashAndIsNotAccepted() {
        String hash = Passwords.hash(GOOD.toCharArray());
        for (String broken : new String[] {"\uD800", GOOD + "\uD800", "\uDC00" + GOOD, GOOD.substring(0, 5) + "\uDBFF" + "x" + GOOD}) {
            assertThat(Passwords.matches(broken.toCharArray(), hash)).as(broken).isFalse();
            assertThat(Passwords.matches(broken.toCharArray(), null)).as(broken).isFalse();
            assertThat(Passwords.problem(broken.toCharArray(), "arben")).as(broken).isPresent();
        }
    }

    @Test
    void wholeCharactersOutsideTheBasicPlaneAreAPasswordLikeAnyOther() {
        // U+1F512 (a lock) is a pair of halves that belong together.
        char[] withPair = (GOOD + "\uD83D\uDD12").toCharArray();
        String hash = Passwords.hash(withPair);

        assertThat(Passwords.problem(withPair, "arben")).isEmpty();
        assertThat(Passwords.matches((GOOD + "\uD83D\uDD12").toCharArray(), hash)).isTrue();
        assertThat(Passwords.matches(GOOD.toCharArray(), hash)).isFalse();
    }
}
