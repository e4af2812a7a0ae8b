-- The saga index: status and next wake-up per saga (the saga's stream is the truth; this is the engine's hint).
-- Portable SQL: the same file runs on SQLite and PostgreSQL. Times are epoch milliseconds.
CREATE TABLE ordo_sagas (
    saga_id    VARCHAR(36)  NOT NULL PRIMARY KEY,
    saga_type  VARCHAR(200) NOT NULL,
    status     VARCHAR(20)  NOT NULL,
    wake_at    BIGINT,
    failure    TEXT,
    updated_at BIGINT       NOT NULL
);

CREATE INDEX ordo_sagas_status_idx ON ordo_sagas (status, updated_at);
CREATE INDEX ordo_sagas_wake_idx ON ordo_sagas (wake_at);
