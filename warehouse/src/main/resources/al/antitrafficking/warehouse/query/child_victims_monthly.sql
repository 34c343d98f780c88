-- Distinct child victims (under 18 by age in years or age band) per month of NRM identification and status.
-- Potential, presumed and officially identified victims stay apart. Months with an accepted NRM file count from zero.
WITH reported AS (
    SELECT DISTINCT month FROM ingest_file
    WHERE source = 'nrm' AND status IN ('LOADED', 'NIL_RETURN')
), counts AS (
    SELECT strftime(identification_date, '%Y-%m') AS month, status, count(DISTINCT child_pseudonym) AS children
    FROM fact_nrm_identification
    WHERE age_years < 18 OR age_band IN ('0-5', '6-11', '12-14', '15-17')
    GROUP BY 1, 2
)
SELECT r.month, s.status, coalesce(c.children, 0) AS children
FROM reported r
CROSS JOIN (VALUES ('potential'), ('presumed'), ('identified')) AS s(status)
LEFT JOIN counts c ON c.month = r.month AND c.status = s.status
ORDER BY r.month, s.status
