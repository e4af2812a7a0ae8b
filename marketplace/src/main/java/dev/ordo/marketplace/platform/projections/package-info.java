/**
 * Operators' view of the read models this process runs: each projection's progress and lag, and a rebuild from the
 * first event beside the live read model. Depends on no bounded context.
 */
package dev.ordo.marketplace.platform.projections;
