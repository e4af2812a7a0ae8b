package dev.ordo.marketplace.services;

import dev.ordo.core.trace.Tracing;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.marketplace.platform.wiring.ContextParticipant;
import dev.ordo.marketplace.platform.wiring.EventMapper;
import dev.ordo.spring.kafka.OrdoKafkaClients;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the service's contexts answer sagas over Kafka: its {@link ParticipantEndpoint}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceTopics.class)
public class Participants {

    @Bean
    ParticipantEndpoint participantEndpoint(OrdoKafkaClients clients, OrdoDatabase database,
                                            List<ContextParticipant> participants, EventMapper mapper,
                                            ServiceTopics topics, Tracing tracing) {
        return new ParticipantEndpoint(clients, database, participants, mapper, topics, tracing);
    }
}
