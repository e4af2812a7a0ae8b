-- The global log. Positions are assigned by the single writer from ordo_head, so they are never reused, even
-- after the last event is removed (see docs/adr/0002-global-order-without-loss.md).
CREATE TABLE ordo_events (
    position        INTEGER NOT NULL PRIMARY KEY,
    event_id        BLOB    NOT NULL UNIQUE,
    stream_id       TEXT    NOT NULL,
    category        TEXT    NOT NULL,
    stream_version  INTEGER NOT NULL,
    event_type      TEXT    NOT NULL,
    schema_version  INTEGER NOT NULL,
    payload         TEXT    NOT NULL,
    correlation_id  TEXT,
    causation_id    TEXT,
    actor           TEXT,
    trace_parent    TEXT,
    extra           TEXT,
    recorded_at     INTEGER NOT NULL, -- microseconds since the epoch, UTC
    UNIQUE (stream_id, stream_version)
);

CREATE INDEX ordo_events_category_idx ON ordo_events (category, position);
CREATE INDEX ordo_events_type_idx ON ordo_events (event_type, position);

-- status: 0 active, 1 soft-deleted, 2 tombstoned.
CREATE TABLE ordo_streams (
    stream_id        TEXT    NOT NULL PRIMARY KEY,
    version          INTEGER NOT NULL,
    status           INTEGER NOT NULL,
    truncated_before INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE ordo_head (
    id       INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    position INTEGER NOT NULL,
    revision INTEGER NOT NULL
);
INSERT INTO ordo_head (id, position, revision) VALUES (1, 0, 0);

CREATE TABLE ordo_snapshots (
    stream_id      TEXT    NOT NULL PRIMARY KEY,
    version        INTEGER NOT NULL,
    schema_version INTEGER NOT NULL,
    state          TEXT    NOT NULL,
    taken_at       INTEGER NOT NULL -- microseconds since the epoch, UTC
) WITHOUT ROWID;
