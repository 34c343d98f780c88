-- The cells of one release table, computed at warehouse build: the family's measure over the rows meeting the table's
-- criteria (every value bound), by territory, period and split values, one grouping set per territory level and
-- period grain. Slots hold only names from the allow-lists (FactTable) and aliases made here; GROUPING() tells the
-- sets apart, so an empty dimension value is never taken for a total.
SELECT ${county_grouping} AS all_counties, ${municipality_grouping} AS all_municipalities,
       GROUPING(p_month) AS no_month, GROUPING(p_quarter) AS no_quarter,
       ${county_select} AS t_county, ${municipality_select} AS t_municipality, p_month, p_quarter, p_year${split_select},
       ${measure} AS n, ${day_counts} AS day_counts, count(*) AS row_count
FROM (
    SELECT ${county_column} AS t_county${municipality_column},
           strftime(${date}, '%Y-%m') AS p_month, strftime(${date}, '%Y') || '-Q' || quarter(${date}) AS p_quarter,
           strftime(${date}, '%Y') AS p_year${split_columns}, child_pseudonym${days_column}
    FROM ${fact}
    WHERE ${date} IS NOT NULL AND ${where}
) AS table_rows
GROUP BY GROUPING SETS (${sets})
