SELECT id, action_id, changed_at, editor, field, old_value, new_value FROM action_change WHERE action_id = ? ORDER BY id
