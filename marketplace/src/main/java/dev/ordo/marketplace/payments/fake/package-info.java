/**
 * A fake payment provider that behaves like a real one (latency, declines, calls that hang, outages), with an
 * in-memory ledger of the money it moved, for the demo and the tests.
 */
package dev.ordo.marketplace.payments.fake;
