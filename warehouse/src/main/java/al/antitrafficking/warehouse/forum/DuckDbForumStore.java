package al.antitrafficking.warehouse.forum;

import al.antitrafficking.warehouse.build.SqlResource;
import al.antitrafficking.warehouse.config.DuckDbLimits;
import al.antitrafficking.warehouse.snapshot.FileLease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBConnection;

/**
 * {@link ForumStore} in an embedded DuckDB file. One process owns the file (DuckDB allows one writer),
 * so writes are serialised by a lock here, each in one transaction: a write is saved whole or not at all.
 *
 * <p>Durability: a write is answered only after DuckDB has committed it, which appends it to the store's write-ahead
 * log ({@code <store>.wal}) and syncs that log to disk; a process killed at any moment loses no committed write and
 * leaves none half-applied (the next open replays the log). The owning process also holds {@code <store>.lock}, which
 * a restore takes first: a restore never swaps the file under a running portal, and a portal never opens a file a
 * restore is swapping. The operating system releases the lock when the process dies.
 */
public final class DuckDbForumStore implements ForumStore, AutoCloseable {
    private static final List<String> TABLES = List.of("forum", "action", "action_note", "action_change", "audit_event", "upload_receipt");

    private final DuckDBConnection connection;
    private final ForumRules rules;
    private final Clock clock;
    private final ReentrantLock writeLock = new ReentrantLock();

    private final FileLease lease;
    private final DuckDbUserStore users;
    private final DuckDbAuditTrail audit;
    private final DuckDbUploadReceipts receipts;

    private DuckDbForumStore(DuckDBConnection connection, ForumRules rules, Clock clock, FileLease lease) {
        this.lease = lease;
        this.connection = connection;
        this.rules = rules;
        this.clock = clock;
        this.users = new DuckDbUserStore(this, clock);
        this.audit = new DuckDbAuditTrail(this, clock);
        this.receipts = new DuckDbUploadReceipts(this, clock);
    }

    /** The receipts of files data clerks sent through the portal, kept in the same file. */
    public al.antitrafficking.warehouse.intake.UploadReceipts uploadReceipts() {
        return receipts;
    }

    /** The portal's accounts, kept in the same file as the forums (one backup, one restore). */
    public al.antitrafficking.warehouse.access.UserStore users() {
        return users;
    }

