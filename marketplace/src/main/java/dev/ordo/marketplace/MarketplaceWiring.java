package dev.ordo.marketplace;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.bus.command.CorrelationMiddleware;
import dev.ordo.core.bus.command.LoggingMiddleware;
import dev.ordo.core.bus.command.MetricsMiddleware;
import dev.ordo.core.bus.command.PerKeyLockMiddleware;
import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.core.bus.command.StreamCommand;
import dev.ordo.core.bus.command.ValidationMiddleware;
import dev.ordo.core.bus.query.QueryBus;
import dev.ordo.core.bus.query.SimpleQueryBus;
import dev.ordo.coordination.metrics.CoordinationMetrics;
import dev.ordo.coordination.service.ServiceCoordinator;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.RememberingEventSerializer;
import dev.ordo.core.snapshot.StateCodec;
import dev.ordo.jackson.JacksonEventSerializer;
import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.marketplace.catalog.DemoCatalog;
import dev.ordo.marketplace.catalog.IsProductRegistered;
import dev.ordo.marketplace.catalog.Product;
import dev.ordo.marketplace.catalog.ProductCommand;
import dev.ordo.marketplace.catalog.ProductEvent;
import dev.ordo.marketplace.catalog.app.CatalogService;
import dev.ordo.marketplace.catalog.app.ProductStateCodec;
import dev.ordo.marketplace.catalog.readmodel.ProductQueries;
import dev.ordo.marketplace.fulfilment.CancelFulfilment;
import dev.ordo.marketplace.fulfilment.FulfilmentData;
import dev.ordo.marketplace.fulfilment.StartFulfilment;
import dev.ordo.marketplace.fulfilment.app.FulfilmentService;
import dev.ordo.marketplace.inventory.Stock;
import dev.ordo.marketplace.inventory.StockCommand;
import dev.ordo.marketplace.inventory.StockEvent;
import dev.ordo.marketplace.inventory.app.DemoStock;
import dev.ordo.marketplace.inventory.app.InventoryService;
import dev.ordo.marketplace.inventory.app.StockStateCodec;
import dev.ordo.marketplace.inventory.readmodel.InventoryQueries;
import dev.ordo.marketplace.notifications.NotificationEvent;
import dev.ordo.marketplace.notifications.SendNotification;
import dev.ordo.marketplace.notifications.app.NotificationService;
import dev.ordo.marketplace.ordering.Order;
import dev.ordo.marketplace.ordering.OrderCommand;
import dev.ordo.marketplace.ordering.OrderEvent;
import dev.ordo.marketplace.ordering.app.OrderService;
import dev.ordo.marketplace.ordering.app.OrderStateCodec;
import dev.ordo.marketplace.payments.PaymentEvent;
import dev.ordo.marketplace.platform.DemoData;
import dev.ordo.marketplace.shipping.ShipmentCommand;
import dev.ordo.marketplace.shipping.ShipmentEvent;
import dev.ordo.marketplace.shipping.app.ShippingService;
import dev.ordo.saga.SagaEvent;
import dev.ordo.spring.OrdoProperties;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The marketplace's wiring, all explicit: stable event names, the event serializer, the command bus (validation,
 * correlation, logging, metrics, one command at a time per stream) with the routes of each context, the query bus,
 * and the demo data. The application's root: it may know every context, and no context knows it.
 */
@Configuration(proxyBeanMethods = false)
public class MarketplaceWiring {

    /** How many decoded events the events' codec keeps (more than the events of the sagas in flight at full load). */
    static final int REMEMBERED_EVENTS = 16_384;

