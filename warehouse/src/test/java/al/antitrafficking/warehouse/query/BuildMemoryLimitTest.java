package al.antitrafficking.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.antitrafficking.warehouse.build.WarehouseBuilder;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's DuckDB is held to the memory it is given ({@code warehouse.duckdb-memory-limit}). */
class BuildMemoryLimitTest {
    @TempDir
    Path warehouse;

    @Test
    void aBuildGivenTooLittleMemoryStopsWithAClearErrorLeavingNoDatabaseAndBuildsWithEnough() throws Exception {
        // 200,000 border encounters of 50,000 children: the child pathway groups them by child, which needs far more than
        // the 1 MB given, so DuckDB stops rather than use more; with the default limit (2 GB) the same snapshot builds.
        Snapshot snapshot = new TinySnapshot()
                .table(WarehouseTable.FACT_BORDER_ENCOUNTER, TinySnapshot.border("SELECT (i % 50000)::BIGINT AS child_pseudonym, "
                        + "DATE '2025-01-01' + (i % 365)::INTEGER AS encounter_date, 'AL-07' AS county_code FROM range(200000) t(i)"))
                .write(warehouse);
        Path database = snapshot.dir().resolve(Snapshots.DATABASE_FILE);

        assertThatThrownBy(() -> new WarehouseBuilder("1MB").build(snapshot))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot build warehouse for snapshot " + snapshot.id())
                .hasMessageContaining("memory");
        assertThat(database).doesNotExist();
        assertThat(snapshot.dir().resolve(Snapshots.DATABASE_FILE + ".partial")).doesNotExist();

        new WarehouseBuilder().build(snapshot);
        assertThat(database).exists();
    }
}
