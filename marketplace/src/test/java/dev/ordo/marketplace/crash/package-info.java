/**
 * The process-level crash suite of issue 8: the built marketplace jar runs as a child JVM that is killed with SIGKILL
 * (and whose database goes away) at seeded moments while customers keep ordering with Idempotency-Keys and retry
 * every unanswered request; afterwards the whole history is checked against the invariants of
 * {@code docs/reliability.md}. Run by failsafe in {@code verify}, after {@code package} built the jar.
 */
package dev.ordo.marketplace.crash;
