package al.antitrafficking.warehouse.forum;

/**
 * A translation as a person typed it (the JSON body): what a forum or action text ({@code source}, its exact words as
 * stored) reads in {@code language} (sq or en). A blank {@code translation} removes the translation, so the text shows
 * as typed again. {@link ForumRules#translation} checks it.
 */
public record TranslationForm(String source, String language, String translation) {}
