-- Every claim of an Idempotency-Key names its owner: the process instance, the epoch it was started in, and the
-- request (token). A claim whose instance was restarted since (a newer epoch) or stopped beating is dead at once.
ALTER TABLE marketplace_idempotency ADD COLUMN owner_instance TEXT;
ALTER TABLE marketplace_idempotency ADD COLUMN owner_epoch INTEGER;
ALTER TABLE marketplace_idempotency ADD COLUMN owner_token TEXT;

CREATE TABLE marketplace_instances (
    instance_id  TEXT    NOT NULL PRIMARY KEY,
    epoch        INTEGER NOT NULL,
    heartbeat_at INTEGER NOT NULL
) WITHOUT ROWID;
