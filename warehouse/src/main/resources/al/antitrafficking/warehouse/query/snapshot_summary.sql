SELECT min(month) AS first_month, max(month) AS last_month,
       count(*) FILTER (WHERE status <> 'REJECTED') AS files_loaded,
       count(*) FILTER (WHERE status = 'REJECTED') AS files_rejected
FROM ingest_file
