-- Every claim of an Idempotency-Key names its owner: the process instance, the epoch it was started in, and the
-- request (token). A claim whose instance was restarted since (a newer epoch) or stopped beating is dead at once.
ALTER TABLE marketplace_idempotency ADD COLUMN owner_instance text;
ALTER TABLE marketplace_idempotency ADD COLUMN owner_epoch bigint;
ALTER TABLE marketplace_idempotency ADD COLUMN owner_token text;

CREATE TABLE marketplace_instances (
    instance_id  text   NOT NULL PRIMARY KEY,
    epoch        bigint NOT NULL,
    heartbeat_at bigint NOT NULL
);
