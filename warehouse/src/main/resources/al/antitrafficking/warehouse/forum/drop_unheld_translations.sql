-- After an edit: translations of words that no forum or action holds any more are deleted, so that words edited out
-- (a text reworded to remove something that identified a person, which the guard did not catch) do not live on as the
-- key of a translation that GET /api/v1/translations gives every follower.
DELETE FROM text_translation WHERE source NOT IN (
    SELECT t FROM (
        SELECT title AS t FROM forum
        UNION ALL SELECT context FROM forum
        UNION ALL SELECT source_note FROM forum
        UNION ALL SELECT unnest(organisers) FROM forum
        UNION ALL SELECT unnest(objectives) FROM forum
        UNION ALL SELECT unnest(institutions) FROM forum
        UNION ALL SELECT unnest(findings) FROM forum
        UNION ALL SELECT text FROM action
        UNION ALL SELECT finding FROM action
    ) AS held
    WHERE t IS NOT NULL
)