    /**
     * The time stamped on commands, in whole milliseconds: the precision the read models keep, so an order reads the
     * same (and has one representation per ETag) whether it comes from a command's response, a past version or the
     * read model.
     */
    @Bean
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }

    /** Every event the marketplace stores, its fulfilment sagas' included (they share one serializer). */
    @Bean
    EventTypeRegistry marketplaceEventTypes() {
        return EventTypeRegistry.builder()
                .registerSealed(OrderEvent.class)
                .registerSealed(ProductEvent.class)
                .registerSealed(StockEvent.class)
                .registerSealed(PaymentEvent.class)
                .registerSealed(ShipmentEvent.class)
                .registerSealed(NotificationEvent.class)
                .registerSealed(SagaEvent.class)
                .build();
    }

    /** The mapper of stored events and snapshots (not the web layer's). */
    @Bean
    EventMapper eventMapper() {
        return new EventMapper(EventJson.mapper());
    }

    @Bean
    StateCodec<Order> orderStateCodec(EventMapper mapper) {
        return OrderStateCodec.create(mapper.json());
    }

    @Bean
    StateCodec<Product> productStateCodec(EventMapper mapper) {
        return ProductStateCodec.create(mapper.json());
    }

    @Bean
    StateCodec<Stock> stockStateCodec(EventMapper mapper) {
        return StockStateCodec.create(mapper.json());
    }

    /** How the fulfilment saga's data is written into its events. */
    @Bean
    StateCodec<FulfilmentData> fulfilmentDataCodec(EventMapper mapper) {
        return JacksonStateCodec.of(mapper.json(), FulfilmentData.class, 1);
    }

    /**
     * The events' codec. It remembers the last {@value #REMEMBERED_EVENTS} events it decoded, so the read models, the
     * process manager and state loads that read an event soon after it was written decode it once between them.
     */
    @Bean
    EventSerializer marketplaceEventSerializer(EventTypeRegistry registry, EventMapper mapper) {
        return new RememberingEventSerializer(JacksonEventSerializer.builder(registry).mapper(mapper.json()).build(),
                REMEMBERED_EVENTS);
    }

    /**
     * The command bus. The fulfilment's handler is looked up when its first command arrives: the fulfilment's saga
     * sends its own commands through this bus.
     */
    @Bean
    CommandBus commandBus(OrderService orders, CatalogService catalog, InventoryService inventory,
                          ShippingService shipping, NotificationService notifications,
                          ObjectProvider<FulfilmentService> fulfilment, Validator validator, MeterRegistry meters,
                          OrdoProperties properties) {
        return SimpleCommandBus.builder()
                .registerStreams(OrderCommand.class, orders.streams().handler())
                .registerStreams(ProductCommand.class, catalog.streams().handler())
                .registerStreams(StockCommand.class, inventory.streams().handler())
                .registerStreams(ShipmentCommand.class, shipping.streams().handler())
                .registerStreams(SendNotification.class, notifications.streams().handler())
                .register(StartFulfilment.class, (command, metadata) -> fulfilment.getObject().start(command, metadata))
                .register(CancelFulfilment.class, (command, metadata) -> fulfilment.getObject().cancel(command,
                        metadata))
                .middleware(new CorrelationMiddleware())
                .middleware(new LoggingMiddleware())
                .middleware(new MetricsMiddleware(meters))
                .middleware(new ValidationMiddleware(validator))
                .middleware(new PerKeyLockMiddleware(MarketplaceWiring::streamOf, properties.commands().lockTimeout()))
                .combineStreamCommands(properties.commands().combineUpTo(), properties.commands().lockTimeout())
                .build();
    }

    /**
     * The stream of a fulfilment command, which takes the lock of its stream; the contexts' commands name theirs (see
     * {@link StreamCommand}) and take turns on them in the bus itself, which decides those queued on a hot stream
     * together.
     */
    private static Optional<String> streamOf(Object command) {
        return switch (command) {
            case StartFulfilment start -> Optional.of("fulfilment-" + start.orderId());
            case CancelFulfilment cancel -> Optional.of("fulfilment-" + cancel.orderId());
            default -> Optional.empty();
        };
    }

    /**
     * Seeds the demo catalog and its stock on start (with {@code marketplace.demo-data=true}, the default): each
     * product, and each product's stock, only while its stream does not exist yet, so restarts change nothing.
     */
    @Bean
    @ConditionalOnProperty(name = "marketplace.demo-data", havingValue = "true", matchIfMissing = true)
    ApplicationRunner demoData(CommandBus commands) {
        return args -> {
            DemoData.seed(commands, "demo products", DemoCatalog.products().stream()
                    .map(product -> CatalogService.PRODUCTS.command(product.productId(), product)).toList());
            DemoData.seed(commands, "stocks of demo products", DemoStock.deliveries().stream()
                    .map(delivery -> InventoryService.STOCK.command(delivery.productId(), delivery)).toList());
        };
    }

    @Bean
    QueryBus queryBus(ProductQueries products, CatalogService catalog, InventoryQueries stock) {
        return SimpleQueryBus.builder()
                .register(ProductQueries.FindProducts.class, products::find)
                .register(IsProductRegistered.class, catalog::isRegistered)
                .register(InventoryQueries.FindStock.class, stock::find)
                .build();
    }

    /** Runs the calls of a request that fan out to several contexts (an order's quote), measured per operation. */
    @Bean
    ServiceCoordinator serviceCoordinator(MeterRegistry meters) {
        ServiceCoordinator coordinator = ServiceCoordinator.ofDefaults();
        coordinator.eventPublisher().subscribe("metrics", CoordinationMetrics.of(meters));
        return coordinator;
    }

    /** The JSON mapper of stored events, as a bean of its own type so it never replaces the web layer's mapper. */
    public record EventMapper(JsonMapper json) {
    }
}
