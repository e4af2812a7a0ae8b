/** The fulfilment's HTTP API: an order's fulfilment saga, and cancelling it. */
package dev.ordo.marketplace.fulfilment.web;
