/**
 * The contract suites every implementation of a port must pass. A backend runs the whole suite with a one-line
 * subclass of {@link dev.ordo.test.contract.EventStoreContract}.
 */
package dev.ordo.test.contract;
