package al.antitrafficking.warehouse.indicator;

import al.antitrafficking.warehouse.disclosure.CellStatus;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A result row from counts that may be shown: a count, a percentage of its denominator, a rate per residents or
 * children of a place (missing, never zero, without a denominator; flagged when the population is an estimate), a
 * median with its number of observations. Used for the release's published cells and for internal answers alike.
 */
public final class Figures {
    private Figures() {}

    /** {@code main}: the count, the percent's denominator, the median's observations; {@code second}: the percent's numerator. */
    public static ResultRow row(Unit unit, String period, Map<String, String> group, long main, long second, Double median,
                                Population population, String place) {
        return switch (unit) {
            case COUNT -> new ResultRow(period, group, (double) main, main, null, CellStatus.PUBLISHED, Set.of());
            case PERCENT -> main == 0
                    ? new ResultRow(period, group, null, 0L, 0.0, CellStatus.PUBLISHED, Set.of("NO_OBSERVATIONS"))
                    : new ResultRow(period, group, 100.0 * second / main, second, (double) main, CellStatus.PUBLISHED, Set.of());
            case RATE_PER_100K_RESIDENTS -> rate(period, group, main, population.residents(place, year(period)), 100_000);
            case RATE_PER_10K_CHILDREN -> rate(period, group, main, population.children(place, year(period)), 10_000);
            case RATE_PER_100K_CHILDREN -> rate(period, group, main, population.children(place, year(period)), 100_000);
            case MEDIAN_DAYS -> main == 0
                    ? new ResultRow(period, group, null, 0L, null, CellStatus.PUBLISHED, Set.of("NO_OBSERVATIONS"))
                    : new ResultRow(period, group, median, main, null, CellStatus.PUBLISHED, Set.of());
        };
    }

    private static ResultRow rate(String period, Map<String, String> group, long count, Optional<Population.Figure> denominator, int per) {
        if (denominator.isEmpty() || denominator.get().value() <= 0) {
            return new ResultRow(period, group, null, count, null, CellStatus.PUBLISHED, Set.of("DENOMINATOR_MISSING"));
        }
        double population = denominator.get().value();
        return new ResultRow(period, group, count * (double) per / population, count, population, CellStatus.PUBLISHED,
                denominator.get().estimate() ? Set.of("POPULATION_ESTIMATE") : Set.of());
    }

    private static int year(String period) {
        return Integer.parseInt(period.substring(0, 4));
    }
}
