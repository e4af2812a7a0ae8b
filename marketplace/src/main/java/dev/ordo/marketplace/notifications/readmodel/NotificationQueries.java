package dev.ordo.marketplace.notifications.readmodel;

import dev.ordo.jdbc.OrdoDatabase;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the notifications read model. Never reads the event store. Thread-safe. */
@Component
public class NotificationQueries {

    private final JdbcClient jdbc;

    public NotificationQueries(OrdoDatabase database) {
        this.jdbc = JdbcClient.create(database.readDataSource());
    }

    /** A customer's notifications, newest first. */
    public List<NotificationView> forCustomer(String customerId, int limit) {
        return jdbc.sql("SELECT * FROM " + NotificationsProjection.NOTIFICATIONS + " WHERE customer_id = ? "
                        + "ORDER BY position DESC LIMIT ?")
                .params(customerId, limit)
                .query((rs, n) -> new NotificationView(rs.getString("notification_id"), rs.getString("customer_id"),
                        rs.getString("order_id"), rs.getString("kind"), rs.getString("message"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list();
    }
}
