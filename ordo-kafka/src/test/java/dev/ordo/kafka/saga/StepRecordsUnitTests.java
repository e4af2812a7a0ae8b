package dev.ordo.kafka.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.kafka.saga.SagaOverKafka.ReserveStock;
import dev.ordo.saga.StepRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Step requests as Kafka records: key, headers, and no class name on the wire. */
class StepRecordsUnitTests {

    private final UUID sagaId = UUID.randomUUID();
    private final StepRequest request = new StepRequest(sagaId + ":reserve-stock", "order", "reserve-stock",
            new ReserveStock("o-1", 2));

    @Test
    void aRequestIsKeyedBySagaIdAndNamesItsInvocationTypeAndReplyTopicInHeaders() {
        ProducerRecord<byte[], byte[]> record = StepRecords.request("stock", "order-replies", request,
                SagaOverKafka.TYPES);

        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(sagaId.toString());
        assertThat(header(record, StepRecords.INVOCATION_ID)).isEqualTo(sagaId + ":reserve-stock");
        assertThat(header(record, StepRecords.SAGA_TYPE)).isEqualTo("order");
        assertThat(header(record, StepRecords.STEP)).isEqualTo("reserve-stock");
        assertThat(header(record, StepRecords.PAYLOAD_TYPE)).isEqualTo("stock.reserve.v1");
        assertThat(header(record, StepRecords.REPLY_TOPIC)).isEqualTo("order-replies");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"order\":\"o-1\",\"quantity\":2}");
        assertThat(StepRecords.request(received(record), SagaOverKafka.TYPES)).isEqualTo(request);
    }

    @Test
    void aPayloadTypeThatIsNotRegisteredIsRefusedOnBothSides() {
        assertThatThrownBy(() -> StepRecords.request("stock", "replies",
                new StepRequest(sagaId + ":x", "order", "x", "a string"), SagaOverKafka.TYPES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String");

        ProducerRecord<byte[], byte[]> record = StepRecords.request("stock", "replies", request, SagaOverKafka.TYPES);
        record.headers().remove(StepRecords.PAYLOAD_TYPE).add(StepRecords.PAYLOAD_TYPE,
                ReserveStock.class.getName().getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> StepRecords.request(received(record), SagaOverKafka.TYPES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no step message type");
    }

    @Test
    void aRequestAndItsReplyCarryTheTraceContextOfTheSpanThatSentThem() {
        String step = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String participant = "00-4bf92f3577b34da6a3ce929d0e0e4736-1111111111111111-01";

        ProducerRecord<byte[], byte[]> sent = StepRecords.request("stock", "order-replies",
                request.withTraceParent(step), SagaOverKafka.TYPES);
        ProducerRecord<byte[], byte[]> reply = StepRecords.reply("order-replies",
                new StoredReply(request.invocationId(), true, null, null), participant);

        assertThat(header(sent, StepRecords.TRACEPARENT)).isEqualTo(step);
        assertThat(StepRecords.request(received(sent), SagaOverKafka.TYPES).traceParent()).isEqualTo(step);
        assertThat(header(reply, StepRecords.TRACEPARENT)).isEqualTo(participant);
        assertThat(header(StepRecords.request("stock", "order-replies", request, SagaOverKafka.TYPES),
                StepRecords.TRACEPARENT)).as("no trace context, no header").isNull();
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<byte[], byte[]> received(ProducerRecord<byte[], byte[]> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, 0L, 0L, TimestampType.CREATE_TIME, 0, 0, sent.key(),
                sent.value(), sent.headers(), Optional.empty());
    }
}
