/**
 * Sagas over HTTP for operators, whatever their type: state, history, lists by status, redrive of parked
 * compensations, and the record of parked compensations. Depends on no bounded context.
 */
package dev.ordo.marketplace.platform.sagas;
