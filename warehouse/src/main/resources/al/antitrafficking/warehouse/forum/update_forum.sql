UPDATE forum SET held_on = ?, municipality_code = ?, title = ?, context = ?, organisers = ?, objectives = ?,
                 institutions = ?, findings = ?, source_note = ?, version = version + 1, updated_at = ?, updated_by = ?
WHERE id = ? AND version = ?
