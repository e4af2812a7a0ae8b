package dev.ordo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.EventReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

/** Checks on the whole global log after faults: gap-free, in order, and every acknowledged append in it exactly once. */
final class LogAssertions {

    private LogAssertions() {
    }

    /** The whole log, read page by page; asserts it is gap-free from position 1 to the head and has no id twice. */
    static List<RecordedEvent> wholeLogGapFree(EventReader store) {
        List<RecordedEvent> log = new ArrayList<>();
        for (long next = 1; ; ) {
            List<RecordedEvent> page = store.readAll(next, 1_000);
            if (page.isEmpty()) {
                break;
            }
            log.addAll(page);
            next = page.getLast().position() + 1;
        }
        assertThat(log).extracting(RecordedEvent::position).as("$all is gap-free and in order")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, log.size()).boxed().toList());
        assertThat(store.headPosition()).isEqualTo(log.size());
        assertThat(log.stream().map(RecordedEvent::eventId).distinct().count()).as("no event id twice")
                .isEqualTo(log.size());
        return log;
    }

    /** Asserts the acknowledged append's events sit exactly at the positions its result reported, once each. */
    static void appearsOnceAt(List<RecordedEvent> log, List<EventData> events, AppendResult result) {
        Map<UUID, Long> positions = new HashMap<>();
        log.forEach(e -> positions.put(e.eventId(), e.position()));
        assertThat(events.stream().map(e -> positions.get(e.eventId())).toList())
                .as("the acknowledged append's events at the positions it was told")
                .containsExactlyElementsOf(result.positions().boxed().toList());
    }
}
