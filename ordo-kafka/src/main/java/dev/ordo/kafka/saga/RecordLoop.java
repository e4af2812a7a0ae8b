package dev.ordo.kafka.saga;

import dev.ordo.core.subscription.Backoff;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer-group member on its own thread: polls ({@code read_committed}, no automatic commits), hands each record
 * to the work in order, and commits a batch's offsets after the work returned for all of them. When the work throws,
 * the offsets of the records done so far are committed, the consumer goes back to the failed record and the rest, and
 * tries again after a growing pause: a record is never skipped because the work failed, so work that must drop a
 * record does so itself. An {@link Error} ends the thread without committing (a process death, for the tests) and
 * closes the consumer. Offsets are committed after the effect: the work sees a record again after a crash or a
 * rebalance, and must be idempotent.
 */
final class RecordLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecordLoop.class);
    private static final Duration POLL = Duration.ofMillis(200);

    /** What is done with each record; throwing makes the loop try the record again. */
    @FunctionalInterface
    interface Work {
        void process(ConsumerRecord<byte[], byte[]> record) throws Exception;
    }

    private final String name;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Collection<String> topics;
    private final Work work;
    private final Backoff backoff;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile int partitions;

    RecordLoop(String name, Properties clientProperties, String groupId, Collection<String> topics, Work work,
               Duration maxBackoff) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.work = work;
        this.backoff = new Backoff(maxBackoff);
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = Thread.ofPlatform().name(name).unstarted(this::run);
        thread.setUncaughtExceptionHandler((t, e) -> log.error("{} stopped: {}", name, e.toString()));
    }

    void start() {
        thread.start();
    }

    /** How many partitions the group gave this member, as of its latest poll. */
    int partitions() {
        return partitions;
    }

    /** True while the member's thread runs (false after {@link #close()} or an {@link Error} ended it). */
    boolean isRunning() {
        return thread.isAlive();
    }

    private void run() {
        try (consumer) {
            consumer.subscribe(topics);
            while (running) {
                try {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                    partitions = consumer.assignment().size();
                    if (!records.isEmpty() && processed(records)) {
                        backoff.reset();
                    }
                } catch (WakeupException e) {
                    if (running) {
                        log.debug("{} woken up while running", name);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    log.warn("{} failed to poll or commit; trying again", name, e);
                    pause();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Processes a batch; true when all of it was done and committed. */
    private boolean processed(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                work.process(record);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                log.warn("{} failed on {}-{}@{}; trying it again", name, record.topic(), record.partition(),
                        record.offset(), e);
                // back to the first unfinished record of each partition before anything else can fail
                for (TopicPartition partition : records.partitions()) {
                    OffsetAndMetadata next = done.get(partition);
                    consumer.seek(partition, next != null ? next.offset()
                            : records.records(partition).getFirst().offset());
                }
                try {
                    commit(done);
                } catch (RuntimeException commitFailed) {
                    log.debug("{} could not commit the records done before the failure; they come again", name,
                            commitFailed);
                }
                pause();
                return false;
            }
            done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        commit(done);
        return true;
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
        }
    }

    private void pause() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(backoff.next().toMillis());
    }

    /** Stops polling, waits for the record at hand, and leaves the group (offsets of unfinished work stay uncommitted). */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
