/** Snapshots of decider state: the store port, when to take one, and how state is encoded. */
package dev.ordo.core.snapshot;
