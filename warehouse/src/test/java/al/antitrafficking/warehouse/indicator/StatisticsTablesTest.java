package al.antitrafficking.warehouse.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.build.WarehouseBuilder;
import al.antitrafficking.warehouse.disclosure.Cell;
import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.disclosure.DisclosureControl;
import al.antitrafficking.warehouse.query.DuckDbOverviewQueries;
import al.antitrafficking.warehouse.query.TinySnapshotAccess;
import al.antitrafficking.warehouse.reference.Territory;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatisticsTablesTest {
    @TempDir
    static Path warehouse;
    static DuckDbOverviewQueries queries;

    // NRM, Tiranë, February 2025: girls 12-14: 7, girls 15-17: 2, boys 12-14: 6, boys 15-17: 9 (24 children).
    private static final String NRM = """
            SELECT 'n' || i AS child_pseudonym, DATE '2025-02-14' AS identification_date, 'presumed' AS status, 13 AS age_years,
                   CASE WHEN i <= 7 OR i BETWEEN 10 AND 15 THEN '12-14' ELSE '15-17' END AS age_band,
                   CASE WHEN i <= 9 THEN 'F' ELSE 'M' END AS sex, 'AL-11' AS county_code, 'AL224' AS municipality_code,
                   'begging' AS exploitation_form, 'internal' AS scope, 'AL' AS citizenship, 'ngo' AS identifying_agency, 'n' AS shelter_referral
            FROM range(1, 25) r(i)""";

    private static final String FILES = """
            SELECT 'nrm_AL-11_' || m || '.csv' AS file_name, 'nrm' AS source, 'AL-11' AS county_code, m AS month, 'LOADED' AS status
            FROM (VALUES ('2025-01'), ('2025-02'), ('2025-03')) t(m)""";

    @BeforeAll
    static void build() throws Exception {
        Snapshot snapshot = TinySnapshotAccess.snapshot(warehouse, Map.of(WarehouseTable.FACT_NRM_IDENTIFICATION, NRM,
                WarehouseTable.INGEST_FILE, FILES, WarehouseTable.DIM_COUNTY, TinySnapshotAccess.ALL_COUNTIES));
        Path root = Path.of(System.getProperty("project.root", ".."));
        Catalogue catalogue = Catalogue.load(root.resolve("conf/indicators/catalogue.yaml"));
        new WarehouseBuilder().build(snapshot);
        Population population = Population.load(Territory.load(root.resolve("conf/reference")), root.resolve("conf/reference"));
        queries = DuckDbOverviewQueries.open(snapshot, new DisclosureControl(5), catalogue, population);
    }

    @AfterAll
    static void close() {
        queries.close();
    }

    @Test
    void victimsBySexAndAgeWithTotalsProtectedTogether() {
        StatisticsTables.Table t = new StatisticsTables(queries).table(StatisticsTables.find("victims_by_sex_and_age").orElseThrow(),
                YearMonth.of(2025, 1), YearMonth.of(2025, 3), "2025-Q1");

        assertThat(t.rowKeys()).containsExactly("F", "M");
        assertThat(t.columnKeys()).containsExactly("12-14", "15-17");
        // Rows F, M, total; columns 12-14, 15-17, total: [[7, 2, 9], [6, 9, 15], [13, 11, 24]].
        long[][] expected = {{7, 2, 9}, {6, 9, 15}, {13, 11, 24}};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                Cell cell = t.cells().get(r).get(c);
                if (cell.status() == CellStatus.PUBLISHED) {
                    assertThat(cell.value()).as("row %d col %d", r, c).isEqualTo(expected[r][c]);
                }
            }
        }
        assertThat(t.cells().get(0).get(1).status()).isEqualTo(CellStatus.SUPPRESSED_SMALL_COUNT);
        for (int i = 0; i < 3; i++) {
            final int line = i;
            long inRow = t.cells().get(line).stream().filter(Cell::suppressed).count();
            long inColumn = t.cells().stream().map(row -> row.get(line)).filter(Cell::suppressed).count();
            assertThat(inRow).as("withheld in row %d", line).isNotEqualTo(1);
            assertThat(inColumn).as("withheld in column %d", line).isNotEqualTo(1);
        }
        assertThat(t.values().get(0).get(1)).isNull();
        assertThat(t.snapshot()).isEqualTo(queries.snapshotId());
    }

    @Test
    void everyStandardTableNamesAnIndicatorAndDimensionsTheCatalogueHas() {
        for (StatisticsTables.Definition d : StatisticsTables.STANDARD) {
            Indicator i = queries.catalogue().find(d.indicator()).orElseThrow();
            assertThat(i.dimensions()).as(d.id()).contains(d.rows());
            if (d.columns() != null) {
                assertThat(i.dimensions()).as(d.id()).contains(d.columns());
            }
            assertThat(d.title()).containsKeys("sq", "en");
        }
        assertThat(StatisticsTables.STANDARD).extracting(StatisticsTables.Definition::id).doesNotHaveDuplicates();
    }
}
