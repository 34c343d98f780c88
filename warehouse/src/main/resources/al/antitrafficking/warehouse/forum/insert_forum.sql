INSERT INTO forum (id, held_on, municipality_code, title, context, organisers, objectives, institutions, findings,
                   source_note, version, updated_at, updated_by)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
