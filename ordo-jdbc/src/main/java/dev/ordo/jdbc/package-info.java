/**
 * The event, snapshot, checkpoint and dead-letter stores and the saga index on SQLite (the embedded default) and
 * PostgreSQL. Start from {@link dev.ordo.jdbc.OrdoDatabase}, then {@link dev.ordo.jdbc.JdbcEventStore} and
 * {@link dev.ordo.jdbc.JdbcSnapshotStore}. Database differences live in the package-private {@code Dialect}.
 */
package dev.ordo.jdbc;
