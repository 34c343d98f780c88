package al.antitrafficking.warehouse.pii;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/** Surnames formed from a given name with the endings of {@code patterns.properties} ({@code patronymic.*}). */
record Patronymics(List<String> afterConsonant, List<String> afterKgh, List<String> afterE) {
    Patronymics {
        afterConsonant = List.copyOf(afterConsonant);
        afterKgh = List.copyOf(afterKgh);
        afterE = List.copyOf(afterE);
    }

    static Patronymics from(Properties p) {
        return new Patronymics(list(p, "patronymic.after-consonant"), list(p, "patronymic.after-k-g-h-i"), list(p, "patronymic.after-e"));
    }

    /** The surnames a folded given name gives: Hasan → hasani, hasanaj, hasana. */
    Set<String> of(String given) {
        Set<String> out = new LinkedHashSet<>();
        if (given.length() < 3) {
            return out;
        }
        char last = given.charAt(given.length() - 1);
        if (last == 'e') {
            String stem = given.substring(0, given.length() - 1);
            afterE.forEach(s -> out.add(stem + s));
        } else if ("kghi".indexOf(last) >= 0) {
            afterKgh.forEach(s -> out.add(given + s));
        } else if ("aou".indexOf(last) < 0) {
            afterConsonant.forEach(s -> out.add(given + s));
        }
        return out;
    }

    private static List<String> list(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Cannot load the personal-data guard: patterns.properties lacks " + key);
        }
        return List.of(value.split("\\s*,\\s*"));
    }
}
