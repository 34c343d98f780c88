package al.antitrafficking.warehouse.pii;

import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.contract.Field;
import al.antitrafficking.warehouse.contract.FieldType;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.warehouse.pii.PiiGuard;
import al.antitrafficking.warehouse.pii.PiiRule;
import al.antitrafficking.warehouse.reference.Countries;
import al.antitrafficking.warehouse.reference.Territory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The personal-data guard ({@link PiiGuard}, shared with the portal's forum store) applied to a column of the data
 * contract. Any value it finds refuses its whole file; reports name the rule, the column and the row, never the value.
 *
 * <p>The guard knows the column it checks: a value valid for its column's type (a pseudonym, a date, an age, an
 * allowed choice, an ISO country code) is no identifier, and a known place in a place column (Dibra and Mati are
 * places and surnames) is no name. Every other value, record ids and the surplus fields of malformed rows included,
 * is checked for every rule. The contract's words (sources, columns, allowed values) are never names on their own.
 */
public final class ColumnGuard {
    private static final int TEXT_BYTES = 26;
    private static final java.util.Set<String> AGE_BANDS = java.util.Set.of("0-5", "6-11", "12-14", "15-17", "18+");

    private final PiiGuard guard;
    private final Territory territory;
    private final Countries countries;

    private ColumnGuard(PiiGuard guard, Territory territory, Countries countries) {
        this.guard = guard;
        this.territory = territory;
        this.countries = countries;
    }

    /** Reads the lists and patterns of {@code piiDir}; places and contract words come from the reference and contract. */
    public static ColumnGuard load(Path piiDir, Territory territory, Countries countries, DataContract contract) {
        return new ColumnGuard(PiiGuard.load(piiDir, territory, countries, contractWords(contract)), territory, countries);
    }

    /**
     * The rule the value breaks in a column of the given contract field ({@code null} for a field beyond the
     * header, checked for everything), or empty.
     */
    public Optional<PiiRule> check(Field field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (field != null && field.type() == FieldType.PSEUDONYM && hex64(v)) {
            // A pseudonym's 64 hexadecimal digits are read as its bytes, in any case (so odd case changes nothing), and hold
            // nothing to fold (ASCII): the rest below would give this same answer, after reading every digit twice more.
            return encodedText(v);
        }
        Optional<PiiRule> plain = checkPlain(field, v);
        if (plain.isEmpty() && oddCase(v)) {
            // "aRbEn hOxHa": the names are found in lower case (the case-split reading sees only fragments).
            plain = checkPlain(field, v.toLowerCase(Locale.ROOT));
        }
        if (plain.isPresent() || !disguisable(v)) {
            return plain;
        }
        // Typed or pasted to pass for something else: full-width digits, look-alike letters, invisible or control
        // characters between the digits. Checked again as the guard reads free text (only values that hold such characters).
        String folded = stripControls(PiiGuard.fold(v)).strip();
        return folded.equals(v) || folded.isEmpty() ? plain : checkPlain(field, folded);
    }

    private Optional<PiiRule> checkPlain(Field field, String v) {
        if (field == null) {
            return guard.check(v);
        }
        if (field.type() == FieldType.PSEUDONYM && hex64(v)) {
            return encodedText(v);
        }
        if (validForType(field, v)) {
            return Optional.empty();
        }
        return knownPlace(field.type(), v) ? guard.checkNumbers(v) : guard.check(v);
    }

    /** A lower-case letter followed by an upper-case one, twice or more: a word typed in odd case. */
    private static boolean oddCase(String v) {
        int turns = 0;
        for (int i = 1; i < v.length(); i++) {
            if (lowerCase(v.charAt(i - 1)) && upperCase(v.charAt(i)) && ++turns >= 2) {
                return true;
            }
        }
        return false;
    }

    /** {@link Character#isLowerCase(char)}, with ASCII (nearly every character of every field) decided without the tables. */
    private static boolean lowerCase(char c) {
        return c < 0x80 ? c >= 'a' && c <= 'z' : Character.isLowerCase(c);
    }

    /** {@link Character#isUpperCase(char)}, with ASCII decided without the tables. */
    private static boolean upperCase(char c) {
        return c < 0x80 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
    }

