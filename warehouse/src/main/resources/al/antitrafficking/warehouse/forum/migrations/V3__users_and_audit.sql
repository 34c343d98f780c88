-- Portal accounts and the audit trail: operational data like the forums, backed up and restored with them.
-- Passwords only as Argon2id hashes. The audit trail is append-only: the store has no statement that updates or
-- deletes its rows.

CREATE TABLE app_user (
    username VARCHAR PRIMARY KEY,
    display_name VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    county_code VARCHAR,
    institution VARCHAR,
    password_hash VARCHAR NOT NULL,
    disabled BOOLEAN NOT NULL,
    must_change_password BOOLEAN NOT NULL,
    version INTEGER NOT NULL,
    created_at VARCHAR NOT NULL,
    updated_at VARCHAR NOT NULL,
    updated_by VARCHAR NOT NULL
);

CREATE TABLE audit_event (
    id BIGINT PRIMARY KEY,
    recorded_at VARCHAR NOT NULL,
    actor VARCHAR NOT NULL,
    role VARCHAR,
    event VARCHAR NOT NULL,
    what VARCHAR,
    details VARCHAR,
    snapshot VARCHAR,
    remote VARCHAR,
    outcome VARCHAR NOT NULL
);
