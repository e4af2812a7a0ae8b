/**
 * Orchestrated sagas: a definition is an ordered list of step groups (one step, or steps run in parallel), each
 * step an action with an optional compensation, a timeout and a retry policy. Every transition of a saga is an event
 * in its own stream ({@code saga-<id>}), so a saga's history reads like any other, and an engine resumes unfinished
 * sagas after a restart.
 */
package dev.ordo.saga;
