-- ${table} comes from the store's own fixed list of tables, never from a caller.
SELECT coalesce(max(id), 0) + 1 FROM ${table}
