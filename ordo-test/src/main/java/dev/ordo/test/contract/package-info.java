/**
 * The contract suites every implementation of a port must pass. A backend runs the whole suite with a one-line
 * subclass of {@link dev.ordo.test.contract.EventStoreContract}, and implements
 * {@link dev.ordo.test.contract.CheckpointStoreContract}, {@link dev.ordo.test.contract.DeadLetterStoreContract} and
 * {@link dev.ordo.test.contract.SagaIndexContract} for its other stores.
 */
package dev.ordo.test.contract;
