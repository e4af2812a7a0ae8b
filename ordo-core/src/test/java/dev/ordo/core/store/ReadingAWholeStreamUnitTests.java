package dev.ordo.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A stream's whole history is read page by page into one list, oldest first, without a gap or a duplicate. */
class ReadingAWholeStreamUnitTests {

    private final InMemoryEventStore store = new InMemoryEventStore();

    @Test
    void readsEveryEventOfAStreamLongerThanOnePageOldestFirst() {
        StreamId stream = StreamId.of("order-1");
        append(stream, 2 * EventReader.HISTORY_PAGE + 1);
        append(StreamId.of("order-2"), 3);

        List<RecordedEvent> events = store.readStreamForwards(stream);

        assertThat(events).extracting(RecordedEvent::streamVersion)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 2 * EventReader.HISTORY_PAGE + 1)
                        .mapToObj(Long::valueOf).toList());
        assertThat(events).allMatch(event -> event.streamId().equals(stream));
    }

    @Test
    void readsAStreamThatEndsExactlyAtAPageBoundary() {
        StreamId stream = StreamId.of("order-1");
        append(stream, EventReader.HISTORY_PAGE);

        assertThat(store.readStreamForwards(stream)).hasSize(EventReader.HISTORY_PAGE);
    }

    @Test
    void readsNothingOfAStreamThatWasNeverWritten() {
        assertThat(store.readStreamForwards(StreamId.of("order-404"))).isEmpty();
    }

    private void append(StreamId stream, int count) {
        store.append(stream, ExpectedVersion.any(), IntStream.range(0, count)
                .mapToObj(i -> EventData.of("thing.happened", 1, "{\"n\":" + i + "}", EventMetadata.empty()))
                .toList());
    }
}
