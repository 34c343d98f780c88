package al.antitrafficking.warehouse.forum;

/** A progress note as typed. */
public record NoteForm(String text, String author) {}
