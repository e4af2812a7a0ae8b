package dev.ordo.marketplace.services;

import dev.ordo.kafka.saga.KafkaStepChannel;
import dev.ordo.kafka.saga.StepMessageTypes;
import dev.ordo.marketplace.fulfilment.app.FulfilmentRequests;
import dev.ordo.marketplace.platform.wiring.EventMapper;
import dev.ordo.marketplace.shared.StepContract;
import dev.ordo.spring.kafka.OrdoKafkaClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fulfilment saga's participants as the services they are (ADR 27): its requests go over Kafka to each
 * participant's request topic ({@link ServiceTopics}), keyed by the saga, and the answers come back on
 * {@code ordo.kafka.sagas.reply-topic}, which Ordo's auto-configuration reads into the saga engine. The fulfilment
 * takes this channel instead of its in-process one ({@code marketplace.fulfilment.participants=remote}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceTopics.class)
public class RemoteParticipants {

    /** The requests the fulfilment sends and the answers it reads, by their published names. */
    @Bean
    StepMessageTypes fulfilmentStepMessages(EventMapper mapper) {
        return StepMessages.of(FulfilmentRequests.CONTRACTS, mapper);
    }

    @Bean
    KafkaStepChannel fulfilmentParticipants(OrdoKafkaClients clients, StepMessageTypes types, ServiceTopics topics,
                                            @Value("${ordo.kafka.sagas.reply-topic}") String replyTopic) {
        KafkaStepChannel.Builder channel = KafkaStepChannel.builder(clients.properties(), types, replyTopic);
        for (StepContract<?> contract : FulfilmentRequests.CONTRACTS) {
            channel.commandTopic(contract.type(), topics.requests(contract.participant()));
        }
        return channel.build();
    }
}
