-- The global log. Positions are assigned by the writer under the ordo_head row, never by a sequence, so they
-- are gap-free and become visible in increasing order (see docs/adr/0002-global-order-without-loss.md).
CREATE TABLE ordo_events (
    position        bigint      NOT NULL PRIMARY KEY,
    event_id        uuid        NOT NULL,
    stream_id       text        NOT NULL,
    category        text        NOT NULL,
    stream_version  bigint      NOT NULL,
    event_type      text        NOT NULL,
    schema_version  integer     NOT NULL,
    payload         jsonb       NOT NULL,
    correlation_id  text,
    causation_id    text,
    actor           text,
    trace_parent    text,
    extra           jsonb,
    recorded_at     timestamptz NOT NULL,
    CONSTRAINT ordo_events_event_id_uk UNIQUE (event_id),
    CONSTRAINT ordo_events_stream_version_uk UNIQUE (stream_id, stream_version)
);

CREATE INDEX ordo_events_category_idx ON ordo_events (category, position);
CREATE INDEX ordo_events_type_idx ON ordo_events (event_type, position);

-- One row per stream: its version and lifecycle. status: 0 active, 1 soft-deleted, 2 tombstoned.
CREATE TABLE ordo_streams (
    stream_id        text     NOT NULL PRIMARY KEY,
    version          bigint   NOT NULL,
    status           smallint NOT NULL,
    truncated_before bigint   NOT NULL
);

-- The single row every write goes through: the last assigned position and a revision bumped by every write.
CREATE TABLE ordo_head (
    id       integer NOT NULL PRIMARY KEY CHECK (id = 1),
    position bigint  NOT NULL,
    revision bigint  NOT NULL
);
INSERT INTO ordo_head (id, position, revision) VALUES (1, 0, 0);

CREATE TABLE ordo_snapshots (
    stream_id      text        NOT NULL PRIMARY KEY,
    version        bigint      NOT NULL,
    schema_version integer     NOT NULL,
    state          jsonb       NOT NULL,
    taken_at       timestamptz NOT NULL
);
