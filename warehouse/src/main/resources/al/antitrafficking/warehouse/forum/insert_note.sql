INSERT INTO action_note (id, action_id, written_at, author, text) VALUES (?, ?, ?, ?, ?)
