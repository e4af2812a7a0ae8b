/** The shipping HTTP API: a shipment with its carrier, tracking number and status. */
package dev.ordo.marketplace.shipping.web;
