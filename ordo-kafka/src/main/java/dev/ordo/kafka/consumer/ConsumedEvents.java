package dev.ordo.kafka.consumer;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.kafka.RelayHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Turns a record the relay published back into the event it carries. Stateless. */
final class ConsumedEvents {

    private ConsumedEvents() {
    }

    /**
     * The event of a relay-published record: identity, type, schema version, stream, version, position and time
     * from the relay's headers, the payload from the value, and the metadata headers.
     *
     * @throws MalformedRecordException when a required header is missing or unreadable, or the value is empty
     */
    static RecordedEvent of(ConsumerRecord<String, byte[]> record) {
        try {
            EventMetadata metadata = EventMetadata.empty()
                    .withCorrelationId(RelayHeaders.value(record.headers(), RelayHeaders.CORRELATION_ID))
                    .withCausationId(RelayHeaders.value(record.headers(), RelayHeaders.CAUSATION_ID))
                    .withActor(RelayHeaders.value(record.headers(), RelayHeaders.ACTOR))
                    .withTraceParent(RelayHeaders.value(record.headers(), RelayHeaders.TRACEPARENT));
            for (Header header : record.headers()) {
                if (!header.key().startsWith("ordo-") && !header.key().equals(RelayHeaders.TRACEPARENT)
                        && header.value() != null) {
                    metadata = metadata.with(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                }
            }
            if (record.value() == null) {
                throw new MalformedRecordException(record, "it has no value");
            }
            return new RecordedEvent(UUID.fromString(required(record, RelayHeaders.EVENT_ID)),
                    StreamId.of(required(record, RelayHeaders.STREAM_ID)),
                    Long.parseLong(required(record, RelayHeaders.STREAM_VERSION)),
                    Long.parseLong(required(record, RelayHeaders.POSITION)),
                    required(record, RelayHeaders.EVENT_TYPE),
                    Integer.parseInt(required(record, RelayHeaders.SCHEMA_VERSION)),
                    new String(record.value(), StandardCharsets.UTF_8), metadata,
                    Instant.parse(required(record, RelayHeaders.RECORDED_AT)));
        } catch (MalformedRecordException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedRecordException(record, "a header is unreadable: " + e.getMessage());
        }
    }

    private static String required(ConsumerRecord<String, byte[]> record, String header) {
        String value = RelayHeaders.value(record.headers(), header);
        if (value == null) {
            throw new MalformedRecordException(record, "it lacks the header " + header);
        }
        return value;
    }
}
