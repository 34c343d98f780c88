package al.antitrafficking.warehouse.reference;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The lenient form under which place names are compared: lower case, diacritics removed (ë → e,
 * ç → c), hyphens and runs of white space folded to one space. "Kukës", "KUKES" and " kukes " meet.
 */
public final class NameKey {
    private NameKey() {}

    public static String of(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        String withoutMarks = decomposed.replaceAll("\\p{M}", "");
        return withoutMarks.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", " ").trim();
    }
}
