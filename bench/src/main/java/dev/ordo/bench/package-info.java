/**
 * Benchmarks of the event store, each measured beside its raw JDBC baseline (the same rows, the same database,
 * the same run). Entry point: {@link dev.ordo.bench.Bench}.
 */
package dev.ordo.bench;
