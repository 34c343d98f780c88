package al.antitrafficking.warehouse.build;

import al.antitrafficking.warehouse.indicator.FactTable;
import al.antitrafficking.warehouse.progress.FailureText;
import al.antitrafficking.warehouse.progress.Progress;
import al.antitrafficking.warehouse.snapshot.FactChanges;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds the DuckDB database of a committed snapshot: one view per table over the snapshot's Parquet
 * files, each checked by reading its row count (in a correction, a fact's rows are its base's and those of the files
 * that changed), then the derived tables (the child pathway). The database file is written under a temporary name
 * and renamed when complete, so a snapshot never holds a half-built database.
 */
public final class WarehouseBuilder {
    private final Map<String, Long> derivedRows = new LinkedHashMap<>();
    private final String memoryLimit;

    /** A builder whose DuckDB may use the default {@code warehouse.duckdb-memory-limit}. */
    public WarehouseBuilder() {
        this(al.antitrafficking.warehouse.config.AppConfig.DEFAULTS.get("warehouse.duckdb-memory-limit"));
    }

    /**
     * A builder whose DuckDB may use at most this much memory (a size such as 2GB), spilling to a folder beside the database
     * beyond it: unbounded, DuckDB takes up to 80 % of the machine's memory (6.2 GB building a 10M-row child pathway).
     */
    public WarehouseBuilder(String memoryLimit) {
        this.memoryLimit = java.util.Objects.requireNonNull(memoryLimit, "memoryLimit is null");
    }

    /** Row counts of the derived tables of the last build. */
    public Map<String, Long> derivedRows() {
        return Map.copyOf(derivedRows);
    }

    private static final String CREATE_VIEW = SqlResource.load(WarehouseBuilder.class, "create_view.sql");

    /** Builds {@code warehouse.duckdb} in the snapshot folder and returns each table's row count. */
    public Map<WarehouseTable, Long> build(Snapshot snapshot) {
        return build(snapshot, Optional.empty());
    }

    /**
     * As {@link #build(Snapshot)}; with a {@code base} (an earlier snapshot with its database, from which this one
     * differs in a few fact files: a correction), the base's database is copied and only the pathway rows of the
     * children whose rows those files changed are replaced, computed from all their rows. Otherwise, or if the base's database
     * cannot be read, everything is built.
     */
    public Map<WarehouseTable, Long> build(Snapshot snapshot, Optional<Snapshot> base) {
        Progress.debug("build: starts");
        Optional<FactChanges> changes = base.filter(b -> Files.isRegularFile(b.dir().resolve(Snapshots.DATABASE_FILE)))
                .flatMap(b -> FactChanges.between(b.dir(), snapshot.dir()));
        Progress.debug("build: changed fact files found");
        if (changes.isPresent()) {
            try {
                return build(snapshot, base, changes);
            } catch (PatchRefused | IllegalStateException e) {
                // The base's database is no base (built with another pathway definition, or unreadable): build it all.
                Progress.debug("build: patching refused (" + FailureText.of(e) + "); building everything");
            }
        }
        return build(snapshot, Optional.empty(), Optional.empty());
    }

    /** The base's database was built with another pathway definition, or cannot be patched. */
    private static final class PatchRefused extends RuntimeException {
        PatchRefused(String message) {
            super(message);
        }

        /** DuckDB's failure kept as the cause, its words (which may quote a value) in no message: only its kind. */
        PatchRefused(SQLException cause) {
            super("the patch failed: " + FailureText.of(cause), cause);
        }
    }

