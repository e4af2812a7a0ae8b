/** JSON serialization of events and decider state with Jackson 3, and upcasters that rewrite old payloads as JSON trees. */
package dev.ordo.jackson;
