/**
 * The in-process event bus: delivers recorded events synchronously, in order, to prioritized listeners chosen by
 * event class, stored type name or stream category, isolating and recording listener failures.
 */
package dev.ordo.core.bus.event;
