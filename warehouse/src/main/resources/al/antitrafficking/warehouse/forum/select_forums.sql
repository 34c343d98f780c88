SELECT id, held_on, municipality_code, title, context, organisers, objectives, institutions, findings, source_note,
       version, updated_at, updated_by
FROM forum
WHERE ? IS NULL OR id = ?
ORDER BY held_on DESC, id
