package al.antitrafficking.warehouse.release;

import al.antitrafficking.warehouse.query.TinySnapshotAccess;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.util.HashMap;
import java.util.Map;

/**
 * Generated facts for release tests: 12 counties × 18 months (January 2025 to June 2026), all four sources, with children
 * who travel between mechanisms. Children per county and month: 5 to 21 times {@code scale}, but 2 in Dibër in March 2025,
 * 4 in Gjirokastër in July 2025 and 1 in Durrës in November 2025 (small counts among large ones); every second child is
 * referred to a CPU (in Fier all but one a month: a small complement), which opens a case 3 days later; every sixth is identified by the NRM 20 days after the border (a few
 * boys and of 15-17 among mostly girls of 12-14, and one child of 6-11 a month, in Elbasan: a small count every quarter;
 * mostly begging, some labour, and sexual exploitation only thrice, in Fier in February, May and August 2025: a small count
 * in the year and in its first three quarters); every twelfth gets a service 5 days after identification. Every source sent every county-month,
 * by the 10th of the next month, but Vlorë's border files came on the 20th (late). {@code change} adds that many children
 * to Kukës's border file of March 2025 (a corrected file).
 */
public final class GeneratedFacts {
    private GeneratedFacts() {}

    public static Map<WarehouseTable, String> tables(int scale, int change) {
        String months = "range(1, 19)";
        String children = """
                SELECT c, m, i, (c * 100000 + m * 1000 + i)::BIGINT AS child_pseudonym,
                       make_date(2025 + (m - 1) // 12, (m - 1) % 12 + 1, 1 + (i % 27)) AS encounter_date,
                       printf('AL-%02d', c) AS county_code,
                       CASE WHEN i % 3 = 0 THEN '12-14' WHEN i % 3 = 1 THEN '15-17' ELSE '6-11' END AS age_band,
                       CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END AS sex
                FROM range(1, 13) a(c), MONTHS b(m), range(1, 400) r(i)
                WHERE i <= CASE WHEN c = 9 AND m = 3 THEN 2 WHEN c = 5 AND m = 7 THEN 4 WHEN c = 2 AND m = 11 THEN 1
                                ELSE SCALE * (5 + (c * 5 + m * 3) % 17) END + CASE WHEN c = 7 AND m = 3 THEN CHANGE ELSE 0 END"""
                .replace("MONTHS", months).replace("SCALE", String.valueOf(scale)).replace("CHANGE", String.valueOf(change));
        String municipalities = "SELECT * FROM (VALUES " + String.join(", ", TestWarehouse.TERRITORY.counties().stream()
                .map(c -> "('" + c.code() + "', '" + TestWarehouse.TERRITORY.municipalitiesOf(c.code()).get(0).code() + "')").toList())
                + ") mu(county, code)";
        String withMunicipality = "SELECT k.*, mu.code AS municipality_code FROM (" + children + ") k JOIN (" + municipalities
                + ") mu ON mu.county = k.county_code";
        Map<WarehouseTable, String> tables = new HashMap<>();
        tables.put(WarehouseTable.FACT_BORDER_ENCOUNTER, "SELECT child_pseudonym, encounter_date, county_code, NULL::VARCHAR AS municipality_code, "
                + "'KAK' AS crossing_code, 14 AS age_years, age_band, CASE WHEN i % 4 = 0 THEN 'unaccompanied' ELSE 'accompanied' END "
                + "AS accompaniment, CASE WHEN c = 4 THEN CASE WHEN i = 1 THEN 'none' ELSE 'cpu' END WHEN i % 2 = 0 THEN 'cpu' ELSE 'none' END "
                + "AS referred_to, sex, 'AL' AS citizenship, 'exit' AS direction, "
                + "'n' AS trafficking_indicators FROM (" + children + ")");
        tables.put(WarehouseTable.FACT_CPU_CASE, "SELECT child_pseudonym, encounter_date + 3 AS opened_date, encounter_date + 8 AS assessment_date, "
                + "county_code, municipality_code, 14 AS age_years, age_band, CASE WHEN i % 6 = 0 THEN 'trafficking_risk' ELSE 'child_on_the_move' "
                + "END AS risk_category, 'border_police' AS referral_source, CASE WHEN i % 6 = 0 THEN encounter_date + 15 END AS nrm_referral_date, "
                + "NULL::DATE AS closed_date, sex FROM (" + withMunicipality + ") WHERE i % 2 = 0 AND encounter_date + 3 < DATE '2026-07-01'");
        tables.put(WarehouseTable.FACT_NRM_IDENTIFICATION, "SELECT child_pseudonym, encounter_date + 20 AS identification_date, "
                + "CASE WHEN i % 18 = 0 THEN 'identified' WHEN i % 12 = 0 THEN 'presumed' ELSE 'potential' END AS status, 14 AS age_years, "
                + "CASE WHEN c = 3 AND i = 6 THEN '6-11' WHEN i % 30 = 0 THEN '15-17' ELSE '12-14' END AS age_band, "
                + "county_code, municipality_code, CASE WHEN c = 6 AND i = 12 AND m IN (2, 5, 8) THEN 'sexual' WHEN i % 12 = 0 THEN 'labour' ELSE 'begging' END AS exploitation_form, 'internal' AS scope, "
                + "CASE WHEN i % 24 = 0 THEN 'M' ELSE 'F' END AS sex, 'AL' AS citizenship, 'cpu' AS identifying_agency, 'y' AS shelter_referral FROM (" + withMunicipality + ") "
                + "WHERE i % 6 = 0 AND encounter_date + 20 < DATE '2026-07-01'");
        tables.put(WarehouseTable.FACT_SERVICE, "SELECT child_pseudonym, encounter_date + 25 AS start_date, 'shelter' AS service_type, "
                + "'ngo' AS provider, county_code, NULL::DATE AS end_date FROM (" + children + ") WHERE i % 12 = 0 AND encounter_date + 25 < DATE '2026-07-01'");
        tables.put(WarehouseTable.INGEST_FILE, ("SELECT s.source || '_' || printf('AL-%02d', c) || '_' || strftime(make_date(2025 + (m - 1) // 12, "
                + "(m - 1) % 12 + 1, 1), '%Y-%m') || '.csv' AS file_name, s.source, printf('AL-%02d', c) AS county_code, "
                + "strftime(make_date(2025 + (m - 1) // 12, (m - 1) % 12 + 1, 1), '%Y-%m') AS month, 'LOADED' AS status, NULL::VARCHAR AS problem, "
                + "strftime(make_date(2025 + (m - 1) // 12, (m - 1) % 12 + 1, 1) + INTERVAL 1 MONTH + INTERVAL (CASE WHEN c = 12 AND s.source = "
                + "'border' THEN 19 ELSE 9 END) DAY, '%Y-%m-%dT08:00:00Z') AS received_at, 10::BIGINT AS rows_in, 0::BIGINT AS rows_quarantined, "
                + "md5(s.source || c || m || CASE WHEN c = 7 AND m = 3 AND s.source = 'border' THEN 'CHANGE' ELSE '' END) AS checksum "
                + "FROM (VALUES ('border'), ('cpu'), ('nrm'), ('services')) s(source), range(1, 13) a(c), MONTHS b(m)")
                .replace("MONTHS", months).replace("CHANGE", String.valueOf(change)));
        tables.put(WarehouseTable.QUARANTINE, "SELECT 'f' AS source_file, 'border' AS source, 'rule' AS rule, '2025-01' AS submission_month LIMIT 0");
        tables.put(WarehouseTable.DIM_COUNTY, TinySnapshotAccess.ALL_COUNTIES);
        return tables;
    }
}
