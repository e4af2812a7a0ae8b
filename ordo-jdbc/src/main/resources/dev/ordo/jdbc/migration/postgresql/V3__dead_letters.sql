-- Messages whose handling kept failing (see docs/adr/0010-dead-letters.md). One row per origin and message id;
-- seq keeps the order letters were opened in. Status and action names are those of the Java enums.
CREATE TABLE ordo_dead_letters (
    seq             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              uuid        NOT NULL,
    origin_kind     text        NOT NULL,
    origin_name     text        NOT NULL,
    message_id      text        NOT NULL,
    letter_key      text,
    message_type    text        NOT NULL,
    payload         text        NOT NULL,
    position        bigint,
    headers         text        NOT NULL, -- JSON object of strings
    error_type      text        NOT NULL,
    error_message   text,
    stack_trace     text,
    attempts        integer     NOT NULL,
    first_failed_at timestamptz NOT NULL,
    last_failed_at  timestamptz NOT NULL,
    next_attempt_at timestamptz,
    status          text        NOT NULL,
    CONSTRAINT ordo_dead_letters_id_uk UNIQUE (id),
    CONSTRAINT ordo_dead_letters_message_uk UNIQUE (origin_kind, origin_name, message_id),
    CONSTRAINT ordo_dead_letters_status_ck CHECK (status IN ('RETRYING', 'PARKED', 'RESOLVED', 'DISCARDED')),
    CONSTRAINT ordo_dead_letters_next_ck CHECK ((status = 'RETRYING') = (next_attempt_at IS NOT NULL))
);

CREATE INDEX ordo_dead_letters_origin_idx ON ordo_dead_letters (origin_kind, origin_name, status, next_attempt_at);

-- The append-only history of each letter.
CREATE TABLE ordo_dead_letter_actions (
    seq       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    letter_id uuid        NOT NULL REFERENCES ordo_dead_letters (id),
    action    text        NOT NULL,
    actor     text        NOT NULL,
    acted_at  timestamptz NOT NULL,
    note      text
);

CREATE INDEX ordo_dead_letter_actions_letter_idx ON ordo_dead_letter_actions (letter_id, seq);
