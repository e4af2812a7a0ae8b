/** Ordering: the lifecycle of a marketplace order (place, change, pay, ship, deliver, cancel) as a pure decider. */
package dev.ordo.marketplace.ordering;
