/** Value types every bounded context shares: money, addresses, identifiers and the base of domain rule violations. */
package dev.ordo.marketplace.shared;
