package dev.ordo.marketplace.notifications.readmodel;

import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventFilter;
import dev.ordo.jdbc.JdbcProjection;
import dev.ordo.jdbc.ProjectionContext;
import dev.ordo.marketplace.notifications.CustomerNotified;
import dev.ordo.marketplace.ordering.OrderEvent;
import dev.ordo.marketplace.ordering.OrderPlaced;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code notifications} (one row per notification, with the global position for newest-first order) from the
 * {@code order} category (placed, paid, shipped, delivered, cancelled with its reason) and the {@code notification}
 * category (notifications sent by processes, such as the fulfilment's confirmation). {@code notification_recipients}
 * remembers each order's customer, since only {@code order.placed} names it.
 */
@Component
public class NotificationsProjection implements JdbcProjection {

    static final String NOTIFICATIONS = "notifications";
    static final String RECIPIENTS = "notification_recipients";

    private final EventSerializer serializer;

    public NotificationsProjection(EventSerializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<String> tables() {
        return List.of(NOTIFICATIONS, RECIPIENTS);
    }

    @Override
    public EventFilter filter() {
        return EventFilter.categories("order", "notification");
    }

    @Override
    public void createTables(ProjectionContext context) throws SQLException {
        String notifications = context.table(NOTIFICATIONS);
        try (Statement statement = context.connection().createStatement()) {
            statement.execute("CREATE TABLE " + notifications + " (notification_id TEXT PRIMARY KEY, "
                    + "customer_id TEXT NOT NULL, order_id TEXT NOT NULL, kind TEXT NOT NULL, message TEXT NOT NULL, "
                    + "created_at BIGINT NOT NULL, position BIGINT NOT NULL)");
            statement.execute("CREATE INDEX " + notifications + "_customer_idx ON " + notifications
                    + " (customer_id, position)");
            statement.execute("CREATE TABLE " + context.table(RECIPIENTS) + " (order_id TEXT PRIMARY KEY, "
                    + "customer_id TEXT NOT NULL)");
        }
    }

    @Override
    public void apply(ProjectionContext context, RecordedEvent recorded) throws SQLException {
        switch (serializer.deserialize(recorded)) {
            case CustomerNotified sent -> insert(context, recorded, sent.notificationId().toString(),
                    sent.customerId().toString(), sent.orderId().toString(), sent.kind().name(), sent.message());
            case OrderEvent event -> {
                if (event instanceof OrderPlaced placed) {
                    context.update("INSERT INTO " + context.table(RECIPIENTS) + " (order_id, customer_id) "
                            + "VALUES (?, ?) ON CONFLICT (order_id) DO NOTHING", placed.orderId().toString(),
                            placed.customerId().toString());
                }
                Optional<OrderNotifications.Text> text = OrderNotifications.of(event);
                Optional<String> customer = text.isEmpty() ? Optional.empty()
                        : customerOf(context, event.orderId().toString());
                if (text.isPresent() && customer.isPresent()) {
                    insert(context, recorded, recorded.eventId().toString(), customer.get(),
                            event.orderId().toString(), text.get().kind().name(), text.get().message());
                }
            }
            default -> { }
        }
    }

    private static Optional<String> customerOf(ProjectionContext context, String orderId) throws SQLException {
        return context.withStatement("SELECT customer_id FROM " + context.table(RECIPIENTS) + " WHERE order_id = ?",
                select -> {
                    select.setString(1, orderId);
                    try (ResultSet rs = select.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                    }
                });
    }

    private static void insert(ProjectionContext context, RecordedEvent recorded, String id, String customerId,
                               String orderId, String kind, String message) throws SQLException {
        context.update("INSERT INTO " + context.table(NOTIFICATIONS) + " (notification_id, customer_id, order_id, "
                        + "kind, message, created_at, position) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (notification_id) DO NOTHING", id, customerId, orderId, kind, message,
                recorded.recordedAt().toEpochMilli(), recorded.position());
    }

}
