package al.antitrafficking.warehouse.forum;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * An action a forum identified: what, which finding it answers, who is responsible, where, by when, its
 * status, and the catalogue indicators it should move. Overdue is computed ({@link #overdueOn}), never stored.
 * Example actions (made up for the demo) are flagged, so they are never taken for facts.
 */
public record Action(
        long id,
        long forumId,
        String text,
        String finding,
        String responsibleInstitution,
        String countyCode,
        LocalDate dueDate,
        ActionStatus status,
        String dropReason,
        List<String> indicators,
        boolean example,
        int version,
        String updatedAt,
        String updatedBy) {

    public Action {
        requireNonNull(text, "text is null");
        requireNonNull(finding, "finding is null");
        requireNonNull(responsibleInstitution, "responsibleInstitution is null");
        requireNonNull(countyCode, "countyCode is null");
        requireNonNull(dueDate, "dueDate is null");
        requireNonNull(status, "status is null");
        indicators = List.copyOf(indicators);
    }

    /** Overdue on a day: still open after its due date. Due today is not overdue. */
    public boolean overdueOn(LocalDate today) {
        return status.open() && dueDate.isBefore(today);
    }
}
