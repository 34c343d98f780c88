package al.antitrafficking.warehouse.reference;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Albania's counties, municipalities and border crossings as read from the reference folder in conf/,
 * with the names of former communes that files may still use (matched after the current names).
 * Loading checks the files against each other: every municipality and crossing names a known county,
 * codes are unique, and no two municipalities share a lenient name key.
 */
public final class Territory {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setIgnoreSurroundingSpaces(true).get();

    private final Map<String, County> counties;
    private final Map<String, Municipality> municipalities;
    private final Map<String, Crossing> crossings;
    private final Map<String, Municipality> municipalitiesByKey;

    private Territory(List<County> counties, List<Municipality> municipalities, List<Crossing> crossings,
                      Map<String, String> formerNames) {
        this.counties = index(counties, County::code, "county");
        this.municipalities = index(municipalities, Municipality::code, "municipality");
        this.crossings = index(crossings, Crossing::code, "crossing");
        this.municipalitiesByKey = new HashMap<>();
        for (Municipality m : municipalities) {
            requireCounty(m.countyCode(), "municipality " + m.code());
            List<String> names = new ArrayList<>(m.otherNames());
            names.add(m.name());
            names.add(m.code());
            for (String name : names) {
                Municipality previous = municipalitiesByKey.put(NameKey.of(name), m);
                if (previous != null && previous != m) {
                    throw new IllegalStateException("Cannot load territory: name " + name + " belongs to both "
                            + previous.code() + " and " + m.code());
                }
            }
        }
        for (Crossing c : crossings) {
            c.countyCode().ifPresent(county -> requireCounty(county, "crossing " + c.code()));
        }
        // Former commune names come after the current names: a current name always wins.
        formerNames.forEach((former, code) -> {
            Municipality m = this.municipalities.get(code);
            if (m == null) {
                throw new IllegalStateException("Cannot load territory: former name " + former + " maps to unknown municipality " + code);
            }
            municipalitiesByKey.putIfAbsent(NameKey.of(former), m);
        });
    }

    /** Reads counties.csv, municipalities.csv and border_crossings.csv from the reference folder. */
    public static Territory load(Path referenceDir) {
        List<County> counties = read(referenceDir.resolve("counties.csv"), r -> new County(
                r.get("code"), r.get("name"), r.get("name_en"),
                Long.parseLong(r.get("census_2011_population")), Long.parseLong(r.get("census_2023_population"))));
        List<Municipality> municipalities = read(referenceDir.resolve("municipalities.csv"), r -> new Municipality(
                r.get("code"), r.get("name"), r.get("county_code"),
                r.get("other_names").isEmpty() ? List.of() : Arrays.asList(r.get("other_names").split("\\|"))));
        List<Crossing> crossings = read(referenceDir.resolve("border_crossings.csv"), r -> new Crossing(
                r.get("code"), r.get("name"), Crossing.Kind.valueOf(r.get("kind").toUpperCase(java.util.Locale.ROOT)),
                optional(r.get("county_code")), optional(r.get("neighbour_country")), r.isMapped("name_sq") ? r.get("name_sq") : null));
        Map<String, String> former = new LinkedHashMap<>();
        Path formerFile = referenceDir.resolve("former_communes.csv");
        if (Files.isRegularFile(formerFile)) {
            read(formerFile, r -> former.put(r.get("former_name"), r.get("municipality_code")));
        }
        return new Territory(counties, municipalities, crossings, former);
    }

    public List<County> counties() {
        return List.copyOf(counties.values());
    }

    public List<Municipality> municipalities() {
        return List.copyOf(municipalities.values());
    }

    public List<Crossing> crossings() {
        return List.copyOf(crossings.values());
    }

    public Optional<County> findCounty(String code) {
        return Optional.ofNullable(counties.get(code));
    }

    public Optional<Crossing> findCrossing(String code) {
        return Optional.ofNullable(crossings.get(code));
    }

    /** Finds a municipality by LAU code or by any of its names, compared leniently ({@link NameKey}). */
    public Optional<Municipality> findMunicipality(String codeOrName) {
        return Optional.ofNullable(municipalitiesByKey.get(NameKey.of(codeOrName)));
    }

    /** Every lenient name key (names, other names, codes) with the municipality it stands for. */
    public Map<String, Municipality> municipalityKeys() {
        return Map.copyOf(municipalitiesByKey);
    }

    public List<Municipality> municipalitiesOf(String countyCode) {
        return municipalities.values().stream().filter(m -> m.countyCode().equals(countyCode)).toList();
    }

    private void requireCounty(String code, String what) {
        if (!counties.containsKey(code)) {
            throw new IllegalStateException("Cannot load territory: unknown county " + code + " for " + what);
        }
    }

    private static Optional<String> optional(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key, String what) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            if (map.put(key.apply(item), item) != null) {
                throw new IllegalStateException("Cannot load territory: duplicate " + what + " code " + key.apply(item));
            }
        }
        return map;
    }

    private static <T> List<T> read(Path file, Function<CSVRecord, T> mapper) {
        try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
            List<T> rows = new ArrayList<>();
            for (CSVRecord record : FORMAT.parse(reader)) {
                try {
                    rows.add(mapper.apply(record));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("Cannot load territory: " + file.getFileName()
                            + " line " + record.getRecordNumber() + ": " + e.getMessage(), e);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load territory: " + file, e);
        }
    }
}
