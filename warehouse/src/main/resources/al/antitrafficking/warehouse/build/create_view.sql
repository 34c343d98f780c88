-- One view per snapshot table over its Parquet files. ${table} comes from the WarehouseTable allow-list
-- and ${files} is the snapshot's own folder as a quoted literal: DuckDB binds no parameters in DDL.
CREATE OR REPLACE VIEW ${table} AS
SELECT * FROM read_parquet(${files}, hive_partitioning = true, union_by_name = true)
