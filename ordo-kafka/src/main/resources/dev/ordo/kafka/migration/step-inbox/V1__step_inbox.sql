-- The inbox of saga step participants: per participant and invocation id, the reply it produced, so that a request
-- delivered again is answered again without being handled again. Portable SQL: the same file runs on SQLite and
-- PostgreSQL. A row without an outcome is a claim inside the transaction that handles the request; it is never seen
-- committed without one. Times are epoch milliseconds.
CREATE TABLE ordo_step_inbox (
    participant   VARCHAR(200) NOT NULL,
    invocation_id VARCHAR(400) NOT NULL,
    outcome       VARCHAR(10),
    result_type   VARCHAR(200),
    result        TEXT,
    recorded_at   BIGINT       NOT NULL,
    PRIMARY KEY (participant, invocation_id)
);
