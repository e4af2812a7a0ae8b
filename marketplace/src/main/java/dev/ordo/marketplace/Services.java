package dev.ordo.marketplace;

import dev.ordo.marketplace.services.CatalogServiceApplication;
import dev.ordo.marketplace.services.InventoryServiceApplication;
import dev.ordo.marketplace.services.NotificationsServiceApplication;
import dev.ordo.marketplace.services.OrdersServiceApplication;
import dev.ordo.marketplace.services.PaymentsServiceApplication;
import dev.ordo.marketplace.services.QueryServiceApplication;
import dev.ordo.marketplace.services.ShippingServiceApplication;
import java.util.Map;
import java.util.Optional;

/** The services the jar can run instead of the whole marketplace, by the name given as {@code --marketplace.service}. */
final class Services {

    static final Map<String, Class<?>> BY_NAME = Map.of(
            "catalog", CatalogServiceApplication.class,
            "orders", OrdersServiceApplication.class,
            "inventory", InventoryServiceApplication.class,
            "shipping", ShippingServiceApplication.class,
            "payments", PaymentsServiceApplication.class,
            "notifications", NotificationsServiceApplication.class,
            "query", QueryServiceApplication.class);

    private Services() {
    }

    /**
     * The application of the service the arguments name, or empty when they name none (the whole marketplace).
     *
     * @throws IllegalArgumentException when they name a service that does not exist
     */
    static Optional<Class<?>> application(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--marketplace.service=")) {
                String name = arg.substring("--marketplace.service=".length());
                Class<?> application = BY_NAME.get(name);
                if (application == null) {
                    throw new IllegalArgumentException("no service '" + name + "'; the services are "
                            + BY_NAME.keySet().stream().sorted().toList());
                }
                return Optional.of(application);
            }
        }
        return Optional.empty();
    }
}
