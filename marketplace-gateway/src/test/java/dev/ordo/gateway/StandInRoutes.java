package dev.ordo.gateway;

import java.util.List;

/** The gateway's arguments that send every route to one stand-in service. */
final class StandInRoutes {

    private StandInRoutes() {
    }

    /** {@code --marketplace.gateway.<service>-url=<url>} for each of the marketplace's services. */
    static List<String> allTo(String url) {
        return List.of("catalog", "orders", "query", "inventory", "shipping", "notifications", "payments").stream()
                .map(service -> "--marketplace.gateway." + service + "-url=" + url).toList();
    }
}
