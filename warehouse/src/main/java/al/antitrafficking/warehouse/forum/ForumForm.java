package al.antitrafficking.warehouse.forum;

import java.util.List;

/**
 * A forum as a person typed it (the JSON body of a create or edit): text fields, not yet checked.
 * {@link ForumRules} turns it into checked values or field errors. {@code version} is required on edit.
 */
public record ForumForm(
        String heldOn,
        String municipality,
        String title,
        String context,
        List<String> organisers,
        List<String> objectives,
        List<String> institutions,
        List<String> findings,
        String sourceNote,
        String editor,
        Integer version) {}
