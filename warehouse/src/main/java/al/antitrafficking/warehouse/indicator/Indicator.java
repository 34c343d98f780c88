package al.antitrafficking.warehouse.indicator;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One catalogue indicator: names and descriptions by language, unit, the fact and date it counts, its
 * measure (distinct children, rows, or the median of a day column), its conditions and, for a percentage,
 * the numerator's extra conditions; the dimensions it may be broken down by; whether the public release gives it
 * by municipality (only counts the catalogue marks safe at that level: a county committee sees other counties only
 * at county level); whether higher is better.
 */
public record Indicator(
        String id,
        Map<String, String> name,
        Map<String, String> description,
        Unit unit,
        FactTable fact,
        String date,
        Measure measure,
        Optional<String> days,
        List<Condition> where,
        List<Condition> numeratorWhere,
        List<String> dimensions,
        boolean publishedByMunicipality,
        Optional<Boolean> higherIsBetter,
        String source,
        String sourceSq) {

    public enum Measure { DISTINCT_CHILDREN, ROWS, MEDIAN_DAYS }

    public Indicator {
        requireNonNull(id, "id is null");
        name = Map.copyOf(name);
        description = Map.copyOf(description);
        requireNonNull(unit, "unit is null");
        requireNonNull(fact, "fact is null");
        requireNonNull(date, "date is null");
        requireNonNull(measure, "measure is null");
        where = List.copyOf(where);
        numeratorWhere = List.copyOf(numeratorWhere);
        dimensions = List.copyOf(dimensions);
        sourceSq = sourceSq == null || sourceSq.isBlank() ? source : sourceSq;
    }

    /** Where the figures come from, in a language (sq, else English). */
    public String source(String lang) {
        return "sq".equals(lang) ? sourceSq : source;
    }
}
