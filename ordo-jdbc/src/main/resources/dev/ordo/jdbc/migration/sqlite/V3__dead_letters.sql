-- Messages whose handling kept failing (see docs/adr/0010-dead-letters.md). One row per origin and message id;
-- seq keeps the order letters were opened in. Status and action names are those of the Java enums.
CREATE TABLE ordo_dead_letters (
    seq             INTEGER NOT NULL PRIMARY KEY,
    id              BLOB    NOT NULL UNIQUE,
    origin_kind     TEXT    NOT NULL,
    origin_name     TEXT    NOT NULL,
    message_id      TEXT    NOT NULL,
    letter_key      TEXT,
    message_type    TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    position        INTEGER,
    headers         TEXT    NOT NULL, -- JSON object of strings
    error_type      TEXT    NOT NULL,
    error_message   TEXT,
    stack_trace     TEXT,
    attempts        INTEGER NOT NULL,
    first_failed_at INTEGER NOT NULL, -- microseconds since the epoch, UTC
    last_failed_at  INTEGER NOT NULL,
    next_attempt_at INTEGER,
    status          TEXT    NOT NULL CHECK (status IN ('RETRYING', 'PARKED', 'RESOLVED', 'DISCARDED')),
    UNIQUE (origin_kind, origin_name, message_id),
    CHECK ((status = 'RETRYING') = (next_attempt_at IS NOT NULL))
);

CREATE INDEX ordo_dead_letters_origin_idx ON ordo_dead_letters (origin_kind, origin_name, status, next_attempt_at);

-- The append-only history of each letter.
CREATE TABLE ordo_dead_letter_actions (
    seq       INTEGER NOT NULL PRIMARY KEY,
    letter_id BLOB    NOT NULL REFERENCES ordo_dead_letters (id),
    action    TEXT    NOT NULL,
    actor     TEXT    NOT NULL,
    acted_at  INTEGER NOT NULL, -- microseconds since the epoch, UTC
    note      TEXT
);

CREATE INDEX ordo_dead_letter_actions_letter_idx ON ordo_dead_letter_actions (letter_id, seq);
