/**
 * Benchmarks, each measured beside its raw baseline in the same run: the event store against plain JDBC on the
 * identical rows and database; the marketplace's HTTP commands against its bare HTTP round trip
 * ({@link dev.ordo.bench.http}). Entry point: {@link dev.ordo.bench.Bench}.
 */
package dev.ordo.bench;
