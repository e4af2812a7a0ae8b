/**
 * Saga steps over Kafka: a {@link dev.ordo.kafka.saga.KafkaStepChannel} publishes a step's request to its
 * participant's command topic, a {@link dev.ordo.kafka.saga.StepParticipantEndpoint} handles it once per invocation id
 * through an inbox in the participant's database and publishes the reply, and a
 * {@link dev.ordo.kafka.saga.KafkaReplyListener} hands the reply to the saga engine.
 */
package dev.ordo.kafka.saga;
