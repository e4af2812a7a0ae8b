package dev.ordo.kafka.saga;

import dev.ordo.core.store.TransientFailures;
import dev.ordo.core.trace.TraceSpan;
import dev.ordo.core.trace.Tracing;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.jdbc.OrdoDatabase.Writes;
import dev.ordo.saga.StepReply;
import dev.ordo.saga.StepRequest;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A saga participant behind Kafka: a member of a consumer group on its command topics ({@code read_committed}, offsets
 * committed by hand) that runs the handler registered for each request's payload type, once per invocation id, and
 * publishes the reply to the topic the request names. Requests are deduplicated through an inbox in the participant's
 * own database ({@code ordo_step_inbox}): per participant and invocation id, the reply it produced. A request whose
 * invocation id has a stored reply gets that reply again, and its handler does not run.
 *
 * <p>Two handler shapes, which differ in what "once" means:
 * <ul>
 *   <li>{@link TransactionalHandler} ({@link Builder#handle}): writes its effects through the JDBC connection of the
 *       inbox's transaction, so the effect and the stored reply commit together or not at all. The effect happens
 *       exactly once per invocation id, whatever crashes or redeliveries occur.</li>
 *   <li>{@link IdempotentHandler} ({@link Builder#handleIdempotent}): its effects go elsewhere (a command on an event
 *       stream through a command bus, another service). It runs before the inbox's transaction, so a crash between
 *       its effect and that commit runs it again for the same invocation id: <b>it must itself do its work once per
 *       invocation id</b> (an idempotency key, or a decider that answers a repeated command with the same outcome).
 *       The inbox then spares it every later delivery.</li>
 * </ul>
 * A handler's result becomes a {@link StepReply.Succeeded}; an exception that is not transient (see
 * {@link TransientFailures}) refuses the request, a stored {@link StepReply.Failed}. A transient failure (the database
 * away), a failure to publish the reply, or anything else that leaves the record unfinished makes the member read the
 * record again after a growing pause, so nothing is dropped; meanwhile that saga's later requests wait behind it.
 * Requests are handled per key (the saga id the step channel keys them by): one saga's in the order they were sent,
 * different sagas' side by side ({@link Builder#concurrency}, 16 at once by default), so a handler waiting on a
 * remote service holds back only its own saga (a poll's batch must still finish within
 * {@code max.poll.interval.ms}). Replies are published with an idempotent producer,
 * keyed by the saga id; offsets are committed after the reply is acknowledged. A request that cannot be read (an
 * unregistered payload type) is refused with a {@link StepReply.Failed} that is not stored; so is the refusal of a
 * compensation ({@link StepRequest#isCompensation()}), which the saga tries again with the same invocation id.
 *
 * <p>With tracing ({@link Builder#tracing}), each request is handled in a span {@code participant <saga type>/<step>}
 * that continues the request's {@code traceparent} header; the handler gets the request with that span's trace
 * context, and the reply carries it.
 */
public final class StepParticipantEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StepParticipantEndpoint.class);

    /** Does a request's work through the inbox transaction's connection and returns what the reply carries. */
    @FunctionalInterface
    public interface TransactionalHandler<P> {
        Object handle(P payload, StepRequest request, Connection connection) throws Exception;
    }

    /** Does a request's work elsewhere, once per invocation id by its own means, and returns what the reply carries. */
    @FunctionalInterface
    public interface IdempotentHandler<P> {
        Object handle(P payload, StepRequest request) throws Exception;
    }

    private final OrdoDatabase database;
    private final StepMessageTypes types;
    private final StepInbox inbox;
    private final Map<Class<?>, Object> handlers;
    private final Consumer<StepRequest> beforeReplyPublished;
    private final Consumer<StepRequest> afterReplyPublished;
    private final Duration sendTimeout;
    private final Tracing tracing;
    private final Producer<byte[], byte[]> producer;
    private final RecordLoop loop;

    private StepParticipantEndpoint(Builder builder) {
        this.database = builder.database;
        this.types = builder.types;
        this.handlers = Map.copyOf(builder.handlers);
        this.beforeReplyPublished = builder.beforeReplyPublished;
        this.afterReplyPublished = builder.afterReplyPublished;
        this.sendTimeout = builder.sendTimeout;
        this.tracing = builder.tracing;
        this.inbox = StepInbox.of(database, builder.participant, builder.clock);
        Properties properties = new Properties();
        properties.putAll(builder.clientProperties);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeout.toMillis());
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
        this.loop = new RecordLoop("ordo-participant-" + builder.participant, builder.clientProperties,
                builder.groupId, builder.commandTopics, this::request, builder.maxBackoff, builder.concurrency);
    }

    /**
     * An endpoint for {@code participant} (its name in the inbox, and by default its consumer group
     * {@code ordo-participant-<participant>}) keeping its inbox in {@code database}, which is migrated on build.
     */
    public static Builder builder(Properties clientProperties, String participant, OrdoDatabase database,
                                  StepMessageTypes types) {
        return new Builder(clientProperties, participant, database, types);
    }

    private void request(ConsumerRecord<byte[], byte[]> record) throws Exception {
        String replyTopic = StepRecords.optional(record.headers(), StepRecords.REPLY_TOPIC);
        String invocationId = StepRecords.optional(record.headers(), StepRecords.INVOCATION_ID);
        StepRequest request;
        Object handler;
        try {
            request = StepRecords.request(record, types);
            handler = handlerOf(request.payload());
        } catch (IllegalArgumentException e) {
            if (replyTopic == null || invocationId == null) {
                log.warn("skipping record {}-{}@{}: not a step request ({})", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                return;
            }
            log.warn("refusing request {}: {}", invocationId, e.getMessage());
            publish(replyTopic, new StoredReply(invocationId, false, null, "unreadable request: " + e.getMessage()),
                    StepRecords.optional(record.headers(), StepRecords.TRACEPARENT));
            return;
        }
        try (TraceSpan span = tracing.start("participant " + request.sagaType() + "/" + request.step(),
                request.traceParent())) {
            span.tag("ordo.saga.invocation", request.invocationId());
            try {
                answer(request.withTraceParent(span.traceParent()), handler, replyTopic);
            } catch (Exception | Error e) {
                span.error(e);
                throw e;
            }
        }
    }

    private void answer(StepRequest request, Object handler, String replyTopic) throws Exception {
        StoredReply reply = stored(request.invocationId()).orElse(null);
        if (reply == null) {
            reply = switch (handler) {
                case TransactionalHandler<?> transactional -> inTransaction(request, transactional);
                case IdempotentHandler<?> idempotent -> beforeTransaction(request, idempotent);
                default -> throw new IllegalStateException("not a handler: " + handler);
            };
        } else {
            log.debug("request {} was handled already; sending its reply again", request.invocationId());
        }
        beforeReplyPublished.accept(request);
        publish(replyTopic, reply, request.traceParent());
        afterReplyPublished.accept(request);
    }

    private Optional<StoredReply> stored(String invocationId) throws Exception {
        try (Connection connection = database.readDataSource().getConnection()) {
            return inbox.find(connection, invocationId);
        }
    }

    @SuppressWarnings("unchecked") // registered under the payload's own type (or a supertype) by the builder
    private StoredReply inTransaction(StepRequest request, TransactionalHandler<?> handler) {
        TransactionalHandler<Object> typed = (TransactionalHandler<Object>) handler;
        try {
            return database.inTransaction(Writes.DURABLE, connection -> {
                Optional<StoredReply> stored = inbox.find(connection, request.invocationId());
                if (stored.isPresent()) {
                    return stored.get();
                }
                inbox.claim(connection, request.invocationId());
                StoredReply reply = StoredReply.of(new StepReply.Succeeded(request.invocationId(),
                        run(() -> typed.handle(request.payload(), request, connection))), types);
                inbox.complete(connection, reply);
                return reply;
            });
        } catch (HandlerFailed e) {
            return refused(request, e.getCause());
        }
    }

    @SuppressWarnings("unchecked") // registered under the payload's own type (or a supertype) by the builder
    private StoredReply beforeTransaction(StepRequest request, IdempotentHandler<?> handler) {
        IdempotentHandler<Object> typed = (IdempotentHandler<Object>) handler;
        StepReply reply;
        try {
            reply = new StepReply.Succeeded(request.invocationId(), run(() -> typed.handle(request.payload(), request)));
        } catch (HandlerFailed e) {
            return refused(request, e.getCause());
        }
        StoredReply produced = StoredReply.of(reply, types);
        return database.inTransaction(Writes.DURABLE, connection -> inbox.recordIfAbsent(connection, produced));
    }

    /**
     * Stores a refusal; a transient failure is thrown instead, and the request is read again. The refusal of a
     * compensation is not stored: the saga tries a failed compensation again with the same invocation id, and that
     * attempt must run the handler again rather than get the old refusal (the refused attempt's writes were rolled
     * back, or were the idempotent handler's own).
     */
    private StoredReply refused(StepRequest request, Throwable failure) {
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof InterruptedException || TransientFailures.isTransient(failure)) {
            throw new IllegalStateException("request " + request.invocationId() + " failed for a passing reason",
                    failure);
        }
        StoredReply reply = new StoredReply(request.invocationId(), false, null,
                failure.getClass().getSimpleName() + ": " + failure.getMessage());
        if (request.isCompensation()) {
            return reply;
        }
        return database.inTransaction(Writes.DURABLE, connection -> inbox.recordIfAbsent(connection, reply));
    }

    private void publish(String replyTopic, StoredReply reply, String traceParent) throws Exception {
        producer.send(StepRecords.reply(replyTopic, reply, traceParent))
                .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Object handlerOf(Object payload) {
        Object exact = handlers.get(payload.getClass());
        if (exact != null) {
            return exact;
        }
        return handlers.entrySet().stream().filter(e -> e.getKey().isInstance(payload)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no handler takes requests of type "
                        + payload.getClass().getName()));
    }

    /** Runs a handler, carrying any exception it throws (not an {@link Error}) out of the transaction untouched. */
    private static Object run(HandlerCall call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new HandlerFailed(e);
        }
    }

    @FunctionalInterface
    private interface HandlerCall {
        Object call() throws Exception;
    }

    /** A handler's own exception, kept apart from the inbox's database failures. */
    private static final class HandlerFailed extends RuntimeException {
        HandlerFailed(Exception cause) {
            super(cause);
        }
    }

    /**
     * How many partitions of its command topics the consumer group gives this member, as of its latest poll: with
     * several instances of a participant, each reads the requests of its partitions only.
     */
    public int partitions() {
        return loop.partitions();
    }

    /** True while the endpoint's consumer runs (false once closed, or ended by an {@link Error}). */
    boolean isRunning() {
        return loop.isRunning();
    }

    /** Stops reading and closes the producer; a request under way is read again by the group's next member. */
    @Override
    public void close() {
        loop.close();
        producer.close(sendTimeout);
    }

    /** Collects the handlers and topics; not thread-safe. */
    public static final class Builder {
        private final Properties clientProperties = new Properties();
        private final String participant;
        private final OrdoDatabase database;
        private final StepMessageTypes types;
        private final Map<Class<?>, Object> handlers = new LinkedHashMap<>();
        private final Set<String> commandTopics = new LinkedHashSet<>();
        private String groupId;
        private Duration sendTimeout = Duration.ofSeconds(10);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private int concurrency = 16;
        private Clock clock = Clock.systemUTC();
        private Consumer<StepRequest> beforeReplyPublished = request -> { };
        private Consumer<StepRequest> afterReplyPublished = request -> { };
        private Tracing tracing = Tracing.none();

        private Builder(Properties clientProperties, String participant, OrdoDatabase database,
                        StepMessageTypes types) {
            this.clientProperties.putAll(Objects.requireNonNull(clientProperties, "clientProperties"));
            this.participant = Objects.requireNonNull(participant, "participant");
            this.database = Objects.requireNonNull(database, "database");
            this.types = Objects.requireNonNull(types, "types");
            this.groupId = "ordo-participant-" + participant;
        }

        /** Topics to read requests from; at least one. */
        public Builder commandTopics(String... topics) {
            commandTopics.addAll(List.of(topics));
            return this;
        }

        /** The handler of requests whose payload is a {@code type}, writing its effects in the inbox's transaction. */
        public <P> Builder handle(Class<P> type, TransactionalHandler<? super P> handler) {
            return register(type, handler);
        }

        /** The handler of requests whose payload is a {@code type}, idempotent per invocation id by its own means. */
        public <P> Builder handleIdempotent(Class<P> type, IdempotentHandler<? super P> handler) {
            return register(type, handler);
        }

        private Builder register(Class<?> type, Object handler) {
            if (handlers.putIfAbsent(Objects.requireNonNull(type, "type"), Objects.requireNonNull(handler, "handler"))
                    != null) {
                throw new IllegalArgumentException("requests of type " + type.getName() + " have a handler already");
            }
            return this;
        }

        /** The consumer group; {@code ordo-participant-<participant>} by default. */
        public Builder groupId(String value) {
            this.groupId = Objects.requireNonNull(value, "groupId");
            return this;
        }

        /** How long publishing a reply waits for the broker's acknowledgement; 10 s by default. */
        public Builder sendTimeout(Duration value) {
            this.sendTimeout = Objects.requireNonNull(value, "sendTimeout");
            return this;
        }

        /** The longest pause before a request that failed for a passing reason is tried again; 5 s by default. */
        public Builder maxBackoff(Duration value) {
            this.maxBackoff = Objects.requireNonNull(value, "maxBackoff");
            return this;
        }

        /**
         * How many sagas' requests are handled at once (16 by default): the requests of one saga (one key) are always
         * handled one after the other, in the order they were sent; 1 handles a poll's requests strictly in order.
         */
        public Builder concurrency(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, was " + value);
            }
            this.concurrency = value;
            return this;
        }

        /** The clock of the inbox's timestamps. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Where the spans of the requests' handling go; none by default. */
        public Builder tracing(Tracing value) {
            this.tracing = Objects.requireNonNull(value, "tracing");
            return this;
        }

        /** Test seam: runs after the request's reply was stored (or found) and before it is published. */
        Builder beforeReplyPublished(Consumer<StepRequest> value) {
            this.beforeReplyPublished = Objects.requireNonNull(value, "beforeReplyPublished");
            return this;
        }

        /** Test seam: runs after a reply was acknowledged and before the request's offset is committed. */
        Builder afterReplyPublished(Consumer<StepRequest> value) {
            this.afterReplyPublished = Objects.requireNonNull(value, "afterReplyPublished");
            return this;
        }

        /**
         * Migrates the inbox and starts reading.
         *
         * @throws IllegalStateException when no command topic or no handler was given
         */
        public StepParticipantEndpoint start() {
            if (commandTopics.isEmpty() || handlers.isEmpty()) {
                throw new IllegalStateException("a participant endpoint needs a command topic and a handler");
            }
            StepParticipantEndpoint endpoint = new StepParticipantEndpoint(this);
            endpoint.loop.start();
            return endpoint;
        }
    }
}
