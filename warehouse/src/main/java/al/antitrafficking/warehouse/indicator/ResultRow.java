package al.antitrafficking.warehouse.indicator;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.warehouse.disclosure.CellStatus;
import java.util.Map;
import java.util.Set;

/**
 * One cell of a result: a period and the group's dimension values; the value (a count, percent, rate or
 * median days), its numerator and denominator where the unit has them; the disclosure status; and flags
 * such as DENOMINATOR_MISSING, POPULATION_ESTIMATE or NO_OBSERVATIONS. Withheld values are null.
 */
public record ResultRow(String period, Map<String, String> group, Double value, Long numerator, Double denominator,
                        CellStatus status, Set<String> flags) {
    public ResultRow {
        requireNonNull(period, "period is null");
        group = Map.copyOf(group);
        requireNonNull(status, "status is null");
        flags = Set.copyOf(flags);
    }
}
