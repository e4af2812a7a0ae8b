package dev.ordo.marketplace.platform.idempotency;

import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.marketplace.platform.MarketplaceSchema;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency-Key support: the process's epoch (instance id from {@code marketplace.instance-id}, by default
 * {@code <host>:<server port>}, which stays the same across restarts of one deployment) and the key store, whose keys
 * are kept for {@code marketplace.idempotency.retention} (24 hours by default) after they last changed.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    @Bean(destroyMethod = "close")
    ProcessEpoch processEpoch(OrdoDatabase database, MarketplaceSchema schema, Clock clock,
                              @Value("${marketplace.instance-id:}") String instanceId,
                              @Value("${server.port:8080}") String port) {
        IdempotencyStore store = new IdempotencyStore(database, clock);
        return new ProcessEpoch(store.client(), clock, instanceId.isBlank() ? host() + ":" + port : instanceId, true);
    }

    @Bean
    Idempotency idempotency(OrdoDatabase database, MarketplaceSchema schema, Clock clock, ProcessEpoch epoch,
                            JsonMapper json, @Value("${marketplace.idempotency.retention:24h}") Duration retention) {
        return new Idempotency(new IdempotencyStore(database, clock), epoch, json, retention);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
