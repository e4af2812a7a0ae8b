/**
 * The shipping context's application layer and public API: shipment commands (sent as
 * {@link dev.ordo.marketplace.shipping.app.ShippingService#request} through the command bus) on their streams.
 */
package dev.ordo.marketplace.shipping.app;
