package al.antitrafficking.warehouse.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.indicator.Audience;
import al.antitrafficking.warehouse.indicator.IndicatorQuery;
import al.antitrafficking.warehouse.indicator.PeriodType;
import al.antitrafficking.warehouse.release.GeneratedFacts;
import al.antitrafficking.warehouse.release.TestWarehouse;
import al.antitrafficking.warehouse.snapshot.FileLease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebook's door over a real generated warehouse with a published release. */
class NotebookWarehouseTest {
    @TempDir
    static Path dir;
    static TestWarehouse w;

    @BeforeAll
    static void build() throws Exception {
        w = TestWarehouse.build(dir, GeneratedFacts.tables(1, 0), Map.of());
    }

    @Test
    void internalFiguresAreReadWithinTheWarehousesMemoryLimitAndCountAsWithout() throws Exception {
        Path conf = TestWarehouse.ROOT.resolve(AppConfig.DEFAULT_CONFIG_FILE);
        IndicatorQuery q = IndicatorQuery.of("children_encountered", YearMonth.of(2025, 1), YearMonth.of(2026, 6), PeriodType.QUARTER)
                .groupedBy("county").forAudience(Audience.INTERNAL);

        Connection facts;
        try (NotebookWarehouse notebook = NotebookWarehouse.open(conf, Map.of("warehouse.dir", dir.toString(),
                "warehouse.duckdb-memory-limit", "64MB"), Optional.of("a test of the limits"))) {
            facts = notebook.facts().orElseThrow();
            // 64 MB is 64,000,000 bytes, which DuckDB shows in binary units; unbounded it shows 80 % of the machine.
            assertThat(setting(facts, "memory_limit")).isEqualTo("61.0 MiB");
            assertThat(notebook.query(q).rows()).isNotEmpty().isEqualTo(w.internal().run(q).rows());
            assertThat(leased()).as("the snapshot leased while the notebook is open").isTrue();
        }
        assertThat(facts.isClosed()).isTrue();
        assertThat(leased()).as("the lease given up on close").isFalse();
    }

    /** Whether any lease on the snapshot is held, as pruning asks (a held lock file in its .leases folder). */
    private static boolean leased() throws Exception {
        Path leases = w.snapshot.dir().resolve(".leases");
        if (!Files.isDirectory(leases)) {
            return false;
        }
        try (Stream<Path> files = Files.list(leases)) {
            return files.anyMatch(FileLease::held);
        }
    }

    @Test
    void thePublicDoorOpensNoFacts() {
        try (NotebookWarehouse notebook = NotebookWarehouse.open(TestWarehouse.ROOT.resolve(AppConfig.DEFAULT_CONFIG_FILE),
                Map.of("warehouse.dir", dir.toString()), Optional.empty())) {
            assertThat(notebook.facts()).isEmpty();
            assertThat(notebook.internal()).isFalse();
        }
    }

    private static String setting(Connection c, String name) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
