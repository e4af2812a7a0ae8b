/**
 * The marketplace's logging configuration ({@code logback-spring.xml}, the {@code json-logs} profile) tested in a JVM
 * of its own, so that its JSON lines and its shutdown are those of a real process.
 */
package dev.ordo.marketplace.platform.logging;
