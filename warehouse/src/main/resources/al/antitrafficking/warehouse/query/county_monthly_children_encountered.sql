-- Distinct children encountered by the Border Police in one county per month (bound: county, county).
-- Months with an accepted Border Police file of the county count from zero; others are NULL (not reported).
WITH reported AS (
    SELECT DISTINCT month FROM ingest_file
    WHERE source = 'border' AND status IN ('LOADED', 'NIL_RETURN') AND county_code = ?
), counts AS (
    SELECT strftime(encounter_date, '%Y-%m') AS month, count(DISTINCT child_pseudonym) AS children
    FROM fact_border_encounter
    WHERE county_code = ?
    GROUP BY 1
)
SELECT r.month, coalesce(c.children, 0) AS children
FROM reported r LEFT JOIN counts c ON c.month = r.month
ORDER BY r.month
