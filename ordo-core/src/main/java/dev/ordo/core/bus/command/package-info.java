/**
 * The command bus: routes each command to its one handler through a pipeline of middlewares for correlation,
 * logging, metrics, validation and per-key serialization.
 */
package dev.ordo.core.bus.command;
