package al.antitrafficking.warehouse.indicator;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One condition on an allow-listed column: in a list of values, null or not, true or false, at most or at
 * least a number. Rendered as SQL with every value bound as a parameter.
 */
public record Condition(String column, Test test, List<Object> values) {
    public enum Test { IN, IS_NULL, IS_NOT_NULL, IS_TRUE, IS_FALSE, AT_MOST, AT_LEAST }

    public Condition {
        requireNonNull(column, "column is null");
        requireNonNull(test, "test is null");
        values = List.copyOf(values);
    }

    /** The SQL of this condition; {@code params} receives its values in order. */
    public String sql(List<Object> params) {
        return switch (test) {
            case IN -> {
                params.addAll(values);
                yield column + " IN (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")";
            }
            case IS_NULL -> column + " IS NULL";
            case IS_NOT_NULL -> column + " IS NOT NULL";
            case IS_TRUE -> column + " IS TRUE";
            case IS_FALSE -> column + " IS FALSE";
            case AT_MOST -> {
                params.add(values.get(0));
                yield column + " <= ?";
            }
            case AT_LEAST -> {
                params.add(values.get(0));
                yield column + " >= ?";
            }
        };
    }

    /** The condition as canonical text: equal conditions have equal text. */
    public String canonical() {
        return switch (test) {
            case IN -> column + " IN (" + String.join(",", values.stream().map(String::valueOf).sorted().toList()) + ")";
            case IS_NULL -> column + " IS NULL";
            case IS_NOT_NULL -> column + " IS NOT NULL";
            case IS_TRUE -> column + " IS TRUE";
            case IS_FALSE -> column + " IS FALSE";
            case AT_MOST -> column + " <= " + values.get(0);
            case AT_LEAST -> column + " >= " + values.get(0);
        };
    }
}
