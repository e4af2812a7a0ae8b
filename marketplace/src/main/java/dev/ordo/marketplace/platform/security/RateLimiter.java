package dev.ordo.marketplace.platform.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Token buckets per client (Bucket4j), kept for the most recently seen {@code clients} clients. Counts refusals in
 * {@code marketplace.rate.limited} (tag {@code by}: {@code subject} or {@code address}).
 */
public final class RateLimiter {

    private final RateLimitProperties limits;
    private final Map<String, Bucket> buckets;
    private final Counter bySubject;
    private final Counter byAddress;

    public RateLimiter(RateLimitProperties limits, MeterRegistry registry) {
        this.limits = limits;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > limits.clients();
            }
        };
        this.bySubject = refusals(registry, "subject");
        this.byAddress = refusals(registry, "address");
    }

    /**
     * Takes one request from the client's bucket.
     *
     * @param client  the token's subject, or {@code null} for a request without one
     * @param address the remote address
     * @return empty when the request may go on; otherwise how long the client should wait
     */
    public Optional<Duration> take(String client, String address) {
        boolean authenticated = client != null;
        ConsumptionProbe probe = bucket(authenticated ? "sub:" + client : "ip:" + address)
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        (authenticated ? bySubject : byAddress).increment();
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket bucket(String key) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(key, any -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(limits.capacity())
                            .refillGreedy(limits.capacity(), limits.period()).build())
                    .build());
        }
    }

    private static Counter refusals(MeterRegistry registry, String by) {
        return Counter.builder("marketplace.rate.limited").description("Requests refused by the rate limit")
                .tag("by", by).register(registry);
    }
}
