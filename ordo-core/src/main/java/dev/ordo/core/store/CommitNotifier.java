package dev.ordo.core.store;

import java.util.function.LongConsumer;

/**
 * A store that tells in-process listeners when new events are committed, so subscribers can be woken instead of
 * polling.
 */
public interface CommitNotifier {

    /**
     * Registers a listener called with the new head position after each commit that wrote events. Listeners run on
     * the committing thread: they must be quick and must not write to the store.
     */
    void onCommit(LongConsumer listener);
}
