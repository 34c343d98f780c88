package al.antitrafficking.warehouse.forum;

import al.antitrafficking.warehouse.build.SqlResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema changes of the operational store, applied in order, each once and in its own
 * transaction, recorded in {@code schema_migration}. A migration file is never edited once released: a
 * change is a new file appended to {@link #MIGRATIONS}.
 */
final class Migrations {
    static final List<String> MIGRATIONS = List.of(
            "V1__forums_and_actions.sql",
            "V2__forums_of_october_2014.sql",
            "V3__users_and_audit.sql",
            "V4__upload_receipts.sql",
            "V5__content_in_albanian.sql");

    private Migrations() {}

    /** Applies the migrations not yet applied; returns their names. */
    static List<String> apply(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at VARCHAR NOT NULL)");
        }
        int current = currentVersion(connection);
        if (current > MIGRATIONS.size()) {
            throw new IllegalStateException("Cannot open forum store: its schema version " + current
                    + " is newer than this program knows (" + MIGRATIONS.size() + ")");
        }
        List<String> applied = new ArrayList<>();
        for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
            String name = MIGRATIONS.get(version - 1);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                for (String statement : statements(SqlResource.load(Migrations.class, "migrations/" + name))) {
                    s.execute(statement);
                }
                try (PreparedStatement p = connection.prepareStatement("INSERT INTO schema_migration VALUES (?, ?, ?)")) {
                    p.setInt(1, version);
                    p.setString(2, name);
                    p.setString(3, Instant.now().toString());
                    p.executeUpdate();
                }
                connection.commit();
                applied.add(name);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw new IllegalStateException("Cannot migrate forum store: " + name + ": " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        return applied;
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_migration")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Splits a migration into statements: each ends with a semicolon at the end of a line. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                statements.add(current.toString().strip().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
