package al.antitrafficking.warehouse.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.indicator.FactTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which children a correction's changed files changed: a child whose rows the old and new files hold alike is left out,
 * whatever else changed around it.
 */
class FactChangesTest {
    @TempDir
    Path work;

    private static final String COLUMNS = "child_pseudonym, encounter_date, county_code, note";
    /** Rows of (child, date, place, note): the old file's, then the new file's. */
    private static final String OLD = """
            (1, DATE '2025-03-01', 'AL-11', 'same'),
            (2, DATE '2025-03-02', 'AL-11', 'value changed'),
            (3, DATE '2025-03-03', 'AL-11', 'row dropped'),
            (3, DATE '2025-03-04', 'AL-11', 'row kept'),
            (5, DATE '2025-03-05', 'AL-11', 'twice, then once'),
            (5, DATE '2025-03-05', 'AL-11', 'twice, then once'),
            (6, DATE '2025-03-06', NULL, 'same, with an empty place'),
            (7, DATE '2025-03-07', 'AL-11', 'all rows dropped')""";
    private static final String NEW = """
            (1, DATE '2025-03-01', 'AL-11', 'same'),
            (2, DATE '2025-03-02', 'AL-05', 'value changed'),
            (3, DATE '2025-03-04', 'AL-11', 'row kept'),
            (4, DATE '2025-03-09', 'AL-11', 'new child'),
            (5, DATE '2025-03-05', 'AL-11', 'twice, then once'),
            (6, DATE '2025-03-06', NULL, 'same, with an empty place')""";

    @Test
    void onlyChildrenWithARowOnOneSideAndNotTheOtherAreChanged() throws Exception {
        Path old = parquet("old", OLD, COLUMNS);
        Path now = parquet("new", NEW, COLUMNS);
        // Child 1 and child 6 (an empty value on both sides is the same value) are as they were; 2 has a value changed,
        // 3 a row dropped, 4 is new, 5 had a repeated row once only, 7 is gone.
        assertThat(changed(changes(old, now))).containsExactly(2L, 3L, 4L, 5L, 7L);
    }

    @Test
    void theSameColumnsInAnotherOrderAreComparedByName() throws Exception {
        Path old = parquet("old", OLD, COLUMNS);
        Path now = parquet("new", NEW, "note, county_code, child_pseudonym, encounter_date");
        assertThat(changed(changes(old, now))).containsExactly(2L, 3L, 4L, 5L, 7L);
    }

    @Test
    void filesWithOtherColumnsOrTypesOrOnOneSideOnlyCountEveryChildOfTheirsAsChanged() throws Exception {
        Path old = parquet("old", OLD, COLUMNS);
        Path now = parquet("new", NEW, COLUMNS);
        Path wider = parquet("wider", NEW, COLUMNS + ", 'x' AS extra");
        assertThat(changed(changes(old, wider))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        // The same names, a date now a timestamp: DuckDB would find 2025-03-01 and 2025-03-01 00:00 alike.
        Path timestamps = parquet("timestamps", NEW, "child_pseudonym, CAST(encounter_date AS TIMESTAMP) AS encounter_date, county_code, note");
        assertThat(changed(changes(old, timestamps))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(changed(new FactChanges(Map.of(FactTable.BORDER, List.of(old)), Map.of(), Map.of())))
                .containsExactly(1L, 2L, 3L, 5L, 6L, 7L);
        assertThat(changed(new FactChanges(Map.of(), Map.of(FactTable.BORDER, List.of(now)), Map.of())))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    private static FactChanges changes(Path old, Path now) {
        return new FactChanges(Map.of(FactTable.BORDER, List.of(old)), Map.of(FactTable.BORDER, List.of(now)), Map.of());
    }

    /** The children the query of changed children gives, in order. */
    private static TreeSet<Long> changed(FactChanges changes) throws Exception {
        TreeSet<Long> children = new TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(changes.childrenChanged(s, FactTable.BORDER))) {
            while (rs.next()) {
                children.add(rs.getLong(1));
            }
        }
        return children;
    }

    /**
     * A Parquet file of {@code rows} in a slice folder of its own (a partition value in its path, as the ETL writes
     * them), its columns as {@code select} lists them.
     */
    private Path parquet(String name, String rows, String select) throws Exception {
        Path file = Files.createDirectories(work.resolve(name).resolve("year=2025")).resolve("part-0.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT " + select + " FROM (VALUES " + rows + ") AS v(" + COLUMNS + ")) TO '" + file + "' (FORMAT parquet)");
        }
        return file;
    }
}
