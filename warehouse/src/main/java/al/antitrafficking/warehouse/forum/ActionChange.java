package al.antitrafficking.warehouse.forum;

/** One row of an action's history: who changed which field when, from what to what. */
public record ActionChange(long id, long actionId, String changedAt, String editor, String field, String oldValue, String newValue) {}
