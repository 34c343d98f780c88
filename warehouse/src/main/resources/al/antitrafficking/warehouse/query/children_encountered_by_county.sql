-- Distinct children encountered by the Border Police per county over a range of months (bound: from, to,
-- from, to as yyyy-MM). A county with no accepted Border Police file in the range is NULL (not reported).
WITH reported AS (
    SELECT DISTINCT county_code FROM ingest_file
    WHERE source = 'border' AND status IN ('LOADED', 'NIL_RETURN') AND month BETWEEN ? AND ?
), counts AS (
    SELECT county_code, count(DISTINCT child_pseudonym) AS children
    FROM fact_border_encounter
    WHERE strftime(encounter_date, '%Y-%m') BETWEEN ? AND ?
    GROUP BY 1
)
SELECT d.code, d.name,
       CASE WHEN r.county_code IS NULL THEN NULL ELSE coalesce(c.children, 0) END AS children
FROM dim_county d
LEFT JOIN reported r ON r.county_code = d.code
LEFT JOIN counts c ON c.county_code = d.code
ORDER BY d.code
