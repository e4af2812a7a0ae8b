package dev.ordo.marketplace.services;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services' saga messages travel: each participant reads its requests from {@code <prefix><participant>
 * .requests}; the replies go to the topic the sending saga's requests name ({@code ordo.kafka.sagas.reply-topic}).
 *
 * @param topicPrefix what every step topic's name starts with, {@code marketplace.} unless set
 */
@ConfigurationProperties("marketplace.services")
public record ServiceTopics(@DefaultValue("marketplace.") String topicPrefix) {

    /** The topic a participant's requests go to. */
    public String requests(String participant) {
        return topicPrefix + participant + ".requests";
    }
}
