package al.antitrafficking.warehouse.pii;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.contract.Field;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.warehouse.reference.Countries;
import al.antitrafficking.warehouse.reference.Territory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Identifiers typed or pasted to pass for something else, found in the columns of regional files (attacks that got past
 * the guard: full-width and other-script digits, look-alike letters, invisible and control characters, separators inside
 * a personal number, a name written in hexadecimal as a pseudonym), and real pseudonyms never taken for one.
 */
class ColumnGuardDisguiseTest {
    static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    static final Territory TERRITORY = Territory.load(ROOT.resolve("conf/reference"));
    static final DataContract CONTRACT = DataContract.load(ROOT.resolve("conf/contract/v1.csv"));
    static final ColumnGuard GUARD = ColumnGuard.load(ROOT.resolve("conf/pii"), TERRITORY, Countries.load(ROOT.resolve("conf/reference")), CONTRACT);

    static Field field(Source source, String name) {
        return CONTRACT.fields(source).stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    static final Field CASE_ID = field(Source.CPU, "case_id");
    static final Field MUNICIPALITY = field(Source.CPU, "municipality");
    static final Field PSEUDONYM = field(Source.NRM, "child_pseudonym");

    @Test
    void personalNumbersWrittenWithOtherCharactersOrSeparatorsAreFound() {
        for (String v : new String[] {"Ｊ１２３４５６７８Ａ", "J1234\u200b5678A", "J1234\u00ad5678A", "J1234\u00005678A", "J1234\u00015678A",
                "J-1234-5678-A", "J/12345678/A", "J_12345678_A", "J  1234  5678  A", "j.12.34.5678.k", "J:12345678:A", "J|1234|5678|A",
                "J\u00b71234\u00b75678\u00b7A", "J   12345678   A", "J1234\u200e5678A", "J1234\u034f5678A", "J1234\ufe0f5678A"}) {
            assertThat(GUARD.check(CASE_ID, v)).as(v).contains(PiiRule.PERSONAL_NUMBER);
        }
    }

    @Test
    void phoneNumbersInOtherScriptsDigitsAreFound() {
        assertThat(GUARD.check(CASE_ID, "٠٦٩٢٣٤٥٦٧٨")).contains(PiiRule.PHONE_NUMBER);
        assertThat(GUARD.check(CASE_ID, "０６９２３４５６７８")).contains(PiiRule.PHONE_NUMBER);
        assertThat(GUARD.check(CASE_ID, "069\u200b234\u200b5678")).contains(PiiRule.PHONE_NUMBER);
        for (String v : new String[] {"069_123_4567", "069:123:4567", "069|123|4567", "069\u00b7123\u00b74567", "069    1234567",
                "069\u200e123\u200e4567"}) {
            assertThat(GUARD.check(CASE_ID, v)).as(v).contains(PiiRule.PHONE_NUMBER);
        }
    }

    @Test
    void aNameWithLookAlikeGreekOrCyrillicLettersIsFound() {
        assertThat(GUARD.check(MUNICIPALITY, "\u0391rben \u0397oxha")).contains(PiiRule.PERSON_NAME);
        assertThat(GUARD.check(MUNICIPALITY, "\u0410rben Hoxha")).contains(PiiRule.PERSON_NAME);
        assertThat(GUARD.check(MUNICIPALITY, "Arb\u03b5n Hoxh\u03b1")).as("lower-case Greek").contains(PiiRule.PERSON_NAME);
        assertThat(GUARD.check(MUNICIPALITY, "Arbe\u0578 Hoxha")).as("Armenian").contains(PiiRule.PERSON_NAME);
        assertThat(GUARD.check(MUNICIPALITY, "Ar\u034fta Ho\u034fxha")).as("combining grapheme joiner").contains(PiiRule.PERSON_NAME);
        assertThat(GUARD.check(MUNICIPALITY, "aRbEn hOxHa")).as("odd case").contains(PiiRule.PERSON_NAME);
        assertThat(GUARD.check(MUNICIPALITY, "Gëzim Ηoxha")).as("a Latin-1 letter beside a Greek one").contains(PiiRule.PERSON_NAME);
        assertThat(GUARD.check(MUNICIPALITY, "Gëzim Hoxha")).contains(PiiRule.PERSON_NAME);
    }

    /** The guard folds no value whose only characters outside ASCII are Latin-1 letters: folding must leave every such value as it is. */
    @Test
    void foldingLeavesEveryLatin1LetterAsItIs() {
        int letters = 0;
        for (char c = 0x80; c <= 0xFF; c++) {
            if (ColumnGuard.latin1Letter(c)) {
                letters++;
                for (String v : new String[] {String.valueOf(c), "Dib" + c + "r", c + "rben " + c, "K" + c + c + "-e " + c + "."}) {
                    assertThat(PiiGuard.fold(v)).as("U+%04X in %s", (int) c, v).isEqualTo(v);
                }
            }
        }
        assertThat(letters).as("À to ÿ but × and ÷").isEqualTo(62);
    }

    @Test
    void aNameOrNumberWrittenInHexadecimalAsAPseudonymIsFound() {
        assertThat(GUARD.check(PSEUDONYM, hex("Arben Hoxha", (byte) 0))).contains(PiiRule.PERSON_NAME);
        assertThat(GUARD.check(PSEUDONYM, hex("nr J12345678K", (byte) 0x20))).contains(PiiRule.PERSONAL_NUMBER);
        assertThat(GUARD.check(PSEUDONYM, hex("Arben Hoxha", (byte) 0).toUpperCase(java.util.Locale.ROOT))).as("upper-case digits")
                .contains(PiiRule.PERSON_NAME);
    }

    @Test
    void realPseudonymsAndRecordIdsAreNeverTakenForIdentifiers() {
        Random random = new Random(20261130);
        byte[] bytes = new byte[32];
        int refused = 0;
        for (int i = 0; i < 300_000; i++) {
            random.nextBytes(bytes);
            if (GUARD.check(PSEUDONYM, HexFormat.of().formatHex(bytes)).isPresent()) {
                refused++;
            }
        }
        assertThat(refused).as("random 32-byte pseudonyms taken for text").isZero();
        for (String id : new String[] {"CPU-AL07-202603-000001", "NRM-AL11-202503-000002", "BORDER-AL07-202503-000017"}) {
            assertThat(GUARD.check(CASE_ID, id)).as(id).isEqualTo(Optional.empty());
        }
    }

    /** The text's UTF-8 bytes written as a 64-character pseudonym, padded with {@code pad}. */
    static String hex(String text, byte pad) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, pad);
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(t, 0, b, 3, t.length);
        return HexFormat.of().formatHex(b);
    }
}
