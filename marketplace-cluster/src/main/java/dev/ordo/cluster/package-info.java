/**
 * The cluster launcher: one command that starts the marketplace past one JVM on this machine (PostgreSQL, a Kafka
 * broker and the marketplace's processes, each a process of its own, data kept between runs) and one that stops it.
 * Entry point: {@link dev.ordo.cluster.Cluster}.
 */
package dev.ordo.cluster;
