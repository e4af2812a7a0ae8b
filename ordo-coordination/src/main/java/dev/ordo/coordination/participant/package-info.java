/**
 * Participants: named remote parties whose calls are wrapped with Resilience4j (a circuit breaker shared by name, a
 * time limit, optional retry with exponential backoff and jitter, optional bulkhead) and an optional fallback.
 */
package dev.ordo.coordination.participant;
