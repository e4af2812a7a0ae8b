/** The ordering context's HTTP API: order commands, the order's details, list, history and past versions. */
package dev.ordo.marketplace.ordering.web;
