/**
 * What the command and query buses share: routing a message to the handler of its class or nearest supertype, and
 * the error when there is none.
 */
package dev.ordo.core.bus;
