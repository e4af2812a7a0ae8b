package dev.ordo.marketplace.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marketplace.rate-limit.*}: each client (a token's subject, else the remote address) may send {@code capacity}
 * requests at once, and gets them back evenly over {@code period}.
 *
 * @param enabled  on by default in the embedded app; the services leave it to the gateway
 * @param capacity requests a client may send in a burst
 * @param period   how long an empty bucket takes to fill again
 * @param clients  how many clients' buckets are kept (the least recently seen are forgotten)
 */
@ConfigurationProperties("marketplace.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("600") long capacity,
                                  @DefaultValue("1m") Duration period, @DefaultValue("100000") int clients) {

    public RateLimitProperties {
        if (capacity < 1 || period.isNegative() || period.isZero() || clients < 1) {
            throw new IllegalArgumentException("marketplace.rate-limit needs a capacity of at least 1, a positive "
                    + "period and at least one client; got " + capacity + " per " + period + ", " + clients);
        }
    }
}
