/** The query bus: routes each query to its one handler, which answers it from a read model. */
package dev.ordo.core.bus.query;
