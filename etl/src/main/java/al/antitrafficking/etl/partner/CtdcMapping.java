package al.antitrafficking.etl.partner;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * How CTDC-format records map into the partner-records fact, read from {@code conf/international/ctdc-mapping.yaml}
 * (documented there): the columns a file may carry, the values meaning unknown, the codes of sex, age band and age
 * group, the flags and the forms of exploitation they make, the country columns.
 */
public record CtdcMapping(List<String> required, List<String> optional, Set<String> unknown, int firstYear, Map<String, String> sex,
                          Map<String, Band> ageBands, Map<String, String> majorityStatus, List<String> flagPrefixes,
                          Set<String> flagValues, Map<String, List<String>> forms, List<String> countries, Set<String> datasources) {
    public static final String FILE = "international/ctdc-mapping.yaml";

    /** An ageBroad band as kept, and the age group (0-17, 18+) it lies in. */
    public record Band(String band, String group) {}

    /** Every column a file may carry, required first. */
    public List<String> columns() {
        List<String> all = new ArrayList<>(required);
        all.addAll(optional);
        return all;
    }

    public boolean isFlag(String column) {
        return flagPrefixes.stream().anyMatch(column::startsWith);
    }

    @SuppressWarnings("unchecked")
    public static CtdcMapping load(Path file) {
        Map<String, Object> root;
        try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CTDC mapping " + file, e);
        }
        try {
            Map<String, Band> bands = new LinkedHashMap<>();
            ((Map<String, Map<String, String>>) root.get("age_band")).forEach((k, v) -> bands.put(k, new Band(v.get("band"), v.get("group"))));
            Map<String, List<String>> forms = new LinkedHashMap<>();
            ((Map<String, List<String>>) root.get("forms")).forEach((k, v) -> forms.put(k, List.copyOf(v)));
            CtdcMapping m = new CtdcMapping(strings(root, "required"), strings(root, "optional"), new LinkedHashSet<>(strings(root, "unknown")),
                    (Integer) root.get("first_year"), Map.copyOf((Map<String, String>) root.get("sex")), bands,
                    Map.copyOf((Map<String, String>) root.get("majority_status")), strings(root, "flag_prefixes"),
                    new LinkedHashSet<>(strings(root, "flag_values")), forms, strings(root, "countries"),
                    new LinkedHashSet<>(strings(root, "datasource")));
            for (List<String> flags : forms.values()) {
                for (String f : flags) {
                    if (!m.columns().contains(f) || !m.isFlag(f)) {
                        throw new IllegalStateException("a form's flag " + f + " is not a flag column of the format");
                    }
                }
            }
            return m;
        } catch (ClassCastException | NullPointerException | IllegalStateException e) {
            throw new IllegalStateException("Cannot read the CTDC mapping " + file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> root, String key) {
        Object v = root.get(key);
        if (!(v instanceof List<?> list)) {
            throw new IllegalStateException("no list " + key);
        }
        return ((List<Object>) list).stream().map(String::valueOf).toList();
    }
}
