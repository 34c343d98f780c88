-- Rows kept out of the facts, by source and rule, for the months from ? to ?.
SELECT source, rule, count(*) AS rows
FROM quarantine
WHERE submission_month BETWEEN ? AND ? AND source <> 'none'
GROUP BY ALL
ORDER BY source, rule
