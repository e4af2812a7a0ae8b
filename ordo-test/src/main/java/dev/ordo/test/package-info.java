/** Ordo's test kit: fixtures for deciders, contract suites for ports, and a real PostgreSQL for tests. */
package dev.ordo.test;
