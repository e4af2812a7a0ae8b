package dev.ordo.kafka.saga;

import dev.ordo.saga.StepReply;
import dev.ordo.saga.StepRequest;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Step requests and replies as Kafka records. Both are keyed by the saga id, so that one saga's messages stay in order
 * on one partition. A request's value is its payload as JSON, with headers {@value #INVOCATION_ID}, {@value #SAGA_TYPE},
 * {@value #STEP}, {@value #PAYLOAD_TYPE} and {@value #REPLY_TOPIC}. A reply's headers are {@value #INVOCATION_ID} and
 * {@value #OUTCOME} ({@code succeeded} or {@code failed}); a success's value is its result as JSON, typed by
 * {@value #RESULT_TYPE} (no header and no value: no result); a failure's value is the error text in UTF-8. Both carry
 * the W3C {@value #TRACEPARENT} of the span that sent them, when there is one.
 */
final class StepRecords {

    static final String INVOCATION_ID = "ordo-invocation-id";
    static final String SAGA_TYPE = "ordo-saga-type";
    static final String STEP = "ordo-step";
    static final String PAYLOAD_TYPE = "ordo-payload-type";
    static final String REPLY_TOPIC = "ordo-reply-topic";
    static final String OUTCOME = "ordo-outcome";
    static final String RESULT_TYPE = "ordo-result-type";
    /** The W3C trace context, under its standard name. */
    static final String TRACEPARENT = "traceparent";

    private static final String SUCCEEDED = "succeeded";
    private static final String FAILED = "failed";

    private StepRecords() {
    }

    /** The partition key of a saga's messages: its saga id, the invocation id's part before the first colon. */
    static byte[] key(String invocationId) {
        int colon = invocationId.indexOf(':');
        return utf8(colon < 0 ? invocationId : invocationId.substring(0, colon));
    }

    static ProducerRecord<byte[], byte[]> request(String topic, String replyTopic, StepRequest request,
                                                  StepMessageTypes types) {
        Headers headers = new RecordHeaders()
                .add(INVOCATION_ID, utf8(request.invocationId()))
                .add(SAGA_TYPE, utf8(request.sagaType()))
                .add(STEP, utf8(request.step()))
                .add(PAYLOAD_TYPE, utf8(types.nameOf(request.payload())))
                .add(REPLY_TOPIC, utf8(replyTopic));
        if (request.traceParent() != null) {
            headers.add(TRACEPARENT, utf8(request.traceParent()));
        }
        return new ProducerRecord<>(topic, null, key(request.invocationId()), types.encode(request.payload()), headers);
    }

    /**
     * The request a record carries.
     *
     * @throws IllegalArgumentException when a header is missing or the payload is not a registered type's JSON
     */
    static StepRequest request(ConsumerRecord<byte[], byte[]> record, StepMessageTypes types) {
        Headers headers = record.headers();
        return new StepRequest(required(headers, INVOCATION_ID), required(headers, SAGA_TYPE), required(headers, STEP),
                types.decode(required(headers, PAYLOAD_TYPE), record.value() == null ? new byte[0] : record.value()),
                optional(headers, TRACEPARENT));
    }

    /** @param traceParent the trace context of the span that answers, or {@code null} */
    static ProducerRecord<byte[], byte[]> reply(String topic, StoredReply reply, String traceParent) {
        Headers headers = new RecordHeaders().add(INVOCATION_ID, utf8(reply.invocationId()));
        if (traceParent != null) {
            headers.add(TRACEPARENT, utf8(traceParent));
        }
        byte[] value;
        if (reply.succeeded()) {
            headers.add(OUTCOME, utf8(SUCCEEDED));
            if (reply.resultType() != null) {
                headers.add(RESULT_TYPE, utf8(reply.resultType()));
            }
            value = reply.body() == null ? null : utf8(reply.body());
        } else {
            headers.add(OUTCOME, utf8(FAILED));
            value = utf8(reply.body());
        }
        return new ProducerRecord<>(topic, null, key(reply.invocationId()), value, headers);
    }

    /**
     * The reply a record carries.
     *
     * @throws IllegalArgumentException when a header is missing or the result is not a registered type's JSON
     */
    static StepReply reply(ConsumerRecord<byte[], byte[]> record, StepMessageTypes types) {
        String invocationId = required(record.headers(), INVOCATION_ID);
        String outcome = required(record.headers(), OUTCOME);
        return switch (outcome) {
            case SUCCEEDED -> {
                String resultType = optional(record.headers(), RESULT_TYPE);
                yield new StepReply.Succeeded(invocationId, resultType == null || record.value() == null ? null
                        : types.decode(resultType, record.value()));
            }
            case FAILED -> new StepReply.Failed(invocationId,
                    record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException("a reply's outcome is '" + outcome + "'");
        };
    }

    static String required(Headers headers, String name) {
        String value = optional(headers, name);
        if (value == null) {
            throw new IllegalArgumentException("the record has no " + name + " header");
        }
        return value;
    }

    static String optional(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
