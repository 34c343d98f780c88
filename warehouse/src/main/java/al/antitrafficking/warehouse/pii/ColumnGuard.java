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
import java.util.regex.Pattern;

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
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern AGE = Pattern.compile("\\d{1,3}|0-5|6-11|12-14|15-17|18\\+");

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
        if (field == null) {
            return guard.check(v);
        }
        if (validForType(field, v)) {
            return Optional.empty();
        }
        return knownPlace(field.type(), v) ? guard.checkNumbers(v) : guard.check(v);
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