    /**
     * A value with characters outside printable ASCII and the Latin-1 letters (À to ÿ but × and ÷), which folding could turn
     * into another value. Folding leaves those letters as they are (NFKC keeps them; none is a mark, a space, a dash or a
     * look-alike: ColumnGuardDisguiseTest), so place names such as Durrës and Korçë, in every row, are not folded for nothing.
     */
    private static boolean disguisable(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c < 0x20 || c > 0x7e) && !latin1Letter(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean latin1Letter(char c) {
        return c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7;
    }

    /** Control characters removed, and digits of any script (Arabic-Indic, Devanagari...) written as ASCII digits. */
    private static String stripControls(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(cp -> !Character.isISOControl(cp))
                .map(cp -> Character.isDigit(cp) && cp > 0x7f ? '0' + Character.digit(cp, 10) : cp).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * A pseudonym is 32 bytes of a keyed hash, which look like noise; 64 hexadecimal characters whose bytes are nearly all
     * text (printable ASCII, or zeros as padding) are text written in hexadecimal, checked as such. Random bytes are that
     * text-like (at least {@value #TEXT_BYTES} of 32) about once in two million pseudonyms, and then the text must also
     * read as a name or a number.
     */
    private Optional<PiiRule> encodedText(String hex) {
        // Counted first, without making the bytes or the text: nearly every pseudonym is noise and stops here.
        int textLike = 0;
        for (int i = 0; i < 64; i += 2) {
            int b = java.util.HexFormat.fromHexDigits(hex, i, i + 2);
            if (b >= 0x20 && b <= 0x7e || b == 0) {
                textLike++;
            }
        }
        if (textLike < TEXT_BYTES) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(32);
        for (int i = 0; i < 64; i += 2) {
            int b = java.util.HexFormat.fromHexDigits(hex, i, i + 2);
            text.append(b >= 0x20 && b <= 0x7e ? (char) b : ' ');
        }
        String t = text.toString().strip();
        Optional<PiiRule> found = guard.check(t);
        return found.isPresent() ? found : guard.checkText(t);
    }

    /** Values that cannot hold an identifier: what the contract expects in a closed-format column. */
    private boolean validForType(Field field, String v) {
        return switch (field.type()) {
            case PSEUDONYM -> hex64(v);
            case DATE -> isoDate(v);
            case AGE -> age(v);
            case CHOICE -> allowed(field, v);
            case COUNTRY -> v.length() == 2 && countries.known(v);
            default -> false;
        };
    }

    // The formats below are checked character by character: they are read for nearly every field of every file, here and
    // by the ETL's row checks, and a pattern's matcher cost more than the check (ColumnGuardFormatsTest holds them to the
    // patterns they replace).

    /** 64 hexadecimal digits ({@code [0-9a-fA-F]{64}}). */
    static boolean hex64(String v) {
        if (v.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = v.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** yyyy-mm-dd in digits 0-9 ({@code \d{4}-\d{2}-\d{2}}); whether it is a real date is the conform stage's rule. */
    public static boolean isoDate(String v) {
        return v.length() == 10 && digits(v, 0, 4) && v.charAt(4) == '-' && digits(v, 5, 7) && v.charAt(7) == '-' && digits(v, 8, 10);
    }

    /** Whole years in one to three digits 0-9, or one of the contract's bands ({@code \d{1,3}|0-5|6-11|12-14|15-17|18\+}). */
    static boolean age(String v) {
        return yearDigits(v) || AGE_BANDS.contains(v);
    }

    /** Whole years: one to three digits 0-9 ({@code \d{1,3}}). */
    public static boolean yearDigits(String v) {
        return v.length() >= 1 && v.length() <= 3 && digits(v, 0, v.length());
    }

    /** Whether the value is one the field allows, in any case (a loop: a stream per field of every row cost more). */
    private static boolean allowed(Field field, String v) {
        for (String a : field.allowed()) {
            if (a.equalsIgnoreCase(v)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the characters from {@code from} to {@code to} are all 0-9 ({@code \d}, which reads no other digits). */
    private static boolean digits(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A known place in a place column (by code, name or lenient name) is no name, whatever else it is. */
    private boolean knownPlace(FieldType type, String v) {
        return switch (type) {
            case MUNICIPALITY -> territory.findMunicipality(v).isPresent();
            case CROSSING -> territory.findCrossing(v.toUpperCase(Locale.ROOT)).isPresent();
            case COUNTY -> territory.findCounty(v.toUpperCase(Locale.ROOT)).isPresent()
                    || territory.counties().stream().anyMatch(c -> PiiGuard.samePhrase(c.name(), v));
            default -> false;
        };
    }

    private static List<String> contractWords(DataContract contract) {
        List<String> words = new ArrayList<>();
        for (Source s : Source.values()) {
            words.add(s.code());
            for (Field f : contract.fields(s)) {
                words.add(f.name());
                words.addAll(f.allowed());
            }
        }
        return words;
    }
}
