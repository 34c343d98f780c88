-- Distinct children encountered by the Border Police per month. A month with at least one accepted
-- Border Police file (or nil return) counts from zero; a month with none is NULL (not reported).
WITH reported AS (
    SELECT DISTINCT month FROM ingest_file
    WHERE source = 'border' AND status IN ('LOADED', 'NIL_RETURN')
), counts AS (
    SELECT strftime(encounter_date, '%Y-%m') AS month, count(DISTINCT child_pseudonym) AS children
    FROM fact_border_encounter
    GROUP BY 1
)
SELECT r.month, coalesce(c.children, 0) AS children
FROM reported r LEFT JOIN counts c ON c.month = r.month
ORDER BY r.month
