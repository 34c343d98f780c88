INSERT INTO action (id, forum_id, text, finding, responsible_institution, county_code, due_date, status, drop_reason,
                    indicators, is_example, version, updated_at, updated_by)
VALUES (?, ?, ?, ?, ?, ?, ?, 'PROPOSED', NULL, ?, ?, 1, ?, ?)
