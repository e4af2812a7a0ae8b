package dev.ordo.marketplace.platform.live;

import java.io.IOException;

/**
 * Where one connection's messages are written: the client's response. Only the connection's own writer calls the
 * writing methods, one at a time; a write may block for as long as the client takes to read.
 */
interface LiveSink {

    /** Writes the {@code ready} message: the stream is attached and starts after this position. */
    void ready(long position) throws IOException;

    /** Writes one message. */
    void send(LiveMessage message) throws IOException;

    /** Writes a comment that keeps an idle connection alive and shows whether the client is still there. */
    void heartbeat() throws IOException;

    /** Ends the response. May be called more than once; never throws. */
    void complete();

    /**
     * Registers what to run once the response has ended for any reason (completed, failed, client gone, timed out);
     * it may run on another thread and must not block.
     */
    void onEnd(Runnable callback);
}
