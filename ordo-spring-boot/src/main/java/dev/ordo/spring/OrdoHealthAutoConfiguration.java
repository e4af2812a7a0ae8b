package dev.ordo.spring;

import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.subscription.Subscriptions;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.OrdoDatabase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Adds the {@code ordo} health indicator when Spring Boot's health support is present, with the limits of
 * {@code ordo.health.*}.
 */
@AutoConfiguration(after = OrdoAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
public class OrdoHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "ordoHealthIndicator")
    OrdoHealthIndicator ordoHealthIndicator(JdbcEventStore store, OrdoDatabase database, Subscriptions subscriptions,
                                            DeadLetterStore deadLetters, OrdoProperties properties) {
        return new OrdoHealthIndicator(database.dialectName(), store::headPosition, subscriptions::statuses,
                deadLetters, properties.health());
    }
}
