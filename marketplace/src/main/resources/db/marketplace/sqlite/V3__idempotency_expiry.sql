-- Keys are kept for a retention period (marketplace.idempotency.retention) and then forgotten, oldest first.
CREATE INDEX marketplace_idempotency_updated_idx ON marketplace_idempotency (updated_at);
