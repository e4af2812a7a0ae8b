/** Shipping: a shipment per parcel, with its carrier and tracking number, as a pure decider. */
package dev.ordo.marketplace.shipping;
