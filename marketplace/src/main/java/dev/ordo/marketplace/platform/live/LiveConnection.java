package dev.ordo.marketplace.platform.live;

import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's connection to a {@link LiveFeed}, written by its own virtual thread: first the {@code ready} message,
 * then every message after the resume position read from the store (catch-up), then, attached to the feed's tailer,
 * what the tailer offers. Attaching happens between two catch-ups: the second reaches at least as far as the tailer
 * was when the connection attached, and the tailer offers only what comes after, so a message the second catch-up
 * wrote and the tailer also offered is skipped by its position. The client gets each of its messages once, in position
 * order, without a gap. When nothing was written for the heartbeat interval, a heartbeat is.
 *
 * <p>It ends when the client goes away or a write fails, when the feed drops it (its mailbox full) or closes, or when
 * the store cannot be read while catching up; the response is then completed and the client may reconnect with its
 * last event id. Thread-safe.
 */
final class LiveConnection {

    private static final Logger log = LoggerFactory.getLogger(LiveConnection.class);

    private final LiveFeed feed;
    private final Viewer viewer;
    private final long after;
    private final LiveSink sink;
    private final Mailbox<LiveMessage> mailbox;
    private final Duration heartbeat;
    private volatile Thread writer;

    LiveConnection(LiveFeed feed, Viewer viewer, long after, LiveSink sink, Mailbox<LiveMessage> mailbox,
                   Duration heartbeat) {
        this.feed = feed;
        this.viewer = viewer;
        this.after = after;
        this.sink = sink;
        this.mailbox = mailbox;
        this.heartbeat = heartbeat;
    }

    Viewer viewer() {
        return viewer;
    }

    /** Starts writing, on a thread of its own. */
    void start() {
        sink.onEnd(this::close);
        writer = Thread.ofVirtual().name("live-" + feed.name() + "-client").start(this::run);
    }

    /** Offers a message without waiting: false when the mailbox is full or the connection closed. */
    boolean offer(LiveMessage message) {
        return mailbox.offer(message);
    }

    /**
     * Closes the connection without waiting: its waiting messages are dropped and its writer completes the response as
     * soon as it is not in the middle of a write.
     *
     * @return true for the call that closed it
     */
    boolean close() {
        return mailbox.close();
    }

    /** Waits up to the given time for the writer to end; true when it has (or never started). */
    boolean awaitEnd(Duration wait) throws InterruptedException {
        Thread thread = writer;
        return thread == null || thread.join(wait);
    }

    private void run() {
        try {
            if (mailbox.isClosed()) {
                return;
            }
            sink.ready(after);
            long covered = catchUp(after);
            feed.attach(this);
            covered = catchUp(covered);
            while (true) {
                LiveMessage message = mailbox.poll(heartbeat);
                if (mailbox.isClosed()) {
                    return;
                }
                if (message == null) {
                    sink.heartbeat();
                } else if (message.position() > covered) {
                    sink.send(message);
                    covered = message.position();
                }
            }
        } catch (IOException e) {
            log.debug("live client of feed {} went away: {}", feed.name(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("live connection to feed {} failed; its client may reconnect and resume", feed.name(), e);
        } finally {
            mailbox.close();
            feed.detach(this);
            sink.complete();
        }
    }

    /**
     * Writes the viewer's messages after a position, page by page, until a read reaches the store's head.
     *
     * @return the position up to which every message of the feed has been considered
     */
    private long catchUp(long from) throws IOException {
        long covered = from;
        while (!mailbox.isClosed()) {
            LiveFeed.Batch batch = feed.read(covered);
            for (LiveMessage message : batch.messages()) {
                if (viewer.sees(message)) {
                    sink.send(message);
                }
            }
            covered = batch.scanned();
            if (batch.caughtUp()) {
                break;
            }
        }
        return covered;
    }
}
