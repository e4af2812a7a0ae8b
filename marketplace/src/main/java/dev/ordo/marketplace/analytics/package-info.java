/** Sales analytics over a date range, computed from the orders and catalog read models. */
package dev.ordo.marketplace.analytics;