    /** A setting of the store's database, as DuckDB reports it ({@code memory_limit}, {@code threads}). */
    String setting(String name) {
        try (java.sql.PreparedStatement s = connection.prepareStatement("SELECT current_setting(?)")) {
            s.setString(1, name);
            try (java.sql.ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read forum store: " + e.getMessage(), e);
        }
    }

    /** Checks accounts' counties and institutions against reference data (by default their shape only). */
    public void accountRules(java.util.function.Predicate<String> knownCounty, java.util.function.Predicate<String> knownInstitution) {
        users.accountRules(knownCounty, knownInstitution);
    }

    /** The append-only audit trail, kept in the same file. */
    public al.antitrafficking.warehouse.access.AuditTrail audit() {
        return audit;
    }

    /** Opens (creating if needed) the store file and brings its schema up to date, with DuckDB's own limits (tests). */
    public static DuckDbForumStore open(Path file, ForumRules rules, Clock clock) {
        return open(file, rules, clock, null);
    }

    /**
     * Opens (creating if needed) the store file and brings its schema up to date, its database bounded by {@code limits}
     * from the start, its migrations included: the portal's one long-lived DuckDB database, and the commands' that open it
     * (backup, restore, accounts). Unbounded, DuckDB would take up to 80 % of the machine's memory.
     */
    public static DuckDbForumStore open(Path file, ForumRules rules, Clock clock, DuckDbLimits limits) {
        FileLease lease = FileLease.take(lockFile(file), Duration.ZERO, false).orElseThrow(() -> new IllegalStateException(
                "Cannot open forum store " + file + ": another process holds it (a running portal, a backup or a restore)"));
        try {
            ownerOnly(Files.createDirectories(file.toAbsolutePath().getParent()));
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(),
                    limits == null ? new java.util.Properties() : limits.asConfiguration());
            try {
                Migrations.apply(c);
            } catch (SQLException | RuntimeException e) {
                try {
                    c.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
            return new DuckDbForumStore(c.unwrap(DuckDBConnection.class), rules, clock, lease);
        } catch (SQLException e) {
            lease.close();
            throw new IllegalStateException("Cannot open forum store " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            lease.close();
            throw new UncheckedIOException("Cannot open forum store " + file, e);
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /**
     * Makes a folder of the store or its backups readable by its owner only: the store holds password hashes, the audit
     * trail and every action's text, and DuckDB creates its files (the write-ahead log too) with the process's umask.
     */
    static void ownerOnly(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** The lock file the process holding a store keeps locked. */
    public static Path lockFile(Path store) {
        return store.toAbsolutePath().resolveSibling(store.getFileName() + ".lock");
    }

    @Override
    public List<Forum> forums() {
        return read(c -> selectForums(c, null));
    }

    @Override
    public Optional<Forum> findForum(long id) {
        return read(c -> selectForums(c, id)).stream().findFirst();
    }

    @Override
    public Forum createForum(ForumForm form) {
        ForumRules.ForumValues v = rules.forum(form);
        return write(c -> {
            long id = nextId(c, "forum");
            execute(c, "insert_forum.sql", id, v.heldOn(), v.municipalityCode(), v.title(), v.context(), array(c, v.organisers()),
                    array(c, v.objectives()), array(c, v.institutions()), array(c, v.findings()), v.sourceNote(), now(), v.editor());
            return selectForums(c, id).get(0);
        });
    }

    @Override
    public Forum updateForum(long id, ForumForm form) {
        ForumRules.ForumValues v = rules.forum(form);
        int version = requireVersion(form.version());
        return write(c -> {
            Forum current = selectForums(c, id).stream().findFirst().orElseThrow(() -> notFound("forum", id));
            int updated = execute(c, "update_forum.sql", v.heldOn(), v.municipalityCode(), v.title(), v.context(),
                    array(c, v.organisers()), array(c, v.objectives()), array(c, v.institutions()), array(c, v.findings()),
                    v.sourceNote(), now(), v.editor(), id, version);
            if (updated == 0) {
                throw new VersionConflictException("forum " + id, version, current.version(), current);
            }
            execute(c, "drop_unheld_translations.sql");
            return selectForums(c, id).get(0);
        });
    }

    @Override
    public java.util.Map<String, String> translations(String language) {
        return read(c -> {
            java.util.Map<String, String> texts = new java.util.TreeMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT source, translation FROM text_translation WHERE language = ?")) {
                p.setString(1, language);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        texts.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return texts;
        });
    }

    @Override
    public TranslationForm translate(TranslationForm form) {
        TranslationForm t = rules.translation(form);
        return write(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM text_translation WHERE source = ? AND language = ?")) {
                p.setString(1, t.source());
                p.setString(2, t.language());
                p.executeUpdate();
            }
            if (t.translation() != null) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO text_translation (source, language, translation) VALUES (?, ?, ?)")) {
                    p.setString(1, t.source());
                    p.setString(2, t.language());
                    p.setString(3, t.translation());
                    p.executeUpdate();
                }
            }
            return t;
        });
    }

    @Override
    public List<Action> actions(ActionFilter f) {
        return read(c -> selectActions(c, null, f));
    }

    @Override
    public Optional<Action> findAction(long id) {
        return read(c -> selectActions(c, id, ActionFilter.all())).stream().findFirst();
    }

    @Override
    public Action createAction(ActionForm form) {
        return createAction(form, false);
    }

    /** Creates an action marked as a made-up example (demo data), never to be taken for a fact. */
    public Action createExampleAction(ActionForm form) {
        return createAction(form, true);
    }

    private Action createAction(ActionForm form, boolean example) {
        return write(c -> {
            ForumRules.ActionValues v = rules.action(form, form.forumId() == null ? Optional.empty()
                    : selectForums(c, form.forumId()).stream().findFirst());
            long id = nextId(c, "action");
            execute(c, "insert_action.sql", id, v.forumId(), v.text(), v.finding(), v.responsibleInstitution(), v.countyCode(),
                    v.dueDate(), array(c, v.indicators()), example, now(), v.editor());
            change(c, id, v.editor(), "created", null, ActionStatus.PROPOSED.name());
            return selectActions(c, id, ActionFilter.all()).get(0);
        });
    }

    @Override
    public Action updateAction(long id, ActionForm form) {
        int version = requireVersion(form.version());
        return write(c -> {
            Action current = selectActions(c, id, ActionFilter.all()).stream().findFirst().orElseThrow(() -> notFound("action", id));
            if (form.forumId() != null && form.forumId() != current.forumId()) {
                throw new InvalidInputException("action", java.util.Map.of("forumId", "an action stays with the forum that identified it"));
            }
            ActionForm sameForum = new ActionForm(current.forumId(), form.text(), form.finding(), form.responsibleInstitution(),
                    form.county(), form.dueDate(), form.indicators(), form.editor(), form.version());
            ForumRules.ActionValues v = rules.action(sameForum, selectForums(c, current.forumId()).stream().findFirst());
            int updated = execute(c, "update_action.sql", v.text(), v.finding(), v.responsibleInstitution(), v.countyCode(),
                    v.dueDate(), array(c, v.indicators()), now(), v.editor(), id, version);
            if (updated == 0) {
                throw new VersionConflictException("action " + id, version, current.version(), current);
            }
            changeIfDifferent(c, id, v.editor(), "text", current.text(), v.text());
            changeIfDifferent(c, id, v.editor(), "finding", current.finding(), v.finding());
            changeIfDifferent(c, id, v.editor(), "responsibleInstitution", current.responsibleInstitution(), v.responsibleInstitution());
            changeIfDifferent(c, id, v.editor(), "county", current.countyCode(), v.countyCode());
            changeIfDifferent(c, id, v.editor(), "dueDate", current.dueDate().toString(), v.dueDate().toString());
            changeIfDifferent(c, id, v.editor(), "indicators", String.join(", ", current.indicators()), String.join(", ", v.indicators()));
            execute(c, "drop_unheld_translations.sql");
            return selectActions(c, id, ActionFilter.all()).get(0);
        });
    }

    @Override
    public Action changeStatus(long id, StatusChange change) {
        int version = requireVersion(change.version());
        return write(c -> {
            Action current = selectActions(c, id, ActionFilter.all()).stream().findFirst().orElseThrow(() -> notFound("action", id));
            if (current.version() != version) {
                throw new VersionConflictException("action " + id, version, current.version(), current);
            }
            ActionStatus target = rules.statusChange(current, change);
            String reason = target == ActionStatus.DROPPED ? change.reason().strip() : null;
            String editor = change.editor().strip();
            execute(c, "update_action_status.sql", target.name(), reason, now(), editor, id, version);
            change(c, id, editor, "status", current.status().name(), target.name());
            if (reason != null) {
                change(c, id, editor, "dropReason", null, reason);
            }
            return selectActions(c, id, ActionFilter.all()).get(0);
        });
    }

    @Override
    public ActionNote addNote(long actionId, NoteForm form) {
        NoteForm note = rules.note(form);
        return write(c -> {
            selectActions(c, actionId, ActionFilter.all()).stream().findFirst().orElseThrow(() -> notFound("action", actionId));
            long id = nextId(c, "action_note");
            execute(c, "insert_note.sql", id, actionId, now(), note.author(), note.text());
            change(c, actionId, note.author(), "note", null, "note " + id + " added");
            return selectNotes(c, actionId).stream().filter(n -> n.id() == id).findFirst().orElseThrow();
        });
    }

    @Override
    public List<ActionNote> notes(long actionId) {
        return read(c -> selectNotes(c, actionId));
    }

    @Override
    public List<ActionChange> history(long actionId) {
        return read(c -> {
            List<ActionChange> changes = new ArrayList<>();
            try (PreparedStatement p = prepare(c, "select_changes.sql", actionId); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    changes.add(new ActionChange(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            return changes;
        });
    }

    @Override
    public void backupTo(Path target) {
        if (Files.exists(target)) {
            throw new IllegalArgumentException("Cannot back up forum store: " + target + " already exists");
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        // Under the write lock and in autocommit: ATTACH, COPY and DETACH each commit on their own, and the
        // single COPY runs in one transaction, so the copy is consistent even while the portal serves.
        writeLock.lock();
        try (Connection c = connection.duplicate(); Statement s = c.createStatement()) {
            ownerOnly(Files.createDirectories(target.toAbsolutePath().getParent()));
            Files.deleteIfExists(partial);
            String source;
            try (ResultSet rs = s.executeQuery("SELECT current_database()")) {
                rs.next();
                source = rs.getString(1);
            }
            s.execute("ATTACH '" + partial.toAbsolutePath().toString().replace("'", "''") + "' AS forum_backup");
            try {
                s.execute("COPY FROM DATABASE " + quoteIdentifier(source) + " TO forum_backup");
            } finally {
                s.execute("DETACH forum_backup");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot back up forum store to " + target + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot back up forum store to " + target, e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close forum store: " + e.getMessage(), e);
        } finally {
            lease.close();
        }
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T read(Work<T> work) {
        try (Connection c = connection.duplicate()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read forum store: " + e.getMessage(), e);
        }
    }

    <T> T write(Work<T> work) {
        writeLock.lock();
        try (Connection c = connection.duplicate()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write forum store: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    private List<Forum> selectForums(Connection c, Long id) throws SQLException {
        List<Forum> forums = new ArrayList<>();
        try (PreparedStatement p = prepare(c, "select_forums.sql", id, id); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                forums.add(new Forum(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), list(rs.getArray(6)), list(rs.getArray(7)), list(rs.getArray(8)), list(rs.getArray(9)),
                        rs.getString(10), rs.getInt(11), rs.getString(12), rs.getString(13)));
            }
        }
        return forums;
    }

    private List<Action> selectActions(Connection c, Long id, ActionFilter f) throws SQLException {
        Long forum = f.forumId().orElse(null);
        String county = f.countyCode().orElse(null);
        String institution = f.institution().orElse(null);
        String status = f.status().map(Enum::name).orElse(null);
        LocalDate overdueOn = f.overdueOn().orElse(null);
        List<Action> actions = new ArrayList<>();
        try (PreparedStatement p = prepare(c, "select_actions.sql", id, id, forum, forum, county, county, institution,
                institution, status, status, overdueOn, overdueOn); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                actions.add(new Action(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getObject(7, LocalDate.class), ActionStatus.valueOf(rs.getString(8)), rs.getString(9),
                        list(rs.getArray(10)), rs.getBoolean(11), rs.getInt(12), rs.getString(13), rs.getString(14)));
            }
        }
        return actions;
    }

    private List<ActionNote> selectNotes(Connection c, long actionId) throws SQLException {
        List<ActionNote> notes = new ArrayList<>();
        try (PreparedStatement p = prepare(c, "select_notes.sql", actionId); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                notes.add(new ActionNote(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return notes;
    }

    private void changeIfDifferent(Connection c, long actionId, String editor, String field, String oldValue, String newValue)
            throws SQLException {
        if (!Objects.equals(oldValue, newValue)) {
            change(c, actionId, editor, field, oldValue, newValue);
        }
    }

    private void change(Connection c, long actionId, String editor, String field, String oldValue, String newValue) throws SQLException {
        execute(c, "insert_change.sql", nextId(c, "action_change"), actionId, now(), editor, field, oldValue, newValue);
    }

    static long nextId(Connection c, String table) throws SQLException {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("Cannot number rows of " + table);
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(SqlResource.load(DuckDbForumStore.class, "next_id.sql").replace("${table}", table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static PreparedStatement prepare(Connection c, String sqlResource, Object... params) throws SQLException {
        PreparedStatement p = c.prepareStatement(SqlResource.load(DuckDbForumStore.class, sqlResource));
        for (int i = 0; i < params.length; i++) {
            p.setObject(i + 1, params[i]);
        }
        return p;
    }

    static int execute(Connection c, String sqlResource, Object... params) throws SQLException {
        try (PreparedStatement p = prepare(c, sqlResource, params)) {
            return p.executeUpdate();
        }
    }

    private static Array array(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("VARCHAR", values.toArray());
    }

    private static List<String> list(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static int requireVersion(Integer version) {
        if (version == null) {
            throw new InvalidInputException("change", java.util.Map.of("version", "required: the version you edited"));
        }
        return version;
    }

    private static java.util.NoSuchElementException notFound(String what, long id) {
        return new java.util.NoSuchElementException("No " + what + " " + id);
    }

    private String now() {
        return clock.instant().toString();
    }
}
