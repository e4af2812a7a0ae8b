package dev.ordo.jdbc;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.jackson.OrdoJson;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * Metadata is stored as columns (correlation id, causation id, actor, trace parent), which keeps them queryable
 * and cheap to read; only the rarely used extra headers go into a JSON column, {@code NULL} when empty.
 */
final class MetadataColumns {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private MetadataColumns() {
    }

    static String extraJson(EventMetadata metadata) {
        return metadata.extra().isEmpty() ? null : OrdoJson.mapper().writeValueAsString(metadata.extra());
    }

    static EventMetadata read(String correlationId, String causationId, String actor, String traceParent, String extra) {
        if (correlationId == null && causationId == null && actor == null && traceParent == null && extra == null) {
            return EventMetadata.empty();
        }
        Map<String, String> map = extra == null ? Map.of() : OrdoJson.mapper().readValue(extra, MAP);
        return new EventMetadata(correlationId, causationId, actor, traceParent, map);
    }
}
