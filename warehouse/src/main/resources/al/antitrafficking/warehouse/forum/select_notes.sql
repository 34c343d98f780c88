SELECT id, action_id, written_at, author, text FROM action_note WHERE action_id = ? ORDER BY id
