-- Statements of the SQLite dialect. Each starts with a "-- name:" line; parameters are positional.
-- Every write runs inside BEGIN IMMEDIATE on the single writer connection, so reads inside it are current.

-- name: read_head
SELECT position, revision FROM ordo_head WHERE id = 1;

-- name: stream_info
SELECT version, status, truncated_before FROM ordo_streams WHERE stream_id = ?;

-- name: find_event_id
-- A stored event of a retried append (1: the request's payload, 2: its id), and whether its payload is the same text.
SELECT stream_id, stream_version, position, event_type, schema_version, payload = ? FROM ordo_events WHERE event_id = ?;

-- name: insert_event
INSERT INTO ordo_events (position, event_id, stream_id, category, stream_version, event_type, schema_version,
                         payload, correlation_id, causation_id, actor, trace_parent, extra, recorded_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: upsert_stream
INSERT INTO ordo_streams (stream_id, version, status, truncated_before) VALUES (?, ?, ?, ?)
ON CONFLICT (stream_id) DO UPDATE
    SET version = excluded.version, status = excluded.status, truncated_before = excluded.truncated_before;

-- name: update_head
UPDATE ordo_head SET position = ?, revision = revision + 1 WHERE id = 1;

-- name: bump_revision
UPDATE ordo_head SET revision = revision + 1 WHERE id = 1;

-- name: head_position
SELECT position FROM ordo_head WHERE id = 1;

-- name: read_stream_forwards
SELECT e.position, e.event_id, e.stream_id, e.stream_version, e.event_type, e.schema_version, e.payload,
       e.correlation_id, e.causation_id, e.actor, e.trace_parent, e.extra, e.recorded_at
FROM ordo_events e
JOIN ordo_streams s ON s.stream_id = e.stream_id
WHERE e.stream_id = ? AND e.stream_version >= ? AND e.stream_version >= s.truncated_before AND s.status <> 2
ORDER BY e.stream_version
LIMIT ?;

-- name: read_stream_backwards
SELECT e.position, e.event_id, e.stream_id, e.stream_version, e.event_type, e.schema_version, e.payload,
       e.correlation_id, e.causation_id, e.actor, e.trace_parent, e.extra, e.recorded_at
FROM ordo_events e
JOIN ordo_streams s ON s.stream_id = e.stream_id
WHERE e.stream_id = ? AND e.stream_version <= ? AND e.stream_version >= s.truncated_before AND s.status <> 2
ORDER BY e.stream_version DESC
LIMIT ?;

-- name: read_all
SELECT e.position, e.event_id, e.stream_id, e.stream_version, e.event_type, e.schema_version, e.payload,
       e.correlation_id, e.causation_id, e.actor, e.trace_parent, e.extra, e.recorded_at
FROM ordo_events e
WHERE e.position >= ?
ORDER BY e.position
LIMIT ?;

-- name: read_all_by_category
-- The category list is a JSON array of strings.
SELECT e.position, e.event_id, e.stream_id, e.stream_version, e.event_type, e.schema_version, e.payload,
       e.correlation_id, e.causation_id, e.actor, e.trace_parent, e.extra, e.recorded_at
FROM ordo_events e
WHERE e.position >= ? AND e.category IN (SELECT value FROM json_each(?))
ORDER BY e.position
LIMIT ?;

-- name: read_all_by_type
SELECT e.position, e.event_id, e.stream_id, e.stream_version, e.event_type, e.schema_version, e.payload,
       e.correlation_id, e.causation_id, e.actor, e.trace_parent, e.extra, e.recorded_at
FROM ordo_events e
WHERE e.position >= ? AND e.event_type IN (SELECT value FROM json_each(?))
ORDER BY e.position
LIMIT ?;

-- name: read_all_by_category_and_type
SELECT e.position, e.event_id, e.stream_id, e.stream_version, e.event_type, e.schema_version, e.payload,
       e.correlation_id, e.causation_id, e.actor, e.trace_parent, e.extra, e.recorded_at
FROM ordo_events e
WHERE e.position >= ? AND e.category IN (SELECT value FROM json_each(?))
  AND e.event_type IN (SELECT value FROM json_each(?))
ORDER BY e.position
LIMIT ?;

-- name: load_snapshot
SELECT version, schema_version, state, taken_at FROM ordo_snapshots WHERE stream_id = ?;

-- name: save_snapshot
INSERT INTO ordo_snapshots (stream_id, version, schema_version, state, taken_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (stream_id) DO UPDATE
    SET version = excluded.version, schema_version = excluded.schema_version, state = excluded.state,
        taken_at = excluded.taken_at
    WHERE ordo_snapshots.schema_version <> excluded.schema_version OR ordo_snapshots.version <= excluded.version;

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
SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? ESCAPE '\';

-- Dead letters (docs/adr/0010-dead-letters.md). The lock_* statements are plain reads here: every write runs
-- inside BEGIN IMMEDIATE, which already excludes other writers.
-- Every letter query selects the same 17 columns in this order.

-- name: dead_letter_lock_by_id
SELECT id, origin_kind, origin_name, message_id, letter_key, message_type, payload, position, headers, error_type,
       error_message, stack_trace, attempts, first_failed_at, last_failed_at, next_attempt_at, status
FROM ordo_dead_letters WHERE id = ?;

-- name: dead_letter_lock_by_message
SELECT id, origin_kind, origin_name, message_id, letter_key, message_type, payload, position, headers, error_type,
       error_message, stack_trace, attempts, first_failed_at, last_failed_at, next_attempt_at, status
FROM ordo_dead_letters WHERE origin_kind = ? AND origin_name = ? AND message_id = ?;

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
ORDER BY seq;

-- name: dead_letter_lock_open_up_to
-- The open letters of an origin whose message is at or before a position of the log (a projection's rebuild
-- applied them).
SELECT id, origin_kind, origin_name, message_id, letter_key, message_type, payload, position, headers, error_type,
       error_message, stack_trace, attempts, first_failed_at, last_failed_at, next_attempt_at, status
FROM ordo_dead_letters
WHERE origin_kind = ? AND origin_name = ? AND status IN ('RETRYING', 'PARKED') AND position <= ?
ORDER BY seq;

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
