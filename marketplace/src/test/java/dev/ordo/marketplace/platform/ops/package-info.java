/**
 * Checks of what operators run beside the marketplace, the Grafana dashboard and the Prometheus alert rules of
 * {@code deploy/}: the metric names their PromQL reads, held against what the application exports.
 */
package dev.ordo.marketplace.platform.ops;
