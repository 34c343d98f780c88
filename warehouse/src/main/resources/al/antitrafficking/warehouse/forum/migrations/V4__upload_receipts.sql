-- Receipts of the files data clerks send through the portal: what each file was answered, never a value from it.
-- A refused file leaves only this line (its name only when the name passed the naming rule). Added, never changed.

CREATE TABLE upload_receipt (
    id BIGINT PRIMARY KEY,
    received_at VARCHAR NOT NULL,
    username VARCHAR NOT NULL,
    county_code VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    source VARCHAR,
    month VARCHAR,
    size_bytes BIGINT NOT NULL,
    checksum VARCHAR,
    rows_in BIGINT NOT NULL,
    encoding VARCHAR,
    outcome VARCHAR NOT NULL,
    problem VARCHAR,
    detail VARCHAR,
    replaced_earlier BOOLEAN NOT NULL
);
