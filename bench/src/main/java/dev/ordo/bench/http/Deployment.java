package dev.ordo.bench.http;

import java.net.URI;
import java.time.Duration;

/** Where a bench sends its load: the embedded marketplace (one process) or a running cluster of services. */
interface Deployment extends AutoCloseable {

    /** The public API's root, e.g. {@code http://127.0.0.1:PORT/}. */
    URI base();

    /** The root of the process that runs the fulfilment sagas, whose {@code ordo.sagas} counter the monitor reads. */
    URI sagas();

    /** The CPU time every process of the deployment used so far (all their threads). */
    Duration cpu();

    /** Stops what the bench started; a deployment the bench only attached to is left running. */
    @Override
    void close();
}
