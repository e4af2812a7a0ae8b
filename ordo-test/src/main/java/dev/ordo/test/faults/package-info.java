/**
 * Fault injection for tests: stores and JDBC data sources that fail, stall, go away or "crash" at chosen points, driven
 * by seeded schedules.
 */
package dev.ordo.test.faults;
