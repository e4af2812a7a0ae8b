package dev.ordo.kafka.saga;

import dev.ordo.core.store.TransientFailures;
import dev.ordo.core.trace.TraceSpan;
import dev.ordo.core.trace.Tracing;
import dev.ordo.saga.StepReply;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saga side's reader of replies: a member of a consumer group on the saga's reply topic ({@code read_committed},
 * offsets committed by hand) that turns each record into a {@link StepReply} and hands it to the engine, normally
 * {@code engine::reply}. A record's offset is committed only after that returned, so a reply is never lost to a crash
 * of this process; it may be delivered again, and the engine ignores a reply for a step that no longer waits.
 *
 * <p>Recording a reply that fails for a transient reason (see {@link TransientFailures}: the saga's store away) is
 * tried again with growing pauses, never dropped. A record that is not a reply of registered types, or a reply the
 * engine refuses for good (a result of the wrong type), is logged and skipped: its step's deadline decides. Run one
 * listener per reply topic and group in each process of the saga; the group spreads the partitions among them. With
 * tracing, each reply is recorded in a span {@code reply <invocation's step>} continuing the reply's
 * {@code traceparent} header, so what the engine writes for it continues the participant's trace.
 */
public final class KafkaReplyListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaReplyListener.class);

    /** How many sagas' replies are recorded at once; one saga's replies are recorded in the order they came. */
    static final int CONCURRENCY = 16;

    private final StepMessageTypes types;
    private final Consumer<StepReply> replies;
    private final Tracing tracing;
    private final RecordLoop loop;

    private KafkaReplyListener(Properties clientProperties, String groupId, String replyTopic, StepMessageTypes types,
                               Consumer<StepReply> replies, Duration maxBackoff, Tracing tracing) {
        this.types = Objects.requireNonNull(types, "types");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.tracing = Objects.requireNonNull(tracing, "tracing");
        this.loop = new RecordLoop("ordo-replies-" + replyTopic, clientProperties, groupId, List.of(replyTopic),
                this::record, maxBackoff, CONCURRENCY);
    }

    /**
     * Joins {@code groupId} on {@code replyTopic} and starts handing its replies over; pauses after transient failures
     * grow to 5 s.
     */
    public static KafkaReplyListener start(Properties clientProperties, String groupId, String replyTopic,
                                           StepMessageTypes types, Consumer<StepReply> replies) {
        return start(clientProperties, groupId, replyTopic, types, replies, Duration.ofSeconds(5));
    }

    /** {@link #start(Properties, String, String, StepMessageTypes, Consumer)} with its own longest pause. */
    public static KafkaReplyListener start(Properties clientProperties, String groupId, String replyTopic,
                                           StepMessageTypes types, Consumer<StepReply> replies, Duration maxBackoff) {
        return start(clientProperties, groupId, replyTopic, types, replies, maxBackoff, Tracing.none());
    }

    /** {@link #start(Properties, String, String, StepMessageTypes, Consumer, Duration)} with spans. */
    public static KafkaReplyListener start(Properties clientProperties, String groupId, String replyTopic,
                                           StepMessageTypes types, Consumer<StepReply> replies, Duration maxBackoff,
                                           Tracing tracing) {
        KafkaReplyListener listener = new KafkaReplyListener(clientProperties, groupId, replyTopic, types, replies,
                maxBackoff, tracing);
        listener.loop.start();
        return listener;
    }

    private void record(ConsumerRecord<byte[], byte[]> record) {
        StepReply reply;
        try {
            reply = StepRecords.reply(record, types);
        } catch (IllegalArgumentException e) {
            log.warn("skipping record {}-{}@{}: not a step reply ({})", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        try (TraceSpan span = tracing.start("reply " + stepOf(reply.invocationId()),
                StepRecords.optional(record.headers(), StepRecords.TRACEPARENT))) {
            span.tag("ordo.saga.invocation", reply.invocationId());
            try {
                replies.accept(reply);
            } catch (RuntimeException e) {
                span.error(e);
                if (TransientFailures.isTransient(e)) {
                    throw e;
                }
                log.warn("the reply to {} was refused; its step's deadline decides", reply.invocationId(), e);
            }
        }
    }

    /** The step an invocation id names ({@code <saga id>:<step>[:compensate]}), the id itself if it names none. */
    private static String stepOf(String invocationId) {
        int colon = invocationId.indexOf(':');
        return colon < 0 ? invocationId : invocationId.substring(colon + 1);
    }

    /** Stops reading; replies not yet recorded are read again by the group's next member. */
    @Override
    public void close() {
        loop.close();
    }
}
