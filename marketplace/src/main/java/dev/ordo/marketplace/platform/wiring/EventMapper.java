package dev.ordo.marketplace.platform.wiring;

import tools.jackson.databind.json.JsonMapper;

/** The JSON mapper of stored events, as a bean of its own type so it never replaces the web layer's mapper. */
public record EventMapper(JsonMapper json) {
}
