package dev.ordo.marketplace.platform.projections;

import dev.ordo.core.subscription.SubscriptionStatus;

/**
 * A projection as the API shows it.
 *
 * @param name        the projection's name, also its subscription's
 * @param version     the version of its read model's code
 * @param status      its live subscription's progress (state, checkpoint, head, lag in events and seconds, failures,
 *                    last error, last activity); {@code null} while there is none: a rebuild after a version change
 *                    replays the log first, and a rebuild's swap stops the live subscription for a moment
 * @param rebuilding  whether a rebuild of it is running (asked for over HTTP, or started by a version change)
 * @param lastRebuild the last rebuild asked for over HTTP since this process started, or {@code null}
 */
record ProjectionView(String name, int version, SubscriptionStatus status, boolean rebuilding,
                      ProjectionRebuilds.Rebuild lastRebuild) {
}