    private Map<WarehouseTable, Long> build(Snapshot snapshot, Optional<Snapshot> base, Optional<FactChanges> changes) {
        Path database = snapshot.dir().resolve(Snapshots.DATABASE_FILE);
        Path partial = snapshot.dir().resolve(Snapshots.DATABASE_FILE + ".partial");
        Path partialWal = snapshot.dir().resolve(Snapshots.DATABASE_FILE + ".partial.wal");
        Map<WarehouseTable, Long> rows = new LinkedHashMap<>();
        derivedRows.clear();
        patched = null;
        String pathway = SqlResource.load(WarehouseBuilder.class, "child_pathway.sql");
        String definition = sha256(pathway);
        boolean moved = false;
        try {
            // A killed build's journal must not be replayed onto a fresh copy.
            Files.deleteIfExists(partialWal);
            Files.deleteIfExists(partial);
            if (changes.isPresent()) {
                Files.copy(base.get().dir().resolve(Snapshots.DATABASE_FILE), partial);
                Progress.debug("build: previous database copied");
            }
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + partial);
                 Statement statement = connection.createStatement()) {
                statement.execute("SET memory_limit = " + literal(memoryLimit));
                if (changes.isPresent() && !definition.equals(builtWith(statement))) {
                    throw new PatchRefused("the previous database was built with another pathway definition");
                }
                Map<String, Long> baseRows = changes.isPresent() ? storedRows(statement, base.get().id()) : Map.of();
                for (WarehouseTable table : WarehouseTable.values()) {
                    Path folder = snapshot.table(table);
                    if (!hasParquet(folder)) {
                        throw new IllegalStateException("Cannot build warehouse: snapshot " + snapshot.id()
                                + " has no Parquet files for table " + table.folder());
                    }
                    statement.execute(CREATE_VIEW
                            .replace("${table}", table.folder())
                            .replace("${files}", literal(folder.toAbsolutePath() + "/**/*.parquet")));
                    Optional<Long> patched = changes.isPresent() ? rowsFromBase(statement, table, baseRows, changes.get()) : Optional.empty();
                    if (patched.isPresent()) {
                        rows.put(table, patched.get());
                        continue;
                    }
                    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table.folder())) {
                        rs.next();
                        rows.put(table, rs.getLong(1));
                    }
                }
                statement.execute("CREATE OR REPLACE TABLE " + TABLE_ROWS + " (snapshot VARCHAR, table_name VARCHAR, row_count BIGINT)");
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE_ROWS + " VALUES (?, ?, ?)")) {
                    for (Map.Entry<WarehouseTable, Long> r : rows.entrySet()) {
                        insert.setString(1, snapshot.id());
                        insert.setString(2, r.getKey().folder());
                        insert.setLong(3, r.getValue());
                        insert.execute();
                    }
                }
                Progress.debug("build: views");
                if (changes.isPresent()) {
                    replacePathways(statement, changes.get(), pathway, base.get().id());
                    Progress.debug("build: pathways replaced");
                    patched = new Patch(base.get().dir(), snapshot.dir(), changes.get());
                } else {
                    statement.execute("CREATE OR REPLACE TABLE child_pathway AS " + SqlResource.fill(pathway, Map.of("restrict", "TRUE")));
                }
                statement.execute("CREATE OR REPLACE TABLE build_info AS SELECT '" + definition + "' AS pathway_definition");
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM child_pathway")) {
                    rs.next();
                    derivedRows.put("child_pathway", rs.getLong(1));
                }
                statement.execute("CHECKPOINT");
                Progress.debug("build: checkpoint");
            }
            Files.move(partial, database, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            Files.deleteIfExists(partialWal);
            return rows;
        } catch (SQLException e) {
            if (changes.isPresent()) {
                throw new PatchRefused(e);
            }
            throw new IllegalStateException("Cannot build warehouse for snapshot " + snapshot.id() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build warehouse for snapshot " + snapshot.id(), e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(partial);
                    Files.deleteIfExists(partialWal);
                } catch (IOException ignored) {
                    // Removed by the next build, which deletes both first.
                }
            }
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pathway definition a database was built with (its hash); null for a database from before it was recorded. */
    private static String builtWith(Statement statement) {
        try (ResultSet rs = statement.executeQuery("SELECT pathway_definition FROM build_info")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** Each snapshot table's rows as the build counted them: a correction's build starts from its base's. */
    private static final String TABLE_ROWS = "build_table_rows";

    /**
     * The rows of each table the database's build counted for snapshot {@code snapshotId}; empty for a database from before
     * they were kept, or whose counts are of another snapshot (a database an older build patched, which kept its base's
     * table). (Asked whether the table exists with that column first: DuckDB's driver closes a statement whose query
     * fails, and the build goes on with it.)
     */
    private static Map<String, Long> storedRows(Statement statement, String snapshotId) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM duckdb_columns() WHERE database_name = current_database()"
                + " AND schema_name = 'main' AND table_name = '" + TABLE_ROWS + "' AND column_name = 'snapshot'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return Map.of();
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        try (ResultSet rs = statement.executeQuery("SELECT snapshot, table_name, row_count FROM " + TABLE_ROWS)) {
            while (rs.next()) {
                if (!snapshotId.equals(rs.getString(1))) {
                    return Map.of();
                }
                rows.put(rs.getString(2), rs.getLong(3));
            }
        }
        return rows;
    }

    /**
     * A fact table's rows in a database patched from its base: the base's, less those of its files the correction
     * replaced, plus those of the files that replaced them (the other files are the base's, the same rows), instead of
     * reading the footers of all its files again (1,736 at 10M). Empty for other tables, or when the base kept no count.
     */
    private static Optional<Long> rowsFromBase(Statement statement, WarehouseTable table, Map<String, Long> baseRows, FactChanges changes)
            throws SQLException {
        Optional<FactTable> fact = Arrays.stream(FactTable.values())
                .filter(f -> f.source().isPresent() && f.table().equals(table.folder())).findFirst();
        Long base = baseRows.get(table.folder());
        if (fact.isEmpty() || base == null) {
            return Optional.empty();
        }
        return Optional.of(base - rowsOf(statement, changes.before().getOrDefault(fact.get(), List.of()))
                + rowsOf(statement, changes.after().getOrDefault(fact.get(), List.of())));
    }

    private static long rowsOf(Statement statement, List<Path> files) throws SQLException {
        if (files.isEmpty()) {
            return 0;
        }
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + FactChanges.readParquet(files))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The last build's patch: its base's folder, its snapshot's, and the fact files that differ; null when it built everything. */
    private record Patch(Path base, Path snapshot, FactChanges changes) {}

    private Patch patched;

    /**
     * The fact files that differ between the snapshots in {@code baseDir} and {@code snapshotDir}, when the last build was
     * of that snapshot, patched from that base: the release's correction needs the same files and need not list both
     * snapshots again.
     */
    public Optional<FactChanges> changesFrom(Path baseDir, Path snapshotDir) {
        return patched != null && baseDir.equals(patched.base()) && snapshotDir.equals(patched.snapshot())
                ? Optional.of(patched.changes()) : Optional.empty();
    }

    /** How many changed fact files the last build worked from its base with; -1 when it built everything. */
    public int correctedFiles() {
        return patched == null ? -1 : patched.changes().count();
    }

    /**
     * Replaces the pathway rows of the children whose rows the changed files changed ({@link FactChanges#childrenChanged})
     * with rows computed from all theirs, and keeps what it replaced and with what beside them ({@link #PATHWAYS_REPLACED},
     * {@link #PATHWAYS_REPLACING}, with the base snapshot's id in {@link #PATHWAYS_BASE}): the release's correction then
     * reads those children's pathways before and after from these few rows instead of scanning the pathway of both
     * databases for them. Every other child's pathway is the base's, and is what its rows would give again.
     */
    private static void replacePathways(Statement statement, FactChanges changes, String pathway, String baseId) throws SQLException {
        // One transaction: the row ids found below name the same rows until it ends (nothing else writes the pathway, and
        // no checkpoint can move rows in between).
        Connection connection = statement.getConnection();
        connection.setAutoCommit(false);
        try {
            // Only the children whose rows changed: the others' pathways are computed from the same rows (a corrected file
            // re-sent whole changes a few children's rows; at 10M, 28,000 children's pathways were computed again for 1 or 2).
            statement.execute("CREATE TEMP TABLE changed_children AS " + changes.childrenChanged(statement));
            Progress.debug("build: children whose rows changed found");
            // Their rows found by the key column alone, then read whole by row id: filtered by the key, DuckDB read every
            // column of all the pathway's rows for the few thousand kept (6.1 million at 10M, on the fresh copy: 0.50 s
            // against 0.23 s, four runs each, alternated). The rows copied are the rows deleted.
            statement.execute("CREATE TEMP TABLE replaced_rows AS SELECT rowid AS row_id FROM child_pathway"
                    + " WHERE child_pseudonym IN (SELECT child_pseudonym FROM changed_children)");
            statement.execute("CREATE OR REPLACE TABLE " + PATHWAYS_REPLACED + " AS SELECT * FROM child_pathway"
                    + " WHERE rowid IN (SELECT row_id FROM replaced_rows)");
            statement.execute("DELETE FROM child_pathway WHERE rowid IN (SELECT row_id FROM replaced_rows)");
            statement.execute("DROP TABLE replaced_rows");
            Progress.debug("build: their old pathways set apart");
            statement.execute("CREATE OR REPLACE TABLE " + PATHWAYS_REPLACING + " AS SELECT * FROM (" + SqlResource.fill(pathway,
                    Map.of("restrict", "child_pseudonym IN (SELECT child_pseudonym FROM changed_children)")) + "\n) AS corrected");
            Progress.debug("build: their pathways computed from all their rows");
            statement.execute("INSERT INTO child_pathway SELECT * FROM " + PATHWAYS_REPLACING);
            statement.execute("CREATE OR REPLACE TABLE " + PATHWAYS_BASE + " AS SELECT " + literal(baseId) + " AS base_snapshot");
            statement.execute("DROP TABLE changed_children");
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            // The caller drops this connection and builds everything on a new one.
            try {
                connection.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        }
    }

    /** The pathways of the changed children as they were in the base's database, in a database built from a base. */
    public static final String PATHWAYS_REPLACED = "child_pathway_replaced";
    /** Their pathways computed again from all their rows, as they are in this database. */
    public static final String PATHWAYS_REPLACING = "child_pathway_replacing";
    /** The id of the base snapshot the two tables above are of (one row). */
    public static final String PATHWAYS_BASE = "child_pathway_base";

    private static boolean hasParquet(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
