/**
 * The service coordinator: runs a validated graph of named steps, each a function of its input and of the typed
 * results of the steps it depends on, with independent steps in parallel on virtual threads; on failure it stops
 * what has not started, ends what runs, compensates what completed and reports a {@link
 * dev.ordo.coordination.service.CoordinationException}.
 */
package dev.ordo.coordination.service;
