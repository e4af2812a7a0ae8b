package dev.ordo.marketplace.platform.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marketplace.live.*}: the live feeds' limits per connection.
 *
 * @param buffer    how many messages may wait to be written to one connection; a connection whose buffer is full is
 *                  closed (its client reconnects with {@code Last-Event-ID} and catches up from the store). It absorbs
 *                  bursts too: the feed hands over what was committed since its last read at once, so keep it well
 *                  above the number of events a connection may see in a second
 * @param heartbeat how long a connection may stay silent before a {@code : keep-alive} comment is written, so that a
 *                  dead connection is noticed (a write to it fails) and proxies keep a live one open
 */
@ConfigurationProperties("marketplace.live")
public record LiveProperties(@DefaultValue("1000") int buffer, @DefaultValue("15s") Duration heartbeat) {

    public LiveProperties {
        if (buffer < 1 || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("marketplace.live needs a buffer of at least 1 message and a positive "
                    + "heartbeat; got " + buffer + " and " + heartbeat);
        }
    }
}
