package al.antitrafficking.warehouse.query;

import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;

/**
 * Builds a hand-made snapshot for tests: each table written as a Parquet file by DuckDB from the given
 * SELECT, with the columns the ETL writes that the queries read.
 */
final class TinySnapshot {
    private final Map<WarehouseTable, String> selects = new EnumMap<>(WarehouseTable.class);

    TinySnapshot() {
        selects.put(WarehouseTable.FACT_BORDER_ENCOUNTER, border("SELECT 0::BIGINT AS child_pseudonym, DATE '2000-01-01' AS encounter_date, "
                + "'AL-01' AS county_code LIMIT 0"));
        selects.put(WarehouseTable.FACT_CPU_CASE, "SELECT 0::BIGINT AS child_pseudonym, DATE '2000-01-01' AS opened_date, 'AL-01' AS county_code, "
                + "'AL311' AS municipality_code, 1 AS age_years, '0-5' AS age_band LIMIT 0");
        selects.put(WarehouseTable.FACT_NRM_IDENTIFICATION, "SELECT 0::BIGINT AS child_pseudonym, DATE '2000-01-01' AS identification_date, "
                + "'potential' AS status, 1 AS age_years, '0-5' AS age_band, 'AL-01' AS county_code, 'AL311' AS municipality_code LIMIT 0");
        selects.put(WarehouseTable.FACT_SERVICE, "SELECT 0::BIGINT AS child_pseudonym, DATE '2000-01-01' AS start_date, 'AL-01' AS county_code LIMIT 0");
        selects.put(WarehouseTable.DIM_COUNTY, "SELECT * FROM (VALUES ('AL-05', 'Gjirokastër'), ('AL-07', 'Kukës'), "
                + "('AL-10', 'Shkodër'), ('AL-11', 'Tiranë')) AS t(code, name)");
        selects.put(WarehouseTable.DIM_MUNICIPALITY, "SELECT 'AL132' AS code LIMIT 0");
        selects.put(WarehouseTable.DIM_CROSSING, "SELECT 'KAK' AS code LIMIT 0");
        selects.put(WarehouseTable.INGEST_FILE, "SELECT 'f' AS file_name, 'border' AS source, 'AL-01' AS county_code, "
                + "'2000-01' AS month, 'LOADED' AS status LIMIT 0");
        selects.put(WarehouseTable.QUARANTINE, "SELECT 'f' AS source_file LIMIT 0");
    }

    /** A Border Police select with the place and age columns added as empty. */
    static String border(String select) {
        return "SELECT *, NULL::VARCHAR AS municipality_code, NULL::VARCHAR AS crossing_code, NULL::INTEGER AS age_years, "
                + "NULL::VARCHAR AS age_band FROM (" + select + ")";
    }

    /** An NRM select with the municipality column added as empty. */
    static String nrm(String select) {
        return "SELECT *, NULL::VARCHAR AS municipality_code FROM (" + select + ")";
    }

    TinySnapshot table(WarehouseTable table, String select) {
        selects.put(table, select);
        return this;
    }

    /** Writes the tables into a committed snapshot of the warehouse folder and returns it, not yet built. */
    Snapshot write(Path warehouse) throws IOException, SQLException {
        Snapshots snapshots = new Snapshots(warehouse);
        Path staging = snapshots.newStagingDir();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (Map.Entry<WarehouseTable, String> e : selects.entrySet()) {
                Path folder = Files.createDirectories(staging.resolve(e.getKey().folder()));
                s.execute("COPY (" + e.getValue() + ") TO '" + folder.resolve("part-0.parquet") + "' (FORMAT parquet)");
            }
        }
        return snapshots.commit(staging);
    }
}
