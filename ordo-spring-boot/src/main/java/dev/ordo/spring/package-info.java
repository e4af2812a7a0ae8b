/**
 * Spring Boot auto-configuration of Ordo: from {@code ordo.*} properties to a migrated database, the event,
 * snapshot and checkpoint stores, subscriptions and projections, health and metrics, with no hand wiring.
 */
package dev.ordo.spring;
