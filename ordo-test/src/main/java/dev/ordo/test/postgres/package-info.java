/** A real PostgreSQL server for tests, started from binaries in Maven Central jars: no Docker, nothing installed. */
package dev.ordo.test.postgres;
