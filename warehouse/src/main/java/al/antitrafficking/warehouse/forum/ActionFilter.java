package al.antitrafficking.warehouse.forum;

import java.time.LocalDate;
import java.util.Optional;

/** Which actions to list; empty parts match everything. {@code overdueOn} keeps only actions overdue on that day. */
public record ActionFilter(
        Optional<Long> forumId,
        Optional<String> countyCode,
        Optional<String> institution,
        Optional<ActionStatus> status,
        Optional<LocalDate> overdueOn) {

    public static ActionFilter all() {
        return new ActionFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
