package al.antitrafficking.warehouse.build;

import al.antitrafficking.warehouse.indicator.FactTable;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds the DuckDB database of a committed snapshot: one view per table over the snapshot's Parquet
 * files, each checked by reading its row count, then the derived tables (the child pathway). The database file is written under a temporary name
 * and renamed when complete, so a snapshot never holds a half-built database.
 */
public final class WarehouseBuilder {
    private final Map<String, Long> derivedRows = new LinkedHashMap<>();

    /** Row counts of the derived tables of the last build. */
    public Map<String, Long> derivedRows() {
        return Map.copyOf(derivedRows);
    }

    private static final String CREATE_VIEW = SqlResource.load(WarehouseBuilder.class, "create_view.sql");
    /** Tables the build derives from the views, in order; each is a resource of the same name. */
    public static final java.util.List<String> DERIVED = java.util.List.of("child_pathway");

    /** Builds {@code warehouse.duckdb} in the snapshot folder and returns each table's row count. */
    public Map<WarehouseTable, Long> build(Snapshot snapshot) {
        return build(snapshot, Optional.empty());
    }

    /**
     * As {@link #build(Snapshot)}; with a {@code base} (an earlier snapshot with its database, from which this one
     * differs in a few fact files: a correction), the base's database is copied and only the pathway rows of the
     * children of the changed files are replaced, computed from all their rows. Otherwise, or if the base's database
     * cannot be read, everything is built.
     */
    public Map<WarehouseTable, Long> build(Snapshot snapshot, Optional<Snapshot> base) {
        Path database = snapshot.dir().resolve(Snapshots.DATABASE_FILE);
        Path partial = snapshot.dir().resolve(Snapshots.DATABASE_FILE + ".partial");
        Map<WarehouseTable, Long> rows = new LinkedHashMap<>();
        derivedRows.clear();
        Optional<FactChanges> changes = base.filter(b -> Files.isRegularFile(b.dir().resolve(Snapshots.DATABASE_FILE)))
                .flatMap(b -> FactChanges.between(b.dir(), snapshot.dir()));
        corrected = -1;
        try {
            Files.deleteIfExists(partial);
            if (changes.isPresent()) {
                Files.copy(base.get().dir().resolve(Snapshots.DATABASE_FILE), partial);
            }
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + partial);
                 Statement statement = connection.createStatement()) {
                for (WarehouseTable table : WarehouseTable.values()) {
                    Path folder = snapshot.table(table);
                    if (!hasParquet(folder)) {
                        throw new IllegalStateException("Cannot build warehouse: snapshot " + snapshot.id()
                                + " has no Parquet files for table " + table.folder());
                    }
                    statement.execute(CREATE_VIEW
                            .replace("${table}", table.folder())
                            .replace("${files}", literal(folder.toAbsolutePath() + "/**/*.parquet")));
                    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table.folder())) {
                        rs.next();
                        rows.put(table, rs.getLong(1));
                    }
                }
                if (changes.isPresent()) {
                    replacePathways(statement, changes.get());
                    corrected = changes.get().files();
                }
                for (String derived : DERIVED) {
                    if (changes.isEmpty()) {
                        statement.execute("CREATE OR REPLACE TABLE " + derived + " AS "
                                + SqlResource.fill(SqlResource.load(WarehouseBuilder.class, derived + ".sql"), Map.of("restrict", "TRUE")));
                    }
                    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + derived)) {
                        rs.next();
                        derivedRows.put(derived, rs.getLong(1));
                    }
                }
                statement.execute("CHECKPOINT");
            }
            Files.move(partial, database, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(snapshot.dir().resolve(Snapshots.DATABASE_FILE + ".partial.wal"));
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot build warehouse for snapshot " + snapshot.id() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build warehouse for snapshot " + snapshot.id(), e);
        }
    }

    private int corrected = -1;

    /** How many changed fact files the last build worked from its base with; -1 when it built everything. */
    public int correctedFiles() {
        return corrected;
    }

    /** Replaces the pathway rows of the children of the changed files, old or new, with rows computed from all theirs. */
    private static void replacePathways(Statement statement, FactChanges changes) throws SQLException {
        java.util.List<String> files = new java.util.ArrayList<>();
        for (FactTable fact : FactTable.values()) {
            changes.files(fact).forEach(f -> files.add(literal(f.toAbsolutePath().toString())));
        }
        statement.execute("CREATE TEMP TABLE changed_children AS SELECT DISTINCT child_pseudonym FROM "
                + (files.isEmpty() ? "(SELECT NULL::VARCHAR AS child_pseudonym) AS none"
                        : "read_parquet([" + String.join(", ", files) + "], hive_partitioning = true, union_by_name = true)")
                + " WHERE child_pseudonym IS NOT NULL");
        statement.execute("DELETE FROM child_pathway WHERE child_pseudonym IN (SELECT child_pseudonym FROM changed_children)");
        statement.execute("INSERT INTO child_pathway SELECT * FROM (" + SqlResource.fill(SqlResource.load(WarehouseBuilder.class,
                "child_pathway.sql"), Map.of("restrict", "child_pseudonym IN (SELECT child_pseudonym FROM changed_children)")) + "\n) AS corrected");
        statement.execute("DROP TABLE changed_children");
    }

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
