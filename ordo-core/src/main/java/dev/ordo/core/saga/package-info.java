/**
 * The saga index port ({@link dev.ordo.core.saga.SagaIndex}): the list of sagas by status and next wake-up time that
 * a saga engine keeps as a hint beside the saga streams, its value types, and an in-memory implementation for tests.
 */
package dev.ordo.core.saga;
