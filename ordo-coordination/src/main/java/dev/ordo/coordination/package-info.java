/**
 * Coordinators: {@link dev.ordo.coordination.service service graphs} run named calls in parallel on virtual threads
 * by their declared dependencies and publish {@link dev.ordo.coordination.event lifecycle events} that
 * {@link dev.ordo.coordination.metrics metrics} are derived from, and
 * {@link dev.ordo.coordination.participant participants} wrap each remote call with Resilience4j.
 */
package dev.ordo.coordination;
