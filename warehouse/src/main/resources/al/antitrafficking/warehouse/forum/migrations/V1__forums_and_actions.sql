-- Forums, their actions, progress notes and the history of every change to an action.
-- No foreign keys: DuckDB rewrites an updated row as delete + insert, which a referenced parent row
-- would refuse; the store checks references itself. Ids are max + 1 under the store's write lock, not
-- sequences, so a database restored from a backup never hands out an id twice. Instants are ISO-8601 UTC text.

CREATE TABLE forum (
    id BIGINT PRIMARY KEY,
    held_on DATE NOT NULL,
    municipality_code VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    context VARCHAR NOT NULL,
    organisers VARCHAR[] NOT NULL,
    objectives VARCHAR[] NOT NULL,
    institutions VARCHAR[] NOT NULL,
    findings VARCHAR[] NOT NULL,
    source_note VARCHAR,
    version INTEGER NOT NULL,
    updated_at VARCHAR NOT NULL,
    updated_by VARCHAR NOT NULL
);

CREATE TABLE action (
    id BIGINT PRIMARY KEY,
    forum_id BIGINT NOT NULL,
    text VARCHAR NOT NULL,
    finding VARCHAR NOT NULL,
    responsible_institution VARCHAR NOT NULL,
    county_code VARCHAR NOT NULL,
    due_date DATE NOT NULL,
    status VARCHAR NOT NULL,
    drop_reason VARCHAR,
    indicators VARCHAR[] NOT NULL,
    is_example BOOLEAN NOT NULL,
    version INTEGER NOT NULL,
    updated_at VARCHAR NOT NULL,
    updated_by VARCHAR NOT NULL
);

CREATE TABLE action_note (
    id BIGINT PRIMARY KEY,
    action_id BIGINT NOT NULL,
    written_at VARCHAR NOT NULL,
    author VARCHAR NOT NULL,
    text VARCHAR NOT NULL
);

CREATE TABLE action_change (
    id BIGINT PRIMARY KEY,
    action_id BIGINT NOT NULL,
    changed_at VARCHAR NOT NULL,
    editor VARCHAR NOT NULL,
    field VARCHAR NOT NULL,
    old_value VARCHAR,
    new_value VARCHAR
);
