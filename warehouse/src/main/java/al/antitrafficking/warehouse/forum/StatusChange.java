package al.antitrafficking.warehouse.forum;

/** A request to move an action to another status; a reason is required to drop it. */
public record StatusChange(String status, String reason, String editor, Integer version) {}
