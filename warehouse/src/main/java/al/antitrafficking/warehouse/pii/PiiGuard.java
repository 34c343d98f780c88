package al.antitrafficking.warehouse.pii;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.warehouse.reference.Countries;
import al.antitrafficking.warehouse.reference.County;
import al.antitrafficking.warehouse.reference.Crossing;
import al.antitrafficking.warehouse.reference.Municipality;
import al.antitrafficking.warehouse.reference.Territory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The personal-data guard: whether a value looks like a direct identifier (a personal number, a phone number, an
 * e-mail address or a person's name). Callers report the rule and where the value stood, never the value.
 *
 * <p>Two uses share these rules. The ingestion checks every field of every file, each as one value
 * ({@link #check}), knowing its column (the ETL's {@code ColumnGuard}: a value valid for its column's type is no
 * identifier, a known place in a place column is no name). The forum store checks what people type into forums,
 * actions and notes as running text ({@link #checkText}). Word lists and patterns are data in {@code conf/pii/}
 * (key {@code pii.dir}; README there); the words of the reference files are never names on their own.
 */
public final class PiiGuard {
    public static final String PATTERNS = "patterns.properties";

    private final NumberPatterns numbers;
    private final NameDetector names;

    private PiiGuard(NumberPatterns numbers, NameDetector names) {
        this.numbers = numbers;
        this.names = names;
    }

    /** Reads the lists and patterns of {@code piiDir}; the places of the reference are never names on their own. */
    public static PiiGuard load(Path piiDir, Territory territory, Countries countries) {
        return load(piiDir, territory, countries, List.of());
    }

    /**
     * Reads the lists and patterns of {@code piiDir}; the places of the reference and {@code otherWords} (each a
     * phrase, such as the data contract's column names and allowed values) are never names on their own.
     */
    public static PiiGuard load(Path piiDir, Territory territory, Countries countries, Collection<String> otherWords) {
        Properties patterns = new Properties();
        try (Reader reader = Files.newBufferedReader(piiDir.resolve(PATTERNS), UTF_8)) {
            patterns.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the personal-data guard's patterns in " + piiDir, e);
        }
        List<String> places = places(territory, countries);
        places.addAll(otherWords);
        NameLists lists = NameLists.load(piiDir, Patronymics.from(patterns), places);
        return new PiiGuard(new NumberPatterns(patterns), new NameDetector(lists));
    }

    /** The files of {@code conf/pii/} the guard reads (for the rules fingerprint). */
    public static List<String> files() {
        List<String> files = new ArrayList<>(NameLists.files());
        files.add(PATTERNS);
        return files;
    }

    /** The rule one value (a field of a file) breaks, checked for every rule, or empty. */
    public Optional<PiiRule> check(String value) {
        Optional<PiiRule> number = checkNumbers(value);
        if (number.isPresent() || value == null || value.isBlank()) {
            return number;
        }
        return names.isName(value.strip()) ? Optional.of(PiiRule.PERSON_NAME) : Optional.empty();
    }

    /**
     * The rule running text typed by a person (a forum's finding, an action, a note) breaks, or empty: numbers and
     * addresses anywhere in it, and names as they stand in prose ({@link NameDetector#inText}).
     */
    public Optional<PiiRule> checkText(String text) {
        String folded = fold(text);
        Optional<PiiRule> number = checkNumbers(folded);
        if (number.isPresent() || folded == null || folded.isBlank()) {
            return number;
        }
        return names.inText(folded) ? Optional.of(PiiRule.PERSON_NAME) : Optional.empty();
    }

    /**
     * Text as the guard reads it, whatever way it was typed or pasted: compatibility forms folded (full-width digits and
     * signs, ligatures), invisible characters removed (zero-width spaces and joiners, soft hyphens, byte-order marks,
     * combining and enclosing marks left after NFKC, format characters such as direction marks, Hangul fillers),
     * every kind of space a space and every kind of dash a hyphen, and Cyrillic or Greek letters that look Latin made
     * Latin. A name or number disguised by any of these is still found.
     */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String n = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\u2060' || c == '\ufeff' || c == '\u00ad') {
                continue;
            }
            // Marks and format characters that draw nothing or ride on a letter (combining marks left after NFKC, the
            // combining grapheme joiner, variation selectors, direction marks, tags, invisible operators) and the Hangul
            // fillers: gone, as a reader's eye skips them.
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                    || type == Character.SURROGATE && Character.getType(n.codePointAt(i)) == Character.FORMAT
                    || c == '\u115f' || c == '\u1160' || c == '\u3164' || c == '\uffa0') {
                if (Character.isHighSurrogate(c) && i + 1 < n.length()) {
                    i++;
                }
                continue;
            }
            if (Character.isSpaceChar(c) || c == '\t') {
                out.append(' ');
            } else if (Character.getType(c) == Character.DASH_PUNCTUATION || c == '\u2212') {
                out.append('-');
            } else {
                out.append(c);
            }
        }
        return latinInMixedWords(out.toString());
    }

    /**
     * In a word that mixes Latin letters with Cyrillic or Greek ones drawn like Latin (a disguise: "Аrben"), those letters
     * made Latin; a word wholly in another script stays as it is (the name rule finds other scripts on its own).
     */
    private static String latinInMixedWords(String text) {
        java.util.regex.Matcher m = LETTERS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group();
            boolean latin = word.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN);
            boolean other = word.codePoints().anyMatch(cp -> LOOKALIKES.indexOf(cp) >= 0);
            if (latin && other) {
                StringBuilder w = new StringBuilder(word.length());
                word.codePoints().forEach(cp -> w.append(LOOKALIKES.indexOf(cp) >= 0 ? LATIN.charAt(LOOKALIKES.indexOf(cp)) : (char) cp));
                word = w.toString();
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(word));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A word: a run of letters of any script (compiled once: every field with a character outside ASCII is folded). */
    private static final java.util.regex.Pattern LETTERS = java.util.regex.Pattern.compile("\\p{L}+");

    /** Cyrillic and Greek letters drawn like Latin ones, and the Latin letters they pass for (same positions). */
    private static final String LOOKALIKES = "\u0430\u0435\u043e\u0440\u0441\u0445\u0443\u0456\u0458\u0455\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0406\u0408\u0405\u03bf\u039f\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u03a1\u03a4\u03a5\u03a7"
            // Lower-case Greek, Armenian, more Cyrillic and Latin letters drawn like plain Latin ones (a second attack used them).
            + "\u03b1\u03b5\u03b9\u03ba\u03bd\u03c1\u03c4\u03c5\u03c7\u03c9\u0585\u0578\u057d\u0570\u04bb\u0501\u051b\u051d\u0251\u0127\u0131\u0261\u0299";
    private static final String LATIN = "aeopcxyijsABEKMHOPCTXIJSoOABEZHIKMNPTYX" + "aeikvptuxwonuhhdqwahigB";

    /** The rule one value breaks among personal number, e-mail address and phone number (not names), or empty. */
    public Optional<PiiRule> checkNumbers(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (numbers.personalNumber(v)) {
            return Optional.of(PiiRule.PERSONAL_NUMBER);
        }
        if (numbers.email(v)) {
            return Optional.of(PiiRule.EMAIL_ADDRESS);
        }
        if (numbers.phone(v)) {
            return Optional.of(PiiRule.PHONE_NUMBER);
        }
        return Optional.empty();
    }

    /** Whether two values are the same words as the guard compares them (case, diacritics and joiners aside). */
    public static boolean samePhrase(String a, String b) {
        return Words.phrase(a).equals(Words.phrase(b));
    }

    private static List<String> places(Territory territory, Countries countries) {
        List<String> places = new ArrayList<>(countries.names());
        for (County c : territory.counties()) {
            places.add(c.name());
            places.add(c.nameEn());
        }
        for (Municipality m : territory.municipalities()) {
            places.add(m.name());
            places.addAll(m.otherNames());
        }
        places.addAll(territory.municipalityKeys().keySet());
        for (Crossing c : territory.crossings()) {
            places.add(c.name());
            places.add(c.code());
        }
        return places;
    }
}
