/** The payments' HTTP API: an order's payments, and the payment provider's circuit breaker in the health endpoint. */
package dev.ordo.marketplace.payments.web;
