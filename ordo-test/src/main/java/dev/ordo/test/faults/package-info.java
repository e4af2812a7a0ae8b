/** Fault injection for tests: stores that fail, go away or "crash" at chosen points, driven by seeded schedules. */
package dev.ordo.test.faults;
