/**
 * Live updates for the web UI as server-sent events: each caller's orders and notifications as the event store commits
 * them, resumable from the last event id, with slow clients dropped instead of buffered without bound.
 */
package dev.ordo.marketplace.platform.live;
