package al.antitrafficking.warehouse.forum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * DOMAIN.md's forum-action indicators: actions identified, integrated into the NRM plan (integrated, in
 * progress or done now), in progress, completed, dropped and overdue on a day, by county, by the forum that
 * identified them or by responsible institution. They count institutions' work, not children, so disclosure
 * control does not apply. Example actions made up for the demo are left out and counted apart, so they are
 * never taken for facts, unless asked for ({@code examplesCounted} then says how many of the counts are examples).
 */
public record ActionSummary(By by, LocalDate on, List<Row> rows, Row total, int examplesLeftOut, int examplesCounted) {
    public enum By {
        COUNTY(Action::countyCode), FORUM(a -> Long.toString(a.forumId())), INSTITUTION(Action::responsibleInstitution);

        private final Function<Action, String> key;

        By(Function<Action, String> key) {
            this.key = key;
        }
    }

    public record Row(String key, long identified, long integrated, long inProgress, long completed, long dropped, long overdue) {}

    public ActionSummary {
        rows = List.copyOf(rows);
    }

    public static ActionSummary of(List<Action> actions, By by, LocalDate on) {
        return of(actions, by, on, false);
    }

    /** The summary, with the example actions counted when {@code countExamples} (a demo without facts). */
    public static ActionSummary of(List<Action> actions, By by, LocalDate on, boolean countExamples) {
        Map<String, List<Action>> groups = by == By.FORUM ? new TreeMap<>(ActionSummary::byNumber) : new TreeMap<>();
        int examples = 0;
        for (Action a : actions) {
            if (a.example()) {
                examples++;
            }
            if (!a.example() || countExamples) {
                groups.computeIfAbsent(by.key.apply(a), k -> new ArrayList<>()).add(a);
            }
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((key, group) -> rows.add(row(key, group, on)));
        return new ActionSummary(by, on, rows, row("", groups.values().stream().flatMap(List::stream).toList(), on),
                countExamples ? 0 : examples, countExamples ? examples : 0);
    }

    private static int byNumber(String a, String b) {
        return Long.compare(Long.parseLong(a), Long.parseLong(b));
    }

    private static Row row(String key, List<Action> actions, LocalDate on) {
        return new Row(key, actions.size(),
                actions.stream().filter(a -> a.status() == ActionStatus.INTEGRATED || a.status() == ActionStatus.IN_PROGRESS
                        || a.status() == ActionStatus.DONE).count(),
                actions.stream().filter(a -> a.status() == ActionStatus.IN_PROGRESS).count(),
                actions.stream().filter(a -> a.status() == ActionStatus.DONE).count(),
                actions.stream().filter(a -> a.status() == ActionStatus.DROPPED).count(),
                actions.stream().filter(a -> a.overdueOn(on)).count());
    }
}
