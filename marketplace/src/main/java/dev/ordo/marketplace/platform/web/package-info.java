/** Web concerns shared by every context: request metadata, If-Match, and RFC 9457 problem responses. */
package dev.ordo.marketplace.platform.web;
