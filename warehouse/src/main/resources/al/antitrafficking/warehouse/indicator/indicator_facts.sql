-- One indicator from the facts, unsuppressed, for internal use only (notebooks opened for internal figures, the
-- release's checks): the measure by period and up to two group columns. Rows are grouped by the first day of their
-- period and labelled once per group. Slots hold names from FactTable's allow-list and text made by the engine;
-- every value is bound.
SELECT ${period_label} AS period${groups}, main, second, median FROM (
    SELECT ${period_start} AS period${group_columns}, ${measures}
    FROM ${fact}
    WHERE ${where}
    GROUP BY ALL
) AS cells
