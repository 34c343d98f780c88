package al.antitrafficking.warehouse.forum;

/** A progress note on an action, stored as typed. */
public record ActionNote(long id, long actionId, String writtenAt, String author, String text) {}
