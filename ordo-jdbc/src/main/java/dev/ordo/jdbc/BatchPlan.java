package dev.ordo.jdbc;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.StreamInfo;
import java.util.List;
import java.util.Map;

/**
 * What one transaction of the writer will do: the rows to insert, the final state of each written stream, the
 * new head, and the outcome of every request (a result, or the error it gets without being written).
 */
record BatchPlan(List<Row> rows, Map<StreamId, StreamInfo> streams, long newHead, List<Outcome> outcomes) {

    /** One event row with its assigned position and stream version. */
    record Row(long position, StreamId stream, long version, EventData event) {
    }

    /** The outcome of one request once the transaction commits. */
    record Outcome(PendingAppend request, AppendResult result, RuntimeException failure) {

        void complete() {
            if (failure != null) {
                request.result().completeExceptionally(failure);
            } else {
                request.result().complete(result);
            }
        }
    }

    boolean writes() {
        return !rows.isEmpty();
    }
}
