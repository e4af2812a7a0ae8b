-- The last position each subscription or projection has handled.
CREATE TABLE ordo_checkpoints (
    name       TEXT    NOT NULL PRIMARY KEY,
    position   INTEGER NOT NULL,
    updated_at INTEGER NOT NULL -- microseconds since the epoch, UTC
) WITHOUT ROWID;

-- The version of each projection's read model, to rebuild it when its code changes.
CREATE TABLE ordo_projections (
    name       TEXT    NOT NULL PRIMARY KEY,
    version    INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;
