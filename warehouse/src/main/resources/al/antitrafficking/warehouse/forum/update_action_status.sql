UPDATE action SET status = ?, drop_reason = ?, version = version + 1, updated_at = ?, updated_by = ?
WHERE id = ? AND version = ?
