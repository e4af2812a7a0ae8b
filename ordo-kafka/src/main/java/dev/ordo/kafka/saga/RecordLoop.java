package dev.ordo.kafka.saga;

import dev.ordo.core.subscription.Backoff;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
 * One consumer-group member on its own thread: polls ({@code read_committed}, no automatic commits), hands the
 * records to the work and commits a batch's offsets once the work returned for them. The records of one key in one
 * partition (a lane: for a saga's messages, one saga) are handed over one after the other in offset order; different
 * lanes run side by side on virtual threads, at most {@code concurrency} at once, so a slow record (a participant
 * waiting on a remote provider) holds back only its own key. When the work throws, its lane stops there, and once the
 * batch's other lanes ended the member commits each partition up to its first unfinished record, goes back to it, and
 * tries again after a growing pause: a record is never skipped because the work failed, so work that must drop a
 * record does so itself. Records of other lanes after it that were done are remembered and not handed over again
 * while the member keeps the partition. An {@link Error} ends the thread without committing (a process death, for the
 * tests) and closes the consumer. Offsets are committed after the effect: the work sees a record again after a crash
 * or a rebalance, and must be idempotent.
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
    private final int concurrency;
    private final Semaphore lanes;
    private final ExecutorService executor;
    /** Per partition, offsets done after an unfinished record (not committed yet), so they are not handed over again. */
    private final Map<TopicPartition, Set<Long>> doneAhead = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile int partitions;

    RecordLoop(String name, Properties clientProperties, String groupId, Collection<String> topics, Work work,
               Duration maxBackoff, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.name = name;
        this.concurrency = concurrency;
        this.lanes = new Semaphore(concurrency);
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-lane-", 0).factory());
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
        try (consumer; executor) {
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

    /** Processes a batch lane by lane; true when all of it was done and committed. */
    private boolean processed(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        Map<TopicPartition, Long> unfinished = new ConcurrentHashMap<>();
        AtomicReference<Error> death = new AtomicReference<>();
        List<Future<?>> running = new ArrayList<>();
        for (List<ConsumerRecord<byte[], byte[]>> lane : lanes(records)) {
            lanes.acquire();
            try {
                running.add(executor.submit(() -> {
                    try {
                        runLane(lane, unfinished, death);
                    } finally {
                        lanes.release();
                    }
                }));
            } catch (RuntimeException e) {
                lanes.release();
                throw e;
            }
        }
        for (Future<?> lane : running) {
            try {
                lane.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    death.compareAndSet(null, error);
                } else {
                    log.warn("a lane of {} ended unexpectedly; the batch comes again", name, e.getCause());
                    records.partitions().forEach(p -> unfinished.put(p, records.records(p).getFirst().offset()));
                }
            }
        }
        if (death.get() != null) {
            throw death.get();
        }
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            Long firstUnfinished = unfinished.get(partition);
            long next = firstUnfinished != null ? firstUnfinished : records.records(partition).getLast().offset() + 1;
            commits.put(partition, new OffsetAndMetadata(next));
            if (firstUnfinished != null) {
                consumer.seek(partition, firstUnfinished);
            }
        }
        if (unfinished.isEmpty()) {
            commit(commits);
            forgetDoneBelow(commits);
            return true;
        }
        try {
            commit(commits);
            forgetDoneBelow(commits);
        } catch (RuntimeException commitFailed) {
            log.debug("{} could not commit the records done before the failure; they come again", name,
                    commitFailed);
        }
        pause();
        return false;
    }

    /** Runs a lane's records in order until one fails; records an {@link Error} and stops. */
    private void runLane(List<ConsumerRecord<byte[], byte[]>> lane, Map<TopicPartition, Long> unfinished,
                         AtomicReference<Error> death) {
        for (ConsumerRecord<byte[], byte[]> record : lane) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            Set<Long> done = doneAhead.computeIfAbsent(partition, p -> ConcurrentHashMap.newKeySet());
            if (done.contains(record.offset())) {
                continue;
            }
            try {
                work.process(record);
                done.add(record.offset());
            } catch (Error e) {
                death.compareAndSet(null, e);
                return;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.warn("{} failed on {}-{}@{}; trying it again", name, record.topic(), record.partition(),
                        record.offset(), e);
                unfinished.merge(partition, record.offset(), Math::min);
                return;
            }
        }
    }

    /**
     * The batch's records in lanes: one per partition and key (records without a key form one lane per partition),
     * each in offset order; with a concurrency of one, a single lane in the batch's order.
     */
    private List<List<ConsumerRecord<byte[], byte[]>>> lanes(ConsumerRecords<byte[], byte[]> records) {
        if (concurrency == 1) {
            List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
            records.forEach(all::add);
            return List.of(all);
        }
        Map<Lane, List<ConsumerRecord<byte[], byte[]>>> lanes = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            lanes.computeIfAbsent(new Lane(record.topic(), record.partition(),
                    record.key() == null ? null : ByteBuffer.wrap(record.key())), k -> new ArrayList<>()).add(record);
        }
        return List.copyOf(lanes.values());
    }

    private record Lane(String topic, int partition, ByteBuffer key) {
    }

    /** Forgets the offsets remembered as done below what is now committed. */
    private void forgetDoneBelow(Map<TopicPartition, OffsetAndMetadata> committed) {
        committed.forEach((partition, offset) -> {
            Set<Long> done = doneAhead.get(partition);
            if (done != null) {
                done.removeIf(o -> o < offset.offset());
            }
        });
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
