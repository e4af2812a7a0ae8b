/** Operators' view of dead letters: list and inspect them, redrive or discard them; every action is recorded. */
package dev.ordo.marketplace.platform.deadletters;
