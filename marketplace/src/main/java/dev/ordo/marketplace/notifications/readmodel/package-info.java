/** The notifications read model: each customer's notifications, from order events and sent notifications. */
package dev.ordo.marketplace.notifications.readmodel;
