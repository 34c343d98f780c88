package al.antitrafficking.warehouse.intake;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The sentences of an upload's receipt, in Albanian ({@code sq}) and English ({@code en}), from
 * {@code receipt_sq.properties} and {@code receipt_en.properties} beside this class: what was accepted, why a file was
 * refused (by {@link FileProblem}) and by which rule rows were quarantined (by {@link RowRule}). Never a value.
 */
public final class ReceiptText {
    public static final java.util.List<String> LANGUAGES = java.util.List.of("sq", "en");
    private static final Map<String, Properties> TEXTS = Map.of("sq", load("sq"), "en", load("en"));

    private ReceiptText() {}

    /** The sentence {@code key} in {@code lang} with {@code {0}}, {@code {1}}... replaced by {@code args}. */
    public static String text(String lang, String key, Object... args) {
        Properties texts = TEXTS.get(LANGUAGES.contains(lang) ? lang : "sq");
        String s = texts.getProperty(key);
        if (s == null) {
            throw new IllegalArgumentException("No receipt text " + key);
        }
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }

    public static String problem(String lang, String problem) {
        return text(lang, "problem." + FileProblem.valueOf(problem).name());
    }

    public static String rule(String lang, String rule) {
        return text(lang, "rule." + RowRule.valueOf(rule).name());
    }

    private static Properties load(String lang) {
        String name = "receipt_" + lang + ".properties";
        try (InputStream in = ReceiptText.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, UTF_8));
            for (FileProblem problem : FileProblem.values()) {
                check(p, name, "problem." + problem.name());
            }
            for (RowRule rule : RowRule.values()) {
                check(p, name, "rule." + rule.name());
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    private static void check(Properties p, String name, String key) {
        if (p.getProperty(key) == null) {
            throw new IllegalStateException(name + " has no text for " + key);
        }
    }
}
