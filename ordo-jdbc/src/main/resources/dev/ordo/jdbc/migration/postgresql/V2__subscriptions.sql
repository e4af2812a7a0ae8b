-- The last position each subscription or projection has handled.
CREATE TABLE ordo_checkpoints (
    name       text        NOT NULL PRIMARY KEY,
    position   bigint      NOT NULL,
    updated_at timestamptz NOT NULL
);

-- The version of each projection's read model, to rebuild it when its code changes.
CREATE TABLE ordo_projections (
    name       text        NOT NULL PRIMARY KEY,
    version    integer     NOT NULL,
    updated_at timestamptz NOT NULL
);
