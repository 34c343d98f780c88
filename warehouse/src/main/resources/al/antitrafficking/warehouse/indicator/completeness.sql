-- Every expected submission (source x county x month from ? to ?) with the file received for it, if any.
WITH months AS (
    SELECT strftime(m, '%Y-%m') AS month
    FROM (SELECT unnest(generate_series(strptime(?, '%Y-%m'), strptime(?, '%Y-%m'), INTERVAL 1 MONTH)) AS m)
), expected AS (
    SELECT s.source, d.code AS county_code, m.month
    FROM (VALUES ('border'), ('cpu'), ('nrm'), ('services')) AS s(source), dim_county d, months m
)
SELECT e.source, e.county_code, e.month, f.status, f.problem, f.received_at, f.rows_in, f.rows_quarantined
FROM expected e
LEFT JOIN ingest_file f ON f.source = e.source AND f.county_code = e.county_code AND f.month = e.month
ORDER BY e.source, e.county_code, e.month
