package al.antitrafficking.etl.pii;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.etl.contract.Countries;
import al.antitrafficking.etl.contract.DataContract;
import al.antitrafficking.etl.contract.Field;
import al.antitrafficking.etl.contract.FieldType;
import al.antitrafficking.etl.contract.Source;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The personal-data guard: whether a value in a column looks like a direct identifier (a personal number, a phone
 * number, an e-mail address or a person's name). Any such value refuses its whole file; reports name the rule, the
 * column and the row, never the value.
 *
 * <p>The guard knows the column it checks: a value valid for its column's type (a pseudonym, a date, an age, an
 * allowed choice, an ISO country code) is no identifier, and a known place in a place column (Dibra and Mati are
 * places and surnames) is no name. Every other value, record ids and the surplus fields of malformed rows included,
 * is checked for every rule. Word lists and patterns are data in {@code conf/pii/} (README there).
 */
public final class PiiGuard {
    public static final String PATTERNS = "patterns.properties";
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern AGE = Pattern.compile("\\d{1,3}|0-5|6-11|12-14|15-17|18\\+");

    private final NumberPatterns numbers;
    private final NameDetector names;
    private final Territory territory;
    private final Countries countries;

    private PiiGuard(NumberPatterns numbers, NameDetector names, Territory territory, Countries countries) {
        this.numbers = numbers;
        this.names = names;
        this.territory = territory;
        this.countries = countries;
    }

    /** Reads the lists and patterns of {@code piiDir}; places and contract words come from the reference and contract. */
    public static PiiGuard load(Path piiDir, Territory territory, Countries countries, DataContract contract) {
        Properties patterns = new Properties();
        try (Reader reader = Files.newBufferedReader(piiDir.resolve(PATTERNS), UTF_8)) {
            patterns.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the personal-data guard's patterns in " + piiDir, e);
        }
        NameLists lists = NameLists.load(piiDir, Patronymics.from(patterns), places(territory, countries, contract));
        return new PiiGuard(new NumberPatterns(patterns), new NameDetector(lists), territory, countries);
    }

    /** The files of {@code conf/pii/} the guard reads (for the rules fingerprint). */
    public static List<String> files() {
        List<String> files = new ArrayList<>(NameLists.files());
        files.add(PATTERNS);
        return files;
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
        if (field != null && validForType(field, v)) {
            return Optional.empty();
        }
        if (numbers.personalNumber(v)) {
            return Optional.of(PiiRule.PERSONAL_NUMBER);
        }
        if (numbers.email(v)) {
            return Optional.of(PiiRule.EMAIL_ADDRESS);
        }
        if (numbers.phone(v)) {
            return Optional.of(PiiRule.PHONE_NUMBER);
        }
        if ((field == null || !knownPlace(field.type(), v)) && names.isName(v)) {
            return Optional.of(PiiRule.PERSON_NAME);
        }
        return Optional.empty();
    }

    /** Values that cannot hold an identifier: what the contract expects in a closed-format column. */
    private boolean validForType(Field field, String v) {
        return switch (field.type()) {
            case PSEUDONYM -> HEX64.matcher(v).matches();
            case DATE -> DATE.matcher(v).matches();
            case AGE -> AGE.matcher(v).matches();
            case CHOICE -> field.allowed().stream().anyMatch(a -> a.equalsIgnoreCase(v));
            case COUNTRY -> v.length() == 2 && countries.known(v);
            default -> false;
        };
    }

    /** A known place in a place column (by code, name or lenient name) is no name, whatever else it is. */
    private boolean knownPlace(FieldType type, String v) {
        return switch (type) {
            case MUNICIPALITY -> territory.findMunicipality(v).isPresent();
            case CROSSING -> territory.findCrossing(v.toUpperCase(Locale.ROOT)).isPresent();
            case COUNTY -> territory.findCounty(v.toUpperCase(Locale.ROOT)).isPresent()
                    || territory.counties().stream().anyMatch(c -> Words.phrase(c.name()).equals(Words.phrase(v)));
            default -> false;
        };
    }

    private static List<String> places(Territory territory, Countries countries, DataContract contract) {
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
        for (Source s : Source.values()) {
            places.add(s.code());
            for (Field f : contract.fields(s)) {
                places.add(f.name());
                places.addAll(f.allowed());
            }
        }
        return places;
    }

}
