/** The notifications' HTTP API: a customer's notifications, newest first. */
package dev.ordo.marketplace.notifications.web;
