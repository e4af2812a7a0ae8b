/**
 * Who may do what: JWT bearer tokens checked by Spring Security's resource server, the roles customer, producer and
 * operator, the {@link dev.ordo.marketplace.platform.security.Caller} a request acts as, a development issuer for the
 * embedded app, and the per-client rate limit at the edge.
 */
package dev.ordo.marketplace.platform.security;
