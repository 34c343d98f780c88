package al.antitrafficking.warehouse.forum;

import java.util.List;

/** An action as a person typed it (create or edit), not yet checked. {@code version} is required on edit. */
public record ActionForm(
        Long forumId,
        String text,
        String finding,
        String responsibleInstitution,
        String county,
        String dueDate,
        List<String> indicators,
        String editor,
        Integer version) {}
