-- What each Kafka consumer group applied: per stream, the last version (and its event id). Written in the same
-- transaction as the handler's effects, so that a redelivered record is recognised as a repeat.
CREATE TABLE ordo_inbox (
    consumer   TEXT   NOT NULL,
    stream_id  TEXT   NOT NULL,
    version    BIGINT NOT NULL,
    event_id   TEXT   NOT NULL,
    PRIMARY KEY (consumer, stream_id)
);

-- The read models fed from Kafka whose tables were created, with the version of their shape.
CREATE TABLE ordo_inbox_projections (
    consumer   TEXT    NOT NULL PRIMARY KEY,
    version    INTEGER NOT NULL
);
