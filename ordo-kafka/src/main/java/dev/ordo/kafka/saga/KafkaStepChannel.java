package dev.ordo.kafka.saga;

import dev.ordo.core.store.TransientFailure;
import dev.ordo.core.store.TransientFailures;
import dev.ordo.saga.StepChannel;
import dev.ordo.saga.StepRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The {@link StepChannel} of a saga whose participants live in other processes: each request is published to the
 * command topic of its payload's type, keyed by the saga id (a saga's requests stay in order on one partition), with
 * the headers of {@link StepRecords} naming the invocation, the payload's registered type and the saga's reply topic,
 * where a {@link KafkaReplyListener} waits for the answer.
 *
 * <p>{@link #send} returns only once the broker acknowledged the record (idempotent producer, {@code acks=all}); when
 * that does not happen within the send timeout it throws a transient {@link StepNotSentException}, and the engine
 * tries the same attempt again until Kafka takes it. A record whose acknowledgement came too late may still be
 * delivered, so a participant can see the request twice: participants deduplicate by invocation id
 * ({@link StepParticipantEndpoint}). Thread-safe.
 */
public final class KafkaStepChannel implements StepChannel, AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final StepMessageTypes types;
    private final Map<Class<?>, String> commandTopics;
    private final String replyTopic;
    private final Duration sendTimeout;

    private KafkaStepChannel(Builder builder) {
        this.types = Objects.requireNonNull(builder.types, "types");
        this.replyTopic = Objects.requireNonNull(builder.replyTopic, "replyTopic");
        this.commandTopics = Map.copyOf(builder.commandTopics);
        this.sendTimeout = builder.sendTimeout;
        Properties properties = new Properties();
        properties.putAll(builder.clientProperties);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeout.toMillis());
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * A channel publishing with the given Kafka client properties ({@code bootstrap.servers} at least; idempotence and
     * {@code acks=all} are always set), encoding payloads with the given types and naming {@code replyTopic} as where
     * the replies go.
     */
    public static Builder builder(Properties clientProperties, StepMessageTypes types, String replyTopic) {
        return new Builder(clientProperties, types, replyTopic);
    }

    /**
     * Publishes the request and waits for the broker's acknowledgement.
     *
     * @throws IllegalArgumentException when no command topic takes the payload's type, or it is not registered
     * @throws StepNotSentException     when the broker did not acknowledge the record within the send timeout (it
     *                                  may still arrive later; transient) or refused it
     */
    @Override
    public void send(StepRequest request) {
        String topic = topicOf(request.payload());
        try {
            producer.send(StepRecords.request(topic, replyTopic, request, types))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepNotSentException(request, topic, e);
        } catch (ExecutionException e) {
            throw notSent(request, topic, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            if (e instanceof IllegalArgumentException refused) {
                throw refused;
            }
            throw notSent(request, topic, e);
        }
    }

    private static StepNotSentException notSent(StepRequest request, String topic, Throwable failure) {
        boolean passing = failure instanceof TimeoutException || failure instanceof RetriableException;
        return new StepNotSentException(request, topic, passing ? asTransient(failure) : failure);
    }

    /** A missing acknowledgement or a retriable Kafka error: the network or the broker failed for a while. */
    private static Throwable asTransient(Throwable failure) {
        return new NotAcknowledgedException(failure);
    }

    /** Kafka did not take the request in time; transient, so the engine tries the same attempt again. */
    private static final class NotAcknowledgedException extends RuntimeException implements TransientFailure {
        NotAcknowledgedException(Throwable cause) {
            super("Kafka did not acknowledge in time: " + cause, cause);
        }
    }

    private String topicOf(Object payload) {
        String exact = commandTopics.get(payload.getClass());
        if (exact != null) {
            return exact;
        }
        return commandTopics.entrySet().stream().filter(e -> e.getKey().isInstance(payload)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no command topic takes requests of type "
                        + payload.getClass().getName()));
    }

    /** Closes the producer, waiting up to the send timeout for records under way. */
    @Override
    public void close() {
        producer.close(sendTimeout);
    }

    /**
     * A request the broker did not take. When it did not answer in time or answered with a retriable error (Kafka away,
     * a leader moving) the exception is transient (see {@link TransientFailures}): the engine tries the same attempt
     * again with growing pauses and does not count it, as for a database that went away, so a Kafka outage delays
     * sagas and fails none. A refusal for good (record too large, not authorized, the channel closed) fails the
     * attempt, which the step's retry policy then decides on.
     */
    public static final class StepNotSentException extends RuntimeException {
        StepNotSentException(StepRequest request, String topic, Throwable cause) {
            super("request " + request.invocationId() + " was not acknowledged by topic " + topic + ": " + cause,
                    cause);
        }
    }

    /** Collects the command topics; not thread-safe. */
    public static final class Builder {
        private final Properties clientProperties = new Properties();
        private final StepMessageTypes types;
        private final String replyTopic;
        private final Map<Class<?>, String> commandTopics = new LinkedHashMap<>();
        private Duration sendTimeout = Duration.ofSeconds(10);

        private Builder(Properties clientProperties, StepMessageTypes types, String replyTopic) {
            this.clientProperties.putAll(Objects.requireNonNull(clientProperties, "clientProperties"));
            this.types = Objects.requireNonNull(types, "types");
            this.replyTopic = Objects.requireNonNull(replyTopic, "replyTopic");
        }

        /** Requests whose payload is a {@code type} (or a subtype) go to {@code topic}. */
        public Builder commandTopic(Class<?> type, String topic) {
            if (commandTopics.putIfAbsent(Objects.requireNonNull(type, "type"), Objects.requireNonNull(topic, "topic"))
                    != null) {
                throw new IllegalArgumentException("requests of type " + type.getName() + " have a topic already");
            }
            return this;
        }

        /** How long a send waits for the broker's acknowledgement; 10 s by default. */
        public Builder sendTimeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("a send timeout must be positive, was " + value);
            }
            this.sendTimeout = value;
            return this;
        }

        public KafkaStepChannel build() {
            return new KafkaStepChannel(this);
        }
    }
}
