/**
 * The command bus: routes each command to its one handler through a pipeline of middlewares for correlation,
 * logging, metrics, validation and per-key serialization; and how a context names its streams and addresses its
 * commands to them ({@link dev.ordo.core.bus.command.StreamNaming}, {@link dev.ordo.core.bus.command.Streams}).
 */
package dev.ordo.core.bus.command;
