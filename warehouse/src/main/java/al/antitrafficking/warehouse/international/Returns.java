package al.antitrafficking.warehouse.international;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The international returns (UNODC GLOTIP, Eurostat, SDG 16.2.2) as {@code conf/international/returns.yaml} defines
 * them: the NRM statuses they count, the breakdowns (an NRM dimension's codes gathered into each body's categories) and
 * each return's tables (rows by one breakdown, columns by another, with totals). The release plans their cells from
 * this, so a public return is a set of release tables; the mapping is data, documented in the file.
 */
public record Returns(List<String> statuses, Map<String, Breakdown> breakdowns, List<Return> returns) {
    public static final String TOTAL = "total";

    /** One category: its code, its labels (sq, en, and each body's), and the dimension's codes it gathers. */
    public record Category(String code, Map<String, String> labels, SortedSet<String> values) {
        public String label(String key) {
            return labels.getOrDefault(key, code);
        }

        public boolean grouped() {
            return values.size() > 1;
        }
    }

    /** A breakdown of one NRM dimension into disjoint categories. */
    public record Breakdown(String id, String dimension, List<Category> categories) {}

    /** A return table: rows by one breakdown, columns by another; the GLOTIP layout's Dimension where it has one. */
    public record Table(String id, String rows, String columns, Optional<String> glotipDimension) {}

    /** One return. */
    public record Return(String id, String body, Map<String, String> title, List<Table> tables) {}

    public Optional<Return> find(String id) {
        return returns.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Breakdown breakdown(String id) {
        return breakdowns.get(id);
    }

    @SuppressWarnings("unchecked")
    public static Returns load(Path file) {
        Map<String, Object> root;
        try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the international returns " + file, e);
        }
        try {
            List<String> statuses = ((List<Object>) root.get("statuses")).stream().map(String::valueOf).toList();
            Map<String, Breakdown> breakdowns = new LinkedHashMap<>();
            ((Map<String, Map<String, Object>>) root.get("breakdowns")).forEach((id, b) -> {
                List<Category> categories = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (Map<String, Object> c : (List<Map<String, Object>>) b.get("categories")) {
                    Map<String, String> labels = new LinkedHashMap<>();
                    c.forEach((k, v) -> {
                        if (!k.equals("code") && !k.equals("values")) {
                            labels.put(k, String.valueOf(v));
                        }
                    });
                    SortedSet<String> values = new TreeSet<>();
                    for (Object v : (List<Object>) c.get("values")) {
                        // YAML reads a bare NO (Norway) as false: every code must be quoted text.
                        if (!(v instanceof String text)) {
                            throw new IllegalStateException("breakdown " + id + " has a value that is not quoted text: " + v);
                        }
                        values.add(text);
                    }
                    for (String v : values) {
                        if (!seen.add(v)) {
                            throw new IllegalStateException("breakdown " + id + " puts " + v + " in two categories");
                        }
                    }
                    categories.add(new Category(String.valueOf(c.get("code")), Map.copyOf(labels), values));
                }
                breakdowns.put(id, new Breakdown(id, String.valueOf(b.get("dimension")), List.copyOf(categories)));
                if ("status".equals(b.get("dimension")) && !statuses.containsAll(seen)) {
                    throw new IllegalStateException("breakdown " + id + " names a status the returns do not count");
                }
            });
            List<Return> returns = new ArrayList<>();
            for (Map<String, Object> r : (List<Map<String, Object>>) root.get("returns")) {
                List<Table> tables = new ArrayList<>();
                for (Map<String, Object> t : (List<Map<String, Object>>) r.get("tables")) {
                    Table table = new Table(String.valueOf(t.get("id")), String.valueOf(t.get("rows")), String.valueOf(t.get("columns")),
                            Optional.ofNullable((String) t.get("glotip_dimension")));
                    for (String b : List.of(table.rows(), table.columns())) {
                        if (!breakdowns.containsKey(b)) {
                            throw new IllegalStateException("table " + r.get("id") + "." + table.id() + " names no breakdown " + b);
                        }
                    }
                    if (table.id().equals("data") || !table.id().matches("[a-z0-9_]{1,31}")) {
                        throw new IllegalStateException("a table of " + r.get("id") + " needs an id of 1 to 31 lower-case letters, digits or _, "
                                + "other than data (the workbook's data sheet)");
                    }
                    if (breakdowns.get(table.rows()).dimension().equals(breakdowns.get(table.columns()).dimension())) {
                        throw new IllegalStateException("table " + r.get("id") + "." + table.id() + " crosses a dimension with itself");
                    }
                    tables.add(table);
                }
                returns.add(new Return(String.valueOf(r.get("id")), String.valueOf(r.get("body")),
                        Map.copyOf((Map<String, String>) r.get("title")), List.copyOf(tables)));
            }
            return new Returns(statuses, Map.copyOf(breakdowns), List.copyOf(returns));
        } catch (ClassCastException | NullPointerException | IllegalStateException e) {
            throw new IllegalStateException("Cannot load the international returns " + file + ": " + e.getMessage(), e);
        }
    }
}
