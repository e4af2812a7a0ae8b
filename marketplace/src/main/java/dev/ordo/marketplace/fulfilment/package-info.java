/**
 * Order fulfilment: a saga takes every placed order through stock, payment, shipment and confirmation, and undoes
 * what was done when a step fails. Talks to the other contexts only through the command bus and their public
 * {@code app} APIs.
 */
package dev.ordo.marketplace.fulfilment;
