package dev.ordo.spring.kafka;

import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.JdbcSagaIndex;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.kafka.saga.KafkaStepChannel;
import dev.ordo.kafka.saga.StepMessageTypes;
import dev.ordo.kafka.saga.StepParticipantEndpoint;
import dev.ordo.saga.RemoteCall;
import dev.ordo.saga.SagaDefinition;
import dev.ordo.saga.SagaEngine;
import dev.ordo.saga.SagaStep;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A saga of one remote step, as an application declares it: the step channel and the participant built from
 * {@link OrdoKafkaClients}, the engine and the message types as beans; the reply listener is Ordo's.
 */
@Configuration(proxyBeanMethods = false)
public class SagaOverKafkaConfig {

    static final String COMMANDS = "boot-greetings";
    static final String REPLIES = "boot-greeting-replies";

    /** The saga's data: whom to greet, and the answer. */
    public record Greeting(String name, String answer) {
    }

    /** The step's request. */
    public record Greet(String name) {
    }

    /** The participant's reply. */
    public record Greeted(String text) {
    }

    @Bean
    StepMessageTypes stepMessageTypes() {
        return StepMessageTypes.builder().register("greet.v1", Greet.class).register("greeted.v1", Greeted.class)
                .build();
    }

    @Bean(destroyMethod = "close")
    KafkaStepChannel stepChannel(OrdoKafkaClients kafka, StepMessageTypes types) {
        return KafkaStepChannel.builder(kafka.properties(), types, REPLIES).commandTopic(Greet.class, COMMANDS).build();
    }

    @Bean
    SagaDefinition<Greeting> greetingSaga(KafkaStepChannel channel) {
        return SagaDefinition.builder("greeting", JacksonStateCodec.of(Greeting.class, 1))
                .step(SagaStep.<Greeting>named("greet")
                        .call(new RemoteCall<>(channel, context -> new Greet(context.data().name()), Greeted.class,
                                (data, greeted) -> new Greeting(data.name(), greeted.text()), Duration.ofSeconds(30)))
                        .build())
                .build();
    }

    @Bean(destroyMethod = "close")
    SagaEngine sagaEngine(JdbcEventStore store, OrdoDatabase database, SagaDefinition<Greeting> saga) {
        return SagaEngine.builder(store, JdbcSagaIndex.create(database)).register(saga).build();
    }

    @Bean(destroyMethod = "close")
    StepParticipantEndpoint greeter(OrdoKafkaClients kafka, OrdoDatabase database, StepMessageTypes types) {
        return StepParticipantEndpoint.builder(kafka.properties(), "greeter", database, types).commandTopics(COMMANDS)
                .handle(Greet.class, (greet, request, connection) -> new Greeted("hello, " + greet.name()))
                .start();
    }
}
