-- The cells of one release table over one rolling window (the months between the two bound dates): as
-- table_cells.sql, for Albania and by county, without a period column.
SELECT ${county_grouping} AS all_counties, ${county_select} AS t_county${split_select}, ${measure} AS n, ${day_counts} AS day_counts, count(*) AS row_count
FROM (
    SELECT ${county_column} AS t_county${split_columns}, child_pseudonym${days_column}
    FROM ${fact}
    WHERE ${date} BETWEEN ? AND ? AND ${where}
) AS window_rows
GROUP BY GROUPING SETS (${sets})
