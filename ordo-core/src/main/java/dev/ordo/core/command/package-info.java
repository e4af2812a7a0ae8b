/**
 * Command handling on event-sourced streams: load (latest valid snapshot, then later events), decide, append at
 * the loaded version, optionally retry on a conflict, and snapshot by policy. Also reads a stream's state as it
 * was at any version.
 */
package dev.ordo.core.command;
