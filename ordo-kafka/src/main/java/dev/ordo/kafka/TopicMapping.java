package dev.ordo.kafka;

import dev.ordo.core.event.StreamId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which topic a stream's events go to: the topic named after the stream's category (with an optional prefix),
 * unless the category is mapped to a topic of its own. Every event of a stream goes to the same topic, so a stream's
 * order survives. Immutable and thread-safe.
 */
public final class TopicMapping {

    private final String prefix;
    private final Map<String, String> mapped;

    private TopicMapping(String prefix, Map<String, String> mapped) {
        this.prefix = prefix;
        this.mapped = Map.copyOf(mapped);
    }

    /** Events of {@code order-42} go to the topic {@code order}. */
    public static TopicMapping byCategory() {
        return new TopicMapping("", Map.of());
    }

    /** Events of {@code order-42} go to the topic {@code <prefix>order}, for example {@code shop.order}. */
    public static TopicMapping byCategory(String prefix) {
        return new TopicMapping(Objects.requireNonNull(prefix, "prefix"), Map.of());
    }

    /** A copy in which the events of the category go to the given topic. */
    public TopicMapping map(String category, String topic) {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("the topic of category '" + category + "' must not be blank");
        }
        Map<String, String> copy = new HashMap<>(mapped);
        copy.put(category, topic);
        return new TopicMapping(prefix, copy);
    }

    /** The topic of the stream's events. */
    public String topicFor(StreamId stream) {
        String category = stream.category();
        String topic = mapped.get(category);
        return topic != null ? topic : prefix + category;
    }

    @Override
    public String toString() {
        return "TopicMapping[prefix=" + prefix + ", mapped=" + mapped + "]";
    }
}
