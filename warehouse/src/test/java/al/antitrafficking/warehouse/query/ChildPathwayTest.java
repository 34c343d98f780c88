package al.antitrafficking.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.build.WarehouseBuilder;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The child pathway on four hand-made children; every expected value is worked out in the comments. */
class ChildPathwayTest {
    @TempDir
    static Path warehouse;
    static Map<String, Map<String, Object>> pathway = new HashMap<>();

    @BeforeAll
    static void build() throws Exception {
        Snapshot snapshot = new TinySnapshot()
                .table(WarehouseTable.FACT_BORDER_ENCOUNTER, """
                        SELECT * FROM (VALUES
                          ('c1', DATE '2025-01-05', 'AL-07', NULL, 'MOR', 14, '12-14'),
                          ('c2', DATE '2025-03-01', 'AL-05', NULL, 'KAK', 16, '15-17'),
                          ('c2', DATE '2025-04-01', 'AL-05', NULL, 'KAK', 16, '15-17'),
                          ('c4', DATE '2025-05-05', 'AL-06', NULL, 'KAP', 9, '6-11')
                        ) AS t(child_pseudonym, encounter_date, county_code, municipality_code, crossing_code, age_years, age_band)""")
                .table(WarehouseTable.FACT_CPU_CASE, """
                        SELECT * FROM (VALUES
                          ('c1', DATE '2025-01-10', 'AL-07', 'AL132', 14, '12-14'),
                          ('c4', DATE '2025-05-05', 'AL-06', 'AL343', 9, '6-11')
                        ) AS t(child_pseudonym, opened_date, county_code, municipality_code, age_years, age_band)""")
                .table(WarehouseTable.FACT_NRM_IDENTIFICATION, """
                        SELECT * FROM (VALUES
                          ('c1', DATE '2025-02-01', 'presumed', 14, '12-14', 'AL-07', 'AL132'),
                          ('c1', DATE '2025-04-01', 'identified', 14, '12-14', 'AL-07', 'AL132'),
                          ('c3', DATE '2025-02-10', 'potential', 17, '15-17', 'AL-11', 'AL224')
                        ) AS t(child_pseudonym, identification_date, status, age_years, age_band, county_code, municipality_code)""")
                .table(WarehouseTable.FACT_SERVICE, """
                        SELECT * FROM (VALUES
                          ('c1', DATE '2025-02-03', 'AL-07'),
                          ('c3', DATE '2025-02-20', 'AL-11')
                        ) AS t(child_pseudonym, start_date, county_code)""")
                .write(warehouse);
        new WarehouseBuilder().build(snapshot);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + snapshot.dir().resolve(Snapshots.DATABASE_FILE));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM child_pathway")) {
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.put(rs.getMetaData().getColumnName(i), value == null ? null : value.toString());
                }
                pathway.put(rs.getString("child_pseudonym"), row);
            }
        }
    }

    @Test
    void oneRowPerChild() {
        assertThat(pathway).containsOnlyKeys("c1", "c2", "c3", "c4");
    }

    @Test
    void aChildSeenByEveryMechanismHasEachFirstDateAndTheDelays() {
        Map<String, Object> c1 = pathway.get("c1");
        assertThat(c1).containsEntry("first_mechanism", "border").containsEntry("first_contact_date", "2025-01-05")
                .containsEntry("first_crossing_code", "MOR").containsEntry("first_cpu_date", "2025-01-10")
                .containsEntry("first_nrm_date", "2025-02-01").containsEntry("first_nrm_status", "presumed")
                .containsEntry("first_service_date", "2025-02-03")
                // 5 days border to CPU; 27 days border to NRM; 22 days CPU to NRM; 2 days NRM to service.
                .containsEntry("days_first_contact_to_cpu", "5").containsEntry("days_first_contact_to_nrm", "27")
                .containsEntry("days_cpu_to_nrm", "22").containsEntry("days_nrm_to_service", "2")
                .containsEntry("reached_services", "true").containsEntry("contacts", "5");
    }

    @Test
    void aChildSeenOnlyAtTheBorderNeverReachedAnotherMechanism() {
        assertThat(pathway.get("c2")).containsEntry("first_mechanism", "border").containsEntry("first_border_date", "2025-03-01")
                .containsEntry("reached_cpu", "false").containsEntry("reached_nrm", "false").containsEntry("reached_services", "false")
                .containsEntry("days_first_contact_to_cpu", null).containsEntry("contacts", "2");
    }

    @Test
    void anNrmVictimWithoutACpuCaseStartsAtTheNrm() {
        assertThat(pathway.get("c3")).containsEntry("first_mechanism", "nrm").containsEntry("first_county_code", "AL-11")
                .containsEntry("first_municipality_code", "AL224").containsEntry("reached_cpu", "false")
                .containsEntry("days_nrm_to_service", "10").containsEntry("first_age_band", "15-17");
    }

    @Test
    void onTheSameDayTheBorderComesBeforeTheCpu() {
        assertThat(pathway.get("c4")).containsEntry("first_mechanism", "border").containsEntry("first_county_code", "AL-06")
                .containsEntry("days_first_contact_to_cpu", "0");
    }
}
