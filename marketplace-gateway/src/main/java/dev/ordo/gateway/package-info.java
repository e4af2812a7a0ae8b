/** The gateway in front of the marketplace's services: {@link dev.ordo.gateway.GatewayApplication}. */
package dev.ordo.gateway;
