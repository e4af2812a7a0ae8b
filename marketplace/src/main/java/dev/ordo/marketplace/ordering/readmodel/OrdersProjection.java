package dev.ordo.marketplace.ordering.readmodel;

import static dev.ordo.marketplace.shared.MinorUnits.day;
import static dev.ordo.marketplace.shared.MinorUnits.millis;
import static dev.ordo.marketplace.shared.MinorUnits.toMinor;

import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventFilter;
import dev.ordo.jdbc.JdbcProjection;
import dev.ordo.jdbc.ProjectionContext;
import dev.ordo.marketplace.ordering.ItemAdded;
import dev.ordo.marketplace.ordering.ItemRemoved;
import dev.ordo.marketplace.ordering.OrderCancelled;
import dev.ordo.marketplace.ordering.OrderDelivered;
import dev.ordo.marketplace.ordering.OrderEvent;
import dev.ordo.marketplace.ordering.OrderLine;
import dev.ordo.marketplace.ordering.OrderPaid;
import dev.ordo.marketplace.ordering.OrderPlaced;
import dev.ordo.marketplace.ordering.OrderShipped;
import dev.ordo.marketplace.ordering.ShippingAddressChanged;
import dev.ordo.marketplace.shared.Address;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code order_details} (one row per order) and {@code order_lines} (one row per product of an order) up to
 * date from the {@code order} category. Each page of events is applied with the checkpoint in one transaction.
 */
@Component
public class OrdersProjection implements JdbcProjection {

    static final String DETAILS = "order_details";
    static final String LINES = "order_lines";

    private final EventSerializer serializer;

