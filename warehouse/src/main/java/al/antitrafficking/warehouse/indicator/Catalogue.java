package al.antitrafficking.warehouse.indicator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The indicator catalogue read from {@code conf/indicators/catalogue.yaml}. Every definition is checked
 * against the allow-list of {@link FactTable}: an unknown fact, date, column, dimension or day column, a
 * unit that does not fit the measure, or a percentage without a numerator stops loading with a message
 * naming the indicator.
 */
public final class Catalogue {
    private final Map<String, Indicator> indicators;
    private final Optional<al.antitrafficking.warehouse.international.Returns> returns;

    private Catalogue(Map<String, Indicator> indicators, Optional<al.antitrafficking.warehouse.international.Returns> returns) {
        this.indicators = indicators;
        this.returns = returns;
    }

    public static Catalogue load(Path file) {
        Object root;
        try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load indicator catalogue " + file, e);
        } catch (RuntimeException e) {
            throw new CatalogueException("Cannot load indicator catalogue " + file + ": not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("indicators") instanceof List<?> list)) {
            throw new CatalogueException("Cannot load indicator catalogue " + file + ": expected a list under 'indicators'");
        }
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new CatalogueException("Cannot load indicator catalogue: an entry is not a mapping");
            }
            Indicator indicator = parse(map);
            if (indicators.put(indicator.id(), indicator) != null) {
                throw new CatalogueException("Cannot load indicator " + indicator.id() + ": defined twice");
            }
        }
        Optional<al.antitrafficking.warehouse.international.Returns> returns = Optional.empty();
        if (top.get("returns_file") instanceof String name) {
            Path returnsFile = file.toAbsolutePath().getParent().resolve(name).normalize();
            try {
                returns = Optional.of(al.antitrafficking.warehouse.international.Returns.load(returnsFile));
            } catch (RuntimeException e) {
                throw new CatalogueException(e.getMessage());
            }
            for (var b : returns.get().breakdowns().values()) {
                if (FactTable.NRM.dimensionColumn(b.dimension()).isEmpty()) {
                    throw new CatalogueException("Cannot load the international returns " + returnsFile + ": breakdown " + b.id()
                            + " names no dimension of the NRM facts: " + b.dimension());
                }
            }
        }
        return new Catalogue(indicators, returns);
    }

    /** The same indicators without the international returns: a release planned from it publishes no return table. */
    public Catalogue withoutReturns() {
        return new Catalogue(indicators, Optional.empty());
    }

    /** The international returns the catalogue names ({@code returns_file}), whose public tables the release carries. */
    public Optional<al.antitrafficking.warehouse.international.Returns> returns() {
        return returns;
    }

    public List<Indicator> indicators() {
        return List.copyOf(indicators.values());
    }

    public Optional<Indicator> find(String id) {
        return Optional.ofNullable(indicators.get(id));
    }

    private static Indicator parse(Map<?, ?> m) {
        String id = text(m, "id", "?");
        try {
            Unit unit = Unit.valueOf(text(m, "unit", id).toUpperCase(Locale.ROOT));
            FactTable fact = FactTable.fromCode(text(m, "fact", id)).orElseThrow(() -> fail(id, "unknown fact " + m.get("fact")));
            String date = text(m, "date", id);
            if (!fact.hasDate(date)) {
                throw fail(id, "fact " + fact.code() + " has no date " + date);
            }
            Indicator.Measure measure = Indicator.Measure.valueOf(text(m, "measure", id).toUpperCase(Locale.ROOT));
            Optional<String> days = Optional.ofNullable((String) m.get("days"));
            if ((measure == Indicator.Measure.MEDIAN_DAYS) != (unit == Unit.MEDIAN_DAYS)) {
                throw fail(id, "unit median_days goes with measure median_days, and only with it");
            }
            if (measure == Indicator.Measure.MEDIAN_DAYS && days.flatMap(fact::daysExpression).isEmpty()) {
                throw fail(id, "fact " + fact.code() + " has no day column " + days.orElse("(none given)"));
            }
            List<Condition> where = conditions(id, fact, m.get("where"));
            List<Condition> numerator = conditions(id, fact, m.get("numerator_where"));
            if ((unit == Unit.PERCENT) == numerator.isEmpty()) {
                throw fail(id, "a percent needs numerator_where, and only a percent has one");
            }
            List<String> dimensions = new ArrayList<>();
            for (Object d : list(m.get("dimensions"))) {
                String dimension = String.valueOf(d);
                if (fact.dimensionColumn(dimension).isEmpty()) {
                    throw fail(id, "fact " + fact.code() + " has no dimension " + dimension);
                }
                dimensions.add(dimension);
            }
            if ((unit == Unit.RATE_PER_100K_RESIDENTS || unit == Unit.RATE_PER_10K_CHILDREN || unit == Unit.RATE_PER_100K_CHILDREN)
                    && !dimensions.stream().allMatch(d -> d.equals("county"))) {
                throw fail(id, "a rate can only be broken down by county: the population is known by county alone");
            }
            boolean byMunicipality = Boolean.TRUE.equals(m.get("published_by_municipality"));
            if (byMunicipality && (!dimensions.contains("municipality") || unit != Unit.COUNT)) {
                throw fail(id, "only a count with the dimension municipality can be published by municipality");
            }
            Object better = m.get("higher_is_better");
            return new Indicator(id, languages(id, m.get("name")), languages(id, m.get("description")), unit, fact, date, measure,
                    days, where, numerator, dimensions, byMunicipality, better == null ? Optional.empty() : Optional.of((Boolean) better),
                    text(m, "source", id), m.get("source_sq") == null ? null : String.valueOf(m.get("source_sq")));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw fail(id, e.getMessage());
        }
    }

    private static List<Condition> conditions(String id, FactTable fact, Object raw) {
        List<Condition> conditions = new ArrayList<>();
        for (Object item : list(raw)) {
            if (!(item instanceof Map<?, ?> c) || !(c.get("column") instanceof String column)) {
                throw fail(id, "a condition needs a column");
            }
            if (!fact.allowsCondition(column)) {
                throw fail(id, "fact " + fact.code() + " has no column " + column + " to test");
            }
            Condition condition;
            if (c.containsKey("in")) {
                condition = new Condition(column, Condition.Test.IN, list(c.get("in")).stream().map(v -> (Object) String.valueOf(v)).toList());
            } else if (c.containsKey("is_null")) {
                condition = new Condition(column, Boolean.TRUE.equals(c.get("is_null")) ? Condition.Test.IS_NULL : Condition.Test.IS_NOT_NULL, List.of());
            } else if (c.containsKey("is")) {
                condition = new Condition(column, Boolean.TRUE.equals(c.get("is")) ? Condition.Test.IS_TRUE : Condition.Test.IS_FALSE, List.of());
            } else if (c.containsKey("at_most")) {
                condition = new Condition(column, Condition.Test.AT_MOST, List.of(((Number) c.get("at_most")).longValue()));
            } else if (c.containsKey("at_least")) {
                condition = new Condition(column, Condition.Test.AT_LEAST, List.of(((Number) c.get("at_least")).longValue()));
            } else {
                throw fail(id, "condition on " + column + " says neither in, is, is_null, at_most nor at_least");
            }
            conditions.add(condition);
        }
        return conditions;
    }

    private static Map<String, String> languages(String id, Object raw) {
        if (!(raw instanceof Map<?, ?> map) || !(map.get("sq") instanceof String sq) || !(map.get("en") instanceof String en)) {
            throw fail(id, "name and description need both sq and en");
        }
        return Map.of("sq", sq, "en", en);
    }

    private static String text(Map<?, ?> m, String key, String id) {
        Object value = m.get(key);
        if (!(value instanceof String s) || s.isBlank()) {
            throw fail(id, "missing " + key);
        }
        return s;
    }

    private static List<?> list(Object raw) {
        return raw == null ? List.of() : (List<?>) raw;
    }

    private static CatalogueException fail(String id, String problem) {
        return new CatalogueException("Cannot load indicator " + id + ": " + problem);
    }
}
