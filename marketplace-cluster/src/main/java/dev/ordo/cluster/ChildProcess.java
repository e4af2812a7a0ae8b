package dev.ordo.cluster;

/** A process the cluster started and watches: a service or the broker. */
interface ChildProcess extends AutoCloseable {

    long pid();

    boolean isAlive();

    /** Stops it (gracefully first); never throws. */
    @Override
    void close();
}
