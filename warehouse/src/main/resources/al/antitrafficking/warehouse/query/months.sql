-- Every month from the first to the last month any regional file covers, so that a month nobody
-- reported for still appears (as not reported) instead of vanishing from a trend.
SELECT strftime(m, '%Y-%m') AS month
FROM (
    SELECT unnest(generate_series(strptime(min(month), '%Y-%m'), strptime(max(month), '%Y-%m'), INTERVAL 1 MONTH)) AS m
    FROM ingest_file
)
ORDER BY month
