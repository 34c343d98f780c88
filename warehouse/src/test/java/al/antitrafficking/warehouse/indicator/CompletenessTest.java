package al.antitrafficking.warehouse.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import al.antitrafficking.warehouse.build.WarehouseBuilder;
import al.antitrafficking.warehouse.query.TinySnapshotAccess;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completeness on hand-made ingestion reports; the deadline is the 15th of the next month, in Tirana (UTC+1 in winter). */
class CompletenessTest {
    @TempDir
    static Path warehouse;
    static Completeness.Report report;

    private static final String FILES = """
            SELECT * FROM (VALUES
              ('border_AL-07_2025-01.csv', 'border', 'AL-07', '2025-01', 'LOADED', NULL, '2025-02-10T09:00:00Z', 10, 2),
              ('border_AL-07_2025-02.csv', 'border', 'AL-07', '2025-02', 'LOADED', NULL, '2025-03-15T22:30:00Z', 5, 0),
              ('border_AL-05_2025-01.csv', 'border', 'AL-05', '2025-01', 'LOADED', NULL, '2025-02-15T23:30:00Z', 4, 1),
              ('cpu_AL-07_2025-01.csv', 'cpu', 'AL-07', '2025-01', 'REJECTED', 'MISSING_COLUMNS', '2025-02-01T08:00:00Z', NULL, NULL)
            ) AS t(file_name, source, county_code, month, status, problem, received_at, rows_in, rows_quarantined)""";

    private static final String QUARANTINE = """
            SELECT * FROM (VALUES
              ('border_AL-07_2025-01.csv', 'r1', 1, 'encounter_date', 'BAD_DATE', 'border', 'AL-07', '2025-01'),
              ('border_AL-07_2025-01.csv', 'r2', 2, 'encounter_date', 'BAD_DATE', 'border', 'AL-07', '2025-01'),
              ('border_AL-05_2025-01.csv', 'r9', 3, 'age', 'BAD_AGE', 'border', 'AL-05', '2025-01')
            ) AS t(source_file, record_id, record_number, field, rule, source, county_code, submission_month)""";

    @BeforeAll
    static void build() throws Exception {
        Snapshot snapshot = TinySnapshotAccess.snapshot(warehouse, Map.of(WarehouseTable.INGEST_FILE, FILES,
                WarehouseTable.QUARANTINE, QUARANTINE, WarehouseTable.DIM_COUNTY, TinySnapshotAccess.ALL_COUNTIES));
        new WarehouseBuilder().build(snapshot);
        Path db = snapshot.dir().resolve(Snapshots.DATABASE_FILE);
        report = new Completeness(() -> {
            try {
                return DriverManager.getConnection("jdbc:duckdb:" + db);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, 15).report(YearMonth.of(2025, 1), YearMonth.of(2025, 2));
    }

    private static Completeness.Submission submission(String source, String county, String month) {
        return report.submissions().stream().filter(s -> s.source().equals(source) && s.countyCode().equals(county) && s.month().equals(month))
                .findFirst().orElseThrow();
    }

    @Test
    void classifiesEachExpectedSubmission() {
        assertThat(submission("border", "AL-07", "2025-01").arrival()).isEqualTo(Completeness.Arrival.ON_TIME);
        // 22:30 UTC on 15 March is 23:30 in Tirana: just in time.
        assertThat(submission("border", "AL-07", "2025-02").arrival()).isEqualTo(Completeness.Arrival.ON_TIME);
        // 23:30 UTC on 15 February is 00:30 on the 16th in Tirana: late.
        assertThat(submission("border", "AL-05", "2025-01").arrival()).isEqualTo(Completeness.Arrival.LATE);
        assertThat(submission("cpu", "AL-07", "2025-01").arrival()).isEqualTo(Completeness.Arrival.REFUSED);
        assertThat(submission("cpu", "AL-07", "2025-01").problem()).isEqualTo("MISSING_COLUMNS");
        assertThat(submission("nrm", "AL-11", "2025-02").arrival()).isEqualTo(Completeness.Arrival.MISSING);
        assertThat(report.submissions()).hasSize(4 * 12 * 2);
    }

    @Test
    void summarisesEachSource() {
        // Border: 24 expected (12 counties x 2 months), 3 received, 2 on time; rows 10 + 5 + 4 = 19, quarantined 2 + 1 = 3.
        Completeness.SourceSummary border = report.sources().stream().filter(s -> s.source().equals("border")).findFirst().orElseThrow();
        assertThat(border.expected()).isEqualTo(24);
        assertThat(border.received()).isEqualTo(3);
        assertThat(border.onTime()).isEqualTo(2);
        assertThat(border.receivedShare()).isCloseTo(12.5, within(1e-9));
        assertThat(border.quarantinedShare()).isCloseTo(300.0 / 19, within(1e-9));
        Completeness.SourceSummary cpu = report.sources().stream().filter(s -> s.source().equals("cpu")).findFirst().orElseThrow();
        assertThat(cpu.received()).isEqualTo(1);
        assertThat(cpu.refused()).isEqualTo(1);
        assertThat(cpu.onTime()).isZero();
    }

    @Test
    void countsQuarantinedRowsByRule() {
        assertThat(report.quarantinedByRule()).isEqualTo(Map.of("border", Map.of("BAD_DATE", 2L, "BAD_AGE", 1L)));
    }
}
