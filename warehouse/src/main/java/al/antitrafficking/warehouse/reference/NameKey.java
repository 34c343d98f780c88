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

    public static String of(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        // Compiled once: the ETL asks this for every row's place name.
        String withoutMarks = MARKS.matcher(decomposed).replaceAll("");
        return SEPARATORS.matcher(withoutMarks.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