    public OrdersProjection(EventSerializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<String> tables() {
        return List.of(DETAILS, LINES);
    }

    @Override
    public EventFilter filter() {
        return EventFilter.categories("order");
    }

    @Override
    public void createTables(ProjectionContext context) throws SQLException {
        String details = context.table(DETAILS);
        String lines = context.table(LINES);
        try (Statement statement = context.connection().createStatement()) {
            statement.execute("CREATE TABLE " + details + " ("
                    + "order_id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, status TEXT NOT NULL, "
                    + "currency TEXT NOT NULL, total_minor BIGINT NOT NULL, "
                    + "street TEXT NOT NULL, city TEXT NOT NULL, postal_code TEXT NOT NULL, country TEXT NOT NULL, "
                    + "placed_at BIGINT NOT NULL, placed_day TEXT NOT NULL, "
                    + "paid_at BIGINT, paid_minor BIGINT, payment_method TEXT, payment_reference TEXT, "
                    + "shipped_at BIGINT, tracking_number TEXT, carrier TEXT, delivered_at BIGINT, "
                    + "cancelled_at BIGINT, cancel_reason TEXT, cancelled_from TEXT, "
                    + "version BIGINT NOT NULL, updated_at BIGINT NOT NULL)");
            statement.execute("CREATE INDEX " + details + "_customer_idx ON " + details + " (customer_id, placed_at)");
            statement.execute("CREATE INDEX " + details + "_status_idx ON " + details + " (status, placed_at)");
            statement.execute("CREATE INDEX " + details + "_placed_idx ON " + details + " (placed_at)");
            statement.execute("CREATE TABLE " + lines + " ("
                    + "order_id TEXT NOT NULL, product_id TEXT NOT NULL, product_name TEXT NOT NULL, "
                    + "quantity INTEGER NOT NULL, unit_minor BIGINT NOT NULL, currency TEXT NOT NULL, "
                    + "line_no INTEGER NOT NULL, PRIMARY KEY (order_id, product_id))");
            statement.execute("CREATE INDEX " + lines + "_product_idx ON " + lines + " (product_id)");
        }
    }

    @Override
    public void apply(ProjectionContext context, RecordedEvent recorded) throws SQLException {
        Object event = serializer.deserialize(recorded);
        if (!(event instanceof OrderEvent orderEvent)) {
            return;
        }
        Rows rows = new Rows(context, context.table(DETAILS), context.table(LINES), recorded);
        switch (orderEvent) {
            case OrderPlaced placed -> rows.placed(placed);
            case ItemAdded added -> {
                rows.upsertLine(added.orderId().toString(), added.productId().toString(), added.productName(),
                        added.lineQuantity(), toMinor(added.unitPrice()), added.unitPrice().currency().getCurrencyCode());
                rows.update("total_minor = ?", toMinor(added.orderTotal()));
            }
            case ItemRemoved removed -> {
                rows.changeLineQuantity(removed.orderId().toString(), removed.productId().toString(),
                        removed.lineQuantity());
                rows.update("total_minor = ?", toMinor(removed.orderTotal()));
            }
            case ShippingAddressChanged changed -> {
                Address a = changed.shippingAddress();
                rows.update("street = ?, city = ?, postal_code = ?, country = ?", a.street(), a.city(), a.postalCode(),
                        a.country());
            }
            case OrderPaid paid -> rows.update("status = 'PAID', paid_at = ?, paid_minor = ?, payment_method = ?, "
                            + "payment_reference = ?", millis(paid.paidAt()), toMinor(paid.amount()), paid.method().name(),
                    paid.paymentReference());
            case OrderShipped shipped -> rows.update("status = 'SHIPPED', shipped_at = ?, tracking_number = ?, "
                    + "carrier = ?", millis(shipped.shippedAt()), shipped.trackingNumber(), shipped.carrier());
            case OrderDelivered delivered -> rows.update("status = 'DELIVERED', delivered_at = ?",
                    millis(delivered.deliveredAt()));
            case OrderCancelled cancelled -> rows.update("status = 'CANCELLED', cancelled_at = ?, cancel_reason = ?, "
                    + "cancelled_from = ?", millis(cancelled.cancelledAt()), cancelled.reason(),
                    cancelled.cancelledFrom().name());
        }
    }

    /** The row changes of one event. */
    private record Rows(ProjectionContext context, String details, String lines, RecordedEvent recorded) {

        void placed(OrderPlaced placed) throws SQLException {
            Address a = placed.shippingAddress();
            context.update("INSERT INTO " + details + " (order_id, customer_id, status, currency, total_minor, street, "
                            + "city, postal_code, country, placed_at, placed_day, version, updated_at) "
                            + "VALUES (?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    placed.orderId().toString(), placed.customerId().toString(),
                    placed.total().currency().getCurrencyCode(), toMinor(placed.total()), a.street(), a.city(),
                    a.postalCode(), a.country(), millis(placed.placedAt()), day(placed.placedAt()),
                    recorded.streamVersion(), millis(recorded.recordedAt()));
            for (OrderLine line : placed.lines()) {
                upsertLine(placed.orderId().toString(), line.productId().toString(), line.productName(),
                        line.quantity(), toMinor(line.unitPrice()), line.unitPrice().currency().getCurrencyCode());
            }
        }

        void upsertLine(String orderId, String productId, String name, int quantity, long unitMinor, String currency)
                throws SQLException {
            context.update("INSERT INTO " + lines + " (order_id, product_id, product_name, quantity, unit_minor, "
                    + "currency, line_no) VALUES (?, ?, ?, ?, ?, ?, (SELECT COUNT(*) FROM " + lines
                    + " WHERE order_id = ?)) "
                    + "ON CONFLICT (order_id, product_id) DO UPDATE SET quantity = excluded.quantity",
                    orderId, productId, name, quantity, unitMinor, currency, orderId);
        }

        void changeLineQuantity(String orderId, String productId, int quantity) throws SQLException {
            if (quantity == 0) {
                context.update("DELETE FROM " + lines + " WHERE order_id = ? AND product_id = ?", orderId,
                        productId);
            } else {
                context.update("UPDATE " + lines + " SET quantity = ? WHERE order_id = ? AND product_id = ?", quantity,
                        orderId, productId);
            }
        }

        /** Updates the order's row and stamps it with the event's version. */
        void update(String assignments, Object... values) throws SQLException {
            Object[] all = new Object[values.length + 3];
            System.arraycopy(values, 0, all, 0, values.length);
            all[values.length] = recorded.streamVersion();
            all[values.length + 1] = millis(recorded.recordedAt());
            all[values.length + 2] = recorded.streamId().idPart();
            context.update("UPDATE " + details + " SET " + assignments
                    + ", version = ?, updated_at = ? WHERE order_id = ?", all);
        }
    }
}
