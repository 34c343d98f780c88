package al.antitrafficking.warehouse.release;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.warehouse.indicator.PeriodType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One table of the release: a family's rows meeting criteria, counted by territory, period and each combination of
 * the split dimensions' values, at the given territory levels, for periods no finer than {@code finest} (the build
 * then publishes the finest grain that stays safe). {@code rolling}: also the overview's rolling twelve-month
 * windows, where months are published. {@code medianDays}: the table counts observations of a day column, whose
 * median each cell carries.
 */
public record ReleaseTable(String id, Family family, Criteria criteria, List<String> splits, Set<Level> levels, boolean rolling,
                           PeriodType finest, Optional<String> medianDays) {
    public ReleaseTable {
        requireNonNull(id, "id is null");
        requireNonNull(family, "family is null");
        requireNonNull(criteria, "criteria is null");
        splits = List.copyOf(splits);
        levels = Set.copyOf(levels);
        requireNonNull(finest, "finest is null");
        requireNonNull(medianDays, "medianDays is null");
    }

    static String idOf(Family family, Criteria criteria, List<String> splits) {
        return family.id() + "|" + criteria.key() + "|" + String.join(",", splits);
    }
}
