-- Responses of command requests sent with an Idempotency-Key, so that a retry returns the first result.
-- state: IN_PROGRESS while the command runs, DONE with the stored response, UNKNOWN when the store failed.
CREATE TABLE marketplace_idempotency (
    idempotency_key text    NOT NULL PRIMARY KEY,
    fingerprint     text    NOT NULL,
    state           text    NOT NULL,
    status_code     integer,
    etag            text,
    location        text,
    body            text,
    created_at      bigint  NOT NULL,
    updated_at      bigint  NOT NULL
);
