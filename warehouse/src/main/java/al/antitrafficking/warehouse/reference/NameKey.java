package al.antitrafficking.warehouse.reference;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The lenient form under which place names are compared: lower case, diacritics removed (ë → e,
 * ç → c), hyphens and runs of white space folded to one space. "Kukës", "KUKES" and " kukes " meet.
 */
public final class NameKey {
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]+");

    private NameKey() {}

    /**
     * What each character from U+00C0 to U+00FF (the Latin-1 letters, × and ÷) becomes, worked out once by the general rule
     * below: ë and Ë become e, ç becomes c, a letter of its own (æ, ð, ø, þ, ß) stays, in lower case.
     */
    private static final char[] LATIN1_LETTERS = new char[0x40];

    static {
        for (char c = 0xC0; c <= 0xFF; c++) {
            String key = general(String.valueOf(c));
            LATIN1_LETTERS[c - 0xC0] = key.length() == 1 ? key.charAt(0) : 0;
        }
    }

    public static String of(String name) {
        String quick = quick(name);
        return quick != null ? quick : general(name);
    }

    /**
     * The key of a name written in printable ASCII and Latin-1 letters (every place name of the files, read for every row by
     * the file scan and the ETL), one character at a time: A-Z in lower case, a Latin-1 letter as its table says, runs of
     * spaces and hyphens one space, none at either end. Null for any other character: the general rule decides.
     */
    private static String quick(String name) {
        StringBuilder key = new StringBuilder(name.length());
        boolean separator = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ' || c == '-') {
                separator = true;
                continue;
            }
            char k;
            if (c > ' ' && c < 0x7F) {
                k = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            } else if (c >= 0xC0 && c <= 0xFF && LATIN1_LETTERS[c - 0xC0] != 0) {
                k = LATIN1_LETTERS[c - 0xC0];
            } else {
                return null;
            }
            if (separator && key.length() > 0) {
                key.append(' ');
            }
            separator = false;
            key.append(k);
        }
        return key.toString();
    }

    /** Any name: decomposed (NFD), its combining marks removed, in lower case, runs of white space and hyphens one space, trimmed. */
    private static String general(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        // Compiled once: the ETL asks this for every row's place name.
        String withoutMarks = MARKS.matcher(decomposed).replaceAll("");
        return SEPARATORS.matcher(withoutMarks.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
