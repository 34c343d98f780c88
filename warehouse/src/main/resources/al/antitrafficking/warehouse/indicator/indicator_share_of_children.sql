-- A share of distinct children from the facts, unsuppressed, for internal use only: one group per child first (was
-- the numerator's condition true for any of the child's rows), then two counts, instead of two distinct counts.
-- Slots as in indicator_facts.sql.
SELECT ${period_label} AS period${groups}, main, second, median FROM (
    SELECT period${groups}, count(*) AS main, count(*) FILTER (WHERE hit) AS second, NULL::DOUBLE AS median
    FROM (
        SELECT ${period_start} AS period${group_columns}, child_pseudonym, bool_or(${numerator}) AS hit
        FROM ${fact}
        WHERE ${where}
        GROUP BY ALL
    ) AS per_child
    GROUP BY ALL
) AS cells
