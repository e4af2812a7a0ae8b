-- Statements of the PostgreSQL dialect. Each starts with a "-- name:" line; parameters are positional.

-- name: read_state
-- The head and the state of the batch's streams, in one snapshot.
SELECT h.position, h.revision, s.stream_id, s.version, s.status, s.truncated_before
FROM ordo_head h
LEFT JOIN ordo_streams s ON s.stream_id = ANY (?)
WHERE h.id = 1;

-- name: lock_head
-- Pessimistic mode: serializes this transaction with every other writer until it ends. Before it waits for the lock,
-- it bounds that wait (1: lock_timeout in ms) and how long the server keeps the transaction, and so the lock, when
-- this writer goes silent (2: idle_in_transaction_session_timeout in ms), for this transaction only.
SELECT h.position, h.revision
FROM ordo_head h,
     (SELECT set_config('lock_timeout', ?, true), set_config('idle_in_transaction_session_timeout', ?, true)) s
WHERE h.id = 1
FOR UPDATE OF h;

-- name: find_event_ids
-- The stored events of a retried append (1: the request's ids, 2: their payloads, in the same order), and whether
-- each stored payload is the same JSON value as the request's (jsonb equality ignores whitespace and key order).
SELECT e.event_id, e.stream_id, e.stream_version, e.position, e.event_type, e.schema_version,
       e.payload = r.payload::jsonb
FROM unnest(?::uuid[], ?::text[]) AS r(event_id, payload)
JOIN ordo_events e ON e.event_id = r.event_id;

-- name: append
-- All or nothing: the events and stream rows are written only if the head's revision is still the one read
-- (1: lock_timeout in ms, 2: new position, 3: revision read, 4: recorded_at, 5-17: event columns, 18-20: stream
-- columns). On success it also notifies the channel ordo_events with the new head.
WITH settings AS MATERIALIZED (
    -- bounds this transaction's wait for the head row's lock; the update below joins it, so it is set before the wait
    SELECT set_config('lock_timeout', ?, true) AS lock_timeout
), head AS (
    UPDATE ordo_head SET position = ?, revision = revision + 1
    FROM settings
    WHERE id = 1 AND revision = ?
    RETURNING position
), recorded AS (
    SELECT ?::timestamptz AS at
), events AS (
    INSERT INTO ordo_events (position, event_id, stream_id, category, stream_version, event_type, schema_version,
                             payload, correlation_id, causation_id, actor, trace_parent, extra, recorded_at)
    SELECT e.position, e.event_id, e.stream_id, e.category, e.stream_version, e.event_type, e.schema_version,
           e.payload::jsonb, e.correlation_id, e.causation_id, e.actor, e.trace_parent, e.extra::jsonb, recorded.at
    FROM head, recorded,
         unnest(?::bigint[], ?::uuid[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::integer[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
         AS e(position, event_id, stream_id, category, stream_version, event_type, schema_version, payload,
              correlation_id, causation_id, actor, trace_parent, extra)
    RETURNING 1
), streams AS (
    INSERT INTO ordo_streams (stream_id, version, status, truncated_before)
    SELECT s.stream_id, s.version, 0, s.truncated_before
    FROM head, unnest(?::text[], ?::bigint[], ?::bigint[]) AS s(stream_id, version, truncated_before)
    ON CONFLICT (stream_id) DO UPDATE
        SET version = EXCLUDED.version, status = 0, truncated_before = EXCLUDED.truncated_before
    RETURNING 1
), notified AS (
    -- delivered to LISTEN ordo_events on commit, so subscribers in any process wake up
    SELECT pg_notify('ordo_events', position::text) FROM head
)
SELECT (SELECT count(*) FROM head) AS applied, (SELECT count(*) FROM events) AS written,
       (SELECT count(*) FROM notified) AS notified;

-- name: bump_revision
-- Maintenance: takes the head row lock and makes concurrent optimistic appends re-read stream state.
UPDATE ordo_head SET revision = revision + 1 WHERE id = 1;

-- name: stream_info
SELECT version, status, truncated_before FROM ordo_streams WHERE stream_id = ?;

-- name: upsert_stream
INSERT INTO ordo_streams (stream_id, version, status, truncated_before) VALUES (?, ?, ?, ?)
ON CONFLICT (stream_id) DO UPDATE
    SET version = EXCLUDED.version, status = EXCLUDED.status, truncated_before = EXCLUDED.truncated_before;

-- name: head_position
SELECT position FROM ordo_head WHERE id = 1;

-- name: read_stream_forwards
SELECT e.position, e.event_id, e.stream_id, e.stream_version, e.event_type, e.schema_version, e.payload::text,
       e.correlation_id, e.causation_id, e.actor, e.trace_parent, e.extra::text, e.recorded_at
FROM ordo_events e
JOIN ordo_streams s ON s.stream_id = e.stream_id
WHERE e.stream_id = ? AND e.stream_version >= ? AND e.stream_version >= s.truncated_before AND s.status <> 2
ORDER BY e.stream_version
LIMIT ?;

-- name: read_stream_backwards
SELECT e.position, e.event_id, e.stream_id, e.stream_version, e.event_type, e.schema_version, e.payload::text,
       e.correlation_id, e.causation_id, e.actor, e.trace_parent, e.extra::text, e.recorded_at
FROM ordo_events e
JOIN ordo_streams s ON s.stream_id = e.stream_id
WHERE e.stream_id = ? AND e.stream_version <= ? AND e.stream_version >= s.truncated_before AND s.status <> 2
ORDER BY e.stream_version DESC
LIMIT ?;

-- name: read_all
SELECT e.position, e.event_id, e.stream_id, e.stream_version, e.event_type, e.schema_version, e.payload::text,
       e.correlation_id, e.causation_id, e.actor, e.trace_parent, e.extra::text, e.recorded_at
FROM ordo_events e
WHERE e.position >= ?
ORDER BY e.position
LIMIT ?;

-- name: read_all_by_category
SELECT e.position, e.event_id, e.stream_id, e.stream_version, e.event_type, e.schema_version, e.payload::text,
       e.correlation_id, e.causation_id, e.actor, e.trace_parent, e.extra::text, e.recorded_at
FROM ordo_events e
WHERE e.position >= ? AND e.category = ANY (?)
ORDER BY e.position
LIMIT ?;

-- name: read_all_by_type
SELECT e.position, e.event_id, e.stream_id, e.stream_version, e.event_type, e.schema_version, e.payload::text,
       e.correlation_id, e.causation_id, e.actor, e.trace_parent, e.extra::text, e.recorded_at
FROM ordo_events e
WHERE e.position >= ? AND e.event_type = ANY (?)
ORDER BY e.position
LIMIT ?;

-- name: read_all_by_category_and_type
SELECT e.position, e.event_id, e.stream_id, e.stream_version, e.event_type, e.schema_version, e.payload::text,
       e.correlation_id, e.causation_id, e.actor, e.trace_parent, e.extra::text, e.recorded_at
FROM ordo_events e
WHERE e.position >= ? AND e.category = ANY (?) AND e.event_type = ANY (?)
ORDER BY e.position
LIMIT ?;

-- name: load_snapshot
SELECT version, schema_version, state::text, taken_at FROM ordo_snapshots WHERE stream_id = ?;

-- name: save_snapshot
INSERT INTO ordo_snapshots (stream_id, version, schema_version, state, taken_at) VALUES (?, ?, ?, ?::jsonb, ?)
ON CONFLICT (stream_id) DO UPDATE
    SET version = EXCLUDED.version, schema_version = EXCLUDED.schema_version, state = EXCLUDED.state,
        taken_at = EXCLUDED.taken_at
    WHERE ordo_snapshots.schema_version <> EXCLUDED.schema_version OR ordo_snapshots.version <= EXCLUDED.version;

-- name: delete_snapshot
DELETE FROM ordo_snapshots WHERE stream_id = ?;

-- name: load_checkpoint
SELECT position FROM ordo_checkpoints WHERE name = ?;

-- name: save_checkpoint
-- Checkpoints only move forwards here; reset_checkpoint moves them anywhere.
INSERT INTO ordo_checkpoints (name, position, updated_at) VALUES (?, ?, ?)
ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
    WHERE ordo_checkpoints.position < excluded.position;

-- name: reset_checkpoint
INSERT INTO ordo_checkpoints (name, position, updated_at) VALUES (?, ?, ?)
ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at;

-- name: delete_checkpoint
DELETE FROM ordo_checkpoints WHERE name = ?;

-- name: load_projection
SELECT version FROM ordo_projections WHERE name = ?;

-- name: save_projection
INSERT INTO ordo_projections (name, version, updated_at) VALUES (?, ?, ?)
ON CONFLICT (name) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at;

-- name: list_tables_like
SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE ? ESCAPE '\';

-- Dead letters (docs/adr/0010-dead-letters.md). Every letter query selects the
-- same 17 columns in this order; the lock_* statements lock the rows until the transaction ends.

-- name: dead_letter_lock_by_id
SELECT id, origin_kind, origin_name, message_id, letter_key, message_type, payload, position, headers, error_type,
       error_message, stack_trace, attempts, first_failed_at, last_failed_at, next_attempt_at, status
FROM ordo_dead_letters WHERE id = ?
FOR UPDATE;

-- name: dead_letter_lock_by_message
SELECT id, origin_kind, origin_name, message_id, letter_key, message_type, payload, position, headers, error_type,
       error_message, stack_trace, attempts, first_failed_at, last_failed_at, next_attempt_at, status
FROM ordo_dead_letters WHERE origin_kind = ? AND origin_name = ? AND message_id = ?
FOR UPDATE;

-- name: dead_letter_get
SELECT id, origin_kind, origin_name, message_id, letter_key, message_type, payload, position, headers, error_type,
       error_message, stack_trace, attempts, first_failed_at, last_failed_at, next_attempt_at, status
FROM ordo_dead_letters WHERE id = ?;

-- name: dead_letter_find
SELECT id, origin_kind, origin_name, message_id, letter_key, message_type, payload, position, headers, error_type,
       error_message, stack_trace, attempts, first_failed_at, last_failed_at, next_attempt_at, status
FROM ordo_dead_letters WHERE origin_kind = ? AND origin_name = ? AND message_id = ?;

-- name: dead_letter_list
-- 1-3: origin kind (NULL for every origin), kind, name; 4-5: status (NULL for every status), status;
-- 6: limit; 7: offset.
SELECT id, origin_kind, origin_name, message_id, letter_key, message_type, payload, position, headers, error_type,
       error_message, stack_trace, attempts, first_failed_at, last_failed_at, next_attempt_at, status
FROM ordo_dead_letters
WHERE (CAST(? AS text) IS NULL OR (origin_kind = ? AND origin_name = ?))
  AND (CAST(? AS text) IS NULL OR status = ?)
ORDER BY seq
LIMIT ? OFFSET ?;

-- name: dead_letter_count_by_origin
-- Reads only the index ordo_dead_letters_status_idx (the letters of one status), for health checks.
SELECT origin_kind, origin_name, COUNT(*)
FROM ordo_dead_letters
WHERE status = ?
GROUP BY origin_kind, origin_name;

-- name: dead_letter_due
SELECT id, origin_kind, origin_name, message_id, letter_key, message_type, payload, position, headers, error_type,
       error_message, stack_trace, attempts, first_failed_at, last_failed_at, next_attempt_at, status
FROM ordo_dead_letters
WHERE origin_kind = ? AND origin_name = ? AND status = 'RETRYING' AND next_attempt_at <= ?
ORDER BY next_attempt_at, seq
LIMIT ?;

-- name: dead_letter_lock_parked
SELECT id, origin_kind, origin_name, message_id, letter_key, message_type, payload, position, headers, error_type,
       error_message, stack_trace, attempts, first_failed_at, last_failed_at, next_attempt_at, status
FROM ordo_dead_letters
WHERE origin_kind = ? AND origin_name = ? AND status = 'PARKED'
ORDER BY seq
FOR UPDATE;

-- name: dead_letter_lock_open_up_to
-- The open letters of an origin whose message is at or before a position of the log (a projection's rebuild
-- applied them).
SELECT id, origin_kind, origin_name, message_id, letter_key, message_type, payload, position, headers, error_type,
       error_message, stack_trace, attempts, first_failed_at, last_failed_at, next_attempt_at, status
FROM ordo_dead_letters
WHERE origin_kind = ? AND origin_name = ? AND status IN ('RETRYING', 'PARKED') AND position <= ?
ORDER BY seq
FOR UPDATE;

-- name: dead_letter_insert
-- Does nothing when a concurrent writer opened the letter of the same message first.
INSERT INTO ordo_dead_letters (id, origin_kind, origin_name, message_id, letter_key, message_type, payload, position,
                               headers, error_type, error_message, stack_trace, attempts, first_failed_at,
                               last_failed_at, next_attempt_at, status)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (origin_kind, origin_name, message_id) DO NOTHING;

-- name: dead_letter_update
UPDATE ordo_dead_letters
SET error_type = ?, error_message = ?, stack_trace = ?, attempts = ?, first_failed_at = ?, last_failed_at = ?,
    next_attempt_at = ?, status = ?
WHERE id = ?;

-- name: dead_letter_insert_action
INSERT INTO ordo_dead_letter_actions (letter_id, action, actor, acted_at, note) VALUES (?, ?, ?, ?, ?);

-- name: dead_letter_history
SELECT letter_id, action, actor, acted_at, note FROM ordo_dead_letter_actions WHERE letter_id = ? ORDER BY seq;
