-- Responses of command requests sent with an Idempotency-Key, so that a retry returns the first result.
-- state: IN_PROGRESS while the command runs, DONE with the stored response, UNKNOWN when the store failed.
CREATE TABLE marketplace_idempotency (
    idempotency_key TEXT    NOT NULL PRIMARY KEY,
    fingerprint     TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    status_code     INTEGER,
    etag            TEXT,
    location        TEXT,
    body            TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) WITHOUT ROWID;
