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
        Optional<PiiRule> number = checkNumbers(text);
        if (number.isPresent() || text == null || text.isBlank()) {
            return number;
        }
        return names.inText(text) ? Optional.of(PiiRule.PERSON_NAME) : Optional.empty();
    }

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
