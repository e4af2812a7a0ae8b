/**
 * The pipeline coordinator: runs named steps one after the other over a shared typed context (validate, enrich,
 * persist...), where any step may stop the pipeline with a reason, and reports each step's outcome.
 */
package dev.ordo.coordination.pipeline;
