package dev.ordo.kafka;

import dev.ordo.test.faults.SimulatedCrash;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.metrics.KafkaMetric;

/**
 * A real producer that a {@link CrashPlan} stops at its chosen point. Once the plan is spent in
 * {@link CrashPlan.Kind#DEATH} mode, every call throws {@link SimulatedCrash} and {@link #close()} does nothing: the real
 * producer is abandoned as a killed process leaves it, its transaction open, until the plan's owner closes it.
 */
final class CrashingProducer implements Producer<String, byte[]> {

    private final Producer<String, byte[]> delegate;
    private final CrashPlan plan;

    CrashingProducer(Producer<String, byte[]> delegate, CrashPlan plan) {
        this.delegate = delegate;
        this.plan = plan;
        plan.created(delegate);
    }

    @Override
    public void initTransactions() {
        plan.checkAlive();
        delegate.initTransactions();
    }

    @Override
    public void beginTransaction() {
        plan.checkAlive();
        delegate.beginTransaction();
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        return send(record, null);
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
        plan.beforeSend();
        return delegate.send(record, callback);
    }

    @Override
    public void commitTransaction() {
        plan.beforeCommit();
        delegate.commitTransaction();
        plan.afterCommit();
    }

    @Override
    public void abortTransaction() {
        plan.checkAlive();
        delegate.abortTransaction();
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
                                         ConsumerGroupMetadata groupMetadata) {
        plan.checkAlive();
        delegate.sendOffsetsToTransaction(offsets, groupMetadata);
    }

    @Override
    public void flush() {
        plan.checkAlive();
        delegate.flush();
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        plan.checkAlive();
        return delegate.partitionsFor(topic);
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return delegate.metrics();
    }

    @Override
    public Uuid clientInstanceId(Duration timeout) {
        return delegate.clientInstanceId(timeout);
    }

    @Override
    public void registerMetricForSubscription(KafkaMetric metric) {
        delegate.registerMetricForSubscription(metric);
    }

    @Override
    public void unregisterMetricFromSubscription(KafkaMetric metric) {
        delegate.unregisterMetricFromSubscription(metric);
    }

    @Override
    public void close() {
        close(Duration.ofMillis(Long.MAX_VALUE));
    }

    @Override
    public void close(Duration timeout) {
        if (!plan.isDead()) {
            delegate.close(timeout);
        }
    }
}
