/**
 * Lifecycle events of coordinated runs (started, step started/completed/failed, compensating, compensated, completed,
 * failed) and the listener registry every coordinator publishes them to.
 */
package dev.ordo.coordination.event;
