package al.antitrafficking.warehouse.forum;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Forums and their actions: operational data that people type in, kept apart from the warehouse snapshots
 * so that no ETL run or snapshot rebuild can touch it. Every write is checked first ({@link ForumRules})
 * and saved whole or not at all; edits carry the version they were made on, and a stale version is refused
 * with {@link VersionConflictException} so nothing saved before is lost.
 */
public interface ForumStore {
    List<Forum> forums();

    Optional<Forum> findForum(long id);

    Forum createForum(ForumForm form);

    Forum updateForum(long id, ForumForm form);

    List<Action> actions(ActionFilter filter);

    Optional<Action> findAction(long id);

    Action createAction(ActionForm form);

    /** Edits the fields of an action (not its status), writing one history row per changed field. */
    Action updateAction(long id, ActionForm form);

    Action changeStatus(long id, StatusChange change);

    ActionNote addNote(long actionId, NoteForm note);

    List<ActionNote> notes(long actionId);

    /** Every change to the action, oldest first. */
    List<ActionChange> history(long actionId);

    /**
     * What texts typed in another language (forum titles, findings, actions) read in {@code language}, by their exact
     * words: a text edited since it was translated has no entry, and is shown as typed.
     */
    java.util.Map<String, String> translations(String language);

    /**
     * Saves what a text reads in a language (checked by {@link ForumRules#translation}), replacing an earlier translation
     * of the same words; a blank translation removes it. Gives what was saved (the translation stripped, or null when
     * removed).
     */
    TranslationForm translate(TranslationForm form);

    /** Writes a consistent copy of the whole store to a new file, while the store stays in use. */
    void backupTo(Path target);
}
