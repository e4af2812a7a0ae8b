/**
 * Implementation shared by the coordinators and participants: the listener registry, per-run event emission and
 * logging-context propagation to virtual threads. Not an API: anything here may change without notice.
 */
package dev.ordo.coordination.internal;
