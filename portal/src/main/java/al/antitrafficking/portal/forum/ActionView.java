package al.antitrafficking.portal.forum;

import al.antitrafficking.warehouse.forum.Action;
import al.antitrafficking.warehouse.forum.ActionStatus;
import al.antitrafficking.warehouse.reference.County;
import al.antitrafficking.warehouse.reference.Territory;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** An action as the API shows it: its fields, the county's name, whether it is overdue today, and where it may go next. */
public record ActionView(
        long id,
        long forumId,
        String text,
        String finding,
        String responsibleInstitution,
        String countyCode,
        String countyName,
        LocalDate dueDate,
        ActionStatus status,
        String dropReason,
        List<String> indicators,
        boolean example,
        boolean overdue,
        Set<ActionStatus> nextStatuses,
        int version,
        String updatedAt,
        String updatedBy) {

    static ActionView of(Action a, Territory territory, LocalDate today) {
        String county = territory.findCounty(a.countyCode()).map(County::name).orElse(a.countyCode());
        return new ActionView(a.id(), a.forumId(), a.text(), a.finding(), a.responsibleInstitution(), a.countyCode(), county,
                a.dueDate(), a.status(), a.dropReason(), a.indicators(), a.example(), a.overdueOn(today), a.status().next(),
                a.version(), a.updatedAt(), a.updatedBy());
    }
}
