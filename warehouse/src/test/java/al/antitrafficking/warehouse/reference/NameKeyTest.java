package al.antitrafficking.warehouse.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Place names' lenient key: what it is for names as the regions write them, and the same key as the rule written out here
 * on its own (decompose, drop combining marks, lower case, runs of white space and hyphens one space, trim) for any text,
 * whichever way the key is worked out.
 */
class NameKeyTest {
    /** Letters of place names, every character from U+00C0 to U+00FF, separators, and characters only the rule itself handles. */
    private static final String ALPHABET = "aAzZkKeE -_.'0919\t\n\u000b\u00a0\u2009\u0308\u0327\u0130\u0131\u03a3\u0416\u1e9e\ufb01"
            + range(0x20, 0x7f) + range(0x80, 0x100);

    @Test
    void namesAsTheRegionsWriteThemMeet() {
        assertThat(NameKey.of("Kukës")).isEqualTo("kukes");
        assertThat(NameKey.of(" KUKES ")).isEqualTo("kukes");
        assertThat(NameKey.of("Kuke\u0308s")).as("a combining diaeresis").isEqualTo("kukes");
        assertThat(NameKey.of("Çorovodë")).isEqualTo("corovode");
        assertThat(NameKey.of("Dropull - i Poshtëm")).isEqualTo("dropull i poshtem");
        assertThat(NameKey.of("--Has--")).isEqualTo("has");
        assertThat(NameKey.of("Pukë\u00a0")).as("a no-break space is no separator here").isEqualTo("puke\u00a0");
        assertThat(NameKey.of("Æthelø")).isEqualTo("æthelø");
    }

    @Test
    void anyTextGetsTheKeyTheRuleGives() {
        Random random = new Random(20261203);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = random.nextInt(12); name.length() < n; ) {
                name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertThat(NameKey.of(name.toString())).as("%s", name.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(rule(name.toString()));
        }
        for (char c = 0; c < 0x100; c++) {
            assertThat(NameKey.of("x" + c + "Y")).as("U+%04X", (int) c).isEqualTo(rule("x" + c + "Y"));
        }
    }

    /** The rule, as written in NameKey's documentation. */
    private static String rule(String name) {
        String withoutMarks = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return withoutMarks.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", " ").trim();
    }

    private static String range(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int c = from; c < to; c++) {
            s.append((char) c);
        }
        return s.toString();
    }
}
