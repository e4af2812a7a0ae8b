package dev.ordo.jdbc;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.ExpectedVersion;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One validated append waiting for the writer; its future completes once the writer knows the outcome. */
record PendingAppend(StreamId stream, ExpectedVersion expected, List<EventData> events,
                     CompletableFuture<AppendResult> result) {

    PendingAppend(StreamId stream, ExpectedVersion expected, List<EventData> events) {
        this(stream, expected, List.copyOf(events), new CompletableFuture<>());
    }
}
