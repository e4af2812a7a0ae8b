/**
 * Per-operation metrics derived from the lifecycle events: Micrometer counters of runs by outcome and duration
 * timers with percentile histograms, and in-memory {@link dev.ordo.coordination.metrics.OperationStats} with the
 * success rate.
 */
package dev.ordo.coordination.metrics;
