/**
 * The shipping context's application layer and public API: shipment commands on their streams (addressed with
 * {@link dev.ordo.marketplace.shipping.app.ShippingService#SHIPMENTS} and sent through the command bus).
 */
package dev.ordo.marketplace.shipping.app;
