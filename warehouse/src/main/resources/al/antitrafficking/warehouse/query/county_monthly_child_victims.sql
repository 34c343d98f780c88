-- Distinct child victims (under 18, any status) identified by the NRM in one county per month
-- (bound: county, county). Months with an accepted NRM file of the county count from zero.
WITH reported AS (
    SELECT DISTINCT month FROM ingest_file
    WHERE source = 'nrm' AND status IN ('LOADED', 'NIL_RETURN') AND county_code = ?
), counts AS (
    SELECT strftime(identification_date, '%Y-%m') AS month, count(DISTINCT child_pseudonym) AS children
    FROM fact_nrm_identification
    WHERE county_code = ? AND (age_years < 18 OR age_band IN ('0-5', '6-11', '12-14', '15-17'))
    GROUP BY 1
)
SELECT r.month, coalesce(c.children, 0) AS children
FROM reported r LEFT JOIN counts c ON c.month = r.month
ORDER BY r.month
