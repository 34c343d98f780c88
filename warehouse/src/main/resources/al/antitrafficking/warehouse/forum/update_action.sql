UPDATE action SET text = ?, finding = ?, responsible_institution = ?, county_code = ?, due_date = ?, indicators = ?,
                  version = version + 1, updated_at = ?, updated_by = ?
WHERE id = ? AND version = ?
