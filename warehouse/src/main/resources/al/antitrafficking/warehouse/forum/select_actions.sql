-- Every filter is bound; a NULL parameter matches everything. Overdue: open and due before the given day.
SELECT id, forum_id, text, finding, responsible_institution, county_code, due_date, status, drop_reason, indicators,
       is_example, version, updated_at, updated_by
FROM action
WHERE (? IS NULL OR id = ?)
  AND (? IS NULL OR forum_id = ?)
  AND (? IS NULL OR county_code = ?)
  AND (? IS NULL OR lower(responsible_institution) = lower(?))
  AND (? IS NULL OR status = ?)
  AND (? IS NULL OR (status NOT IN ('DONE', 'DROPPED') AND due_date < ?))
ORDER BY due_date, id
