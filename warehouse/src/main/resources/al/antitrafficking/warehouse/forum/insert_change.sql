INSERT INTO action_change (id, action_id, changed_at, editor, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)
