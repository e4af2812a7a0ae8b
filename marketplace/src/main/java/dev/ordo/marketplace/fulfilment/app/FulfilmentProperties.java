package dev.ordo.marketplace.fulfilment.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marketplace.fulfilment.*}.
 *
 * @param enabled       whether placed orders are fulfilled automatically (and unfinished sagas resumed on start); with
 *                      {@code false} orders are taken through their lifecycle by hand
 * @param stepTimeout   the longest one attempt of a step may take
 * @param shutdownGrace how long running steps may finish on shutdown before they are interrupted; an interrupted
 *                      step records nothing and is resumed as the same attempt, with the same invocation id, after
 *                      the next start
 */
@ConfigurationProperties("marketplace.fulfilment")
public record FulfilmentProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration stepTimeout,
                                   @DefaultValue("5s") Duration shutdownGrace) {
}
