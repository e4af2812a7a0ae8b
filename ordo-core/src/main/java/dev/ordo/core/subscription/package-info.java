/**
 * Checkpointed consumers of the global log: they catch up from their checkpoint, then are woken by commits
 * (with polling only as a fallback), and report their lag.
 */
package dev.ordo.core.subscription;
