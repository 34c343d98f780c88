package al.antitrafficking.warehouse.forum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * DOMAIN.md's forum-action indicators: actions identified, integrated into the NRM plan (integrated, in
 * progress or done now), completed, dropped and overdue on a day, by county or by responsible institution.
 * They count institutions' work, not children, so disclosure control does not apply. Example actions made up
 * for the demo are left out and counted apart, so they are never taken for facts.
 */
public record ActionSummary(By by, LocalDate on, List<Row> rows, Row total, int examplesLeftOut) {
    public enum By {
        COUNTY(Action::countyCode), INSTITUTION(Action::responsibleInstitution);

        private final Function<Action, String> key;

        By(Function<Action, String> key) {
            this.key = key;
        }
    }

    public record Row(String key, long identified, long integrated, long completed, long dropped, long overdue) {}

    public ActionSummary {
        rows = List.copyOf(rows);
    }

    public static ActionSummary of(List<Action> actions, By by, LocalDate on) {
        Map<String, List<Action>> groups = new TreeMap<>();
        int examples = 0;
        for (Action a : actions) {
            if (a.example()) {
                examples++;
            } else {
                groups.computeIfAbsent(by.key.apply(a), k -> new ArrayList<>()).add(a);
            }
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((key, group) -> rows.add(row(key, group, on)));
        return new ActionSummary(by, on, rows, row("", groups.values().stream().flatMap(List::stream).toList(), on), examples);
    }

    private static Row row(String key, List<Action> actions, LocalDate on) {
        return new Row(key, actions.size(),
                actions.stream().filter(a -> a.status() == ActionStatus.INTEGRATED || a.status() == ActionStatus.IN_PROGRESS
                        || a.status() == ActionStatus.DONE).count(),
                actions.stream().filter(a -> a.status() == ActionStatus.DONE).count(),
                actions.stream().filter(a -> a.status() == ActionStatus.DROPPED).count(),
                actions.stream().filter(a -> a.overdueOn(on)).count());
    }
}
