package dev.ordo.jdbc;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.AppendRules;
import dev.ordo.core.store.EventStoreException;
import dev.ordo.core.store.StoredEventRef;
import dev.ordo.core.store.StreamInfo;
import dev.ordo.core.store.StreamStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans a batch of appends as if they ran one after the other in arrival order: each is checked against the
 * state left by the ones before it, so two appends to the same stream in one batch behave exactly as two
 * transactions would. A refused request writes nothing and does not affect the others. Pure.
 */
final class BatchPlanner {

    private BatchPlanner() {
    }

    static BatchPlan plan(StoreState state, List<PendingAppend> batch) {
        long head = state.head();
        Map<StreamId, StreamInfo> streams = new HashMap<>(state.streams());
        Map<StreamId, StreamInfo> written = new LinkedHashMap<>();
        List<BatchPlan.Row> rows = new ArrayList<>();
        List<BatchPlan.Outcome> outcomes = new ArrayList<>(batch.size());
        for (PendingAppend request : batch) {
            try {
                Optional<AppendResult> retry = retryResult(state, request);
                if (retry.isPresent()) {
                    outcomes.add(new BatchPlan.Outcome(request, retry.get(), null));
                    continue;
                }
                StreamInfo current = streams.get(request.stream());
                AppendRules.checkExpectedVersion(request.stream(), request.expected(), current);
                long version = current == null ? 0 : current.version();
                long truncatedBefore = current == null ? 1 : current.truncatedBefore();
                long first = head + 1;
                for (EventData event : request.events()) {
                    rows.add(new BatchPlan.Row(++head, request.stream(), ++version, event));
                }
                StreamInfo after = new StreamInfo(request.stream(), version, StreamStatus.ACTIVE, truncatedBefore);
                streams.put(request.stream(), after);
                written.put(request.stream(), after);
                outcomes.add(new BatchPlan.Outcome(request, new AppendResult(version, first, head), null));
            } catch (EventStoreException refused) {
                outcomes.add(new BatchPlan.Outcome(request, null, refused));
            }
        }
        return new BatchPlan(rows, written, head, outcomes);
    }

    private static Optional<AppendResult> retryResult(StoreState state, PendingAppend request) {
        if (state.storedIds() == null) {
            return Optional.empty();
        }
        List<StoredEventRef> stored = new ArrayList<>();
        for (EventData event : request.events()) {
            StoredEventRef ref = state.storedIds().get(event.eventId());
            if (ref != null) {
                stored.add(ref);
            }
        }
        return AppendRules.retryResult(request.stream(), request.expected(), request.events(), stored);
    }
}
