package dev.ordo.marketplace.notifications.app;

import dev.ordo.core.bus.command.StreamCommand;
import dev.ordo.core.bus.command.StreamNaming;
import dev.ordo.core.bus.command.Streams;
import dev.ordo.core.command.CommandHandler;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.store.EventStore;
import dev.ordo.marketplace.notifications.Notification;
import dev.ordo.marketplace.notifications.NotificationDecider;
import dev.ordo.marketplace.notifications.NotificationEvent;
import dev.ordo.marketplace.notifications.SendNotification;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Sends notifications: records each once on its stream (delivery to the customer's device comes later; the read model
 * lists them). Thread-safe.
 */
@Service
public class NotificationService {

    /** Each notification, on {@code notification-<notificationId>}. */
    public static final StreamNaming<UUID, SendNotification> NOTIFICATIONS = StreamNaming.of("notification");

    private final Streams<UUID, SendNotification, Notification, NotificationEvent> streams;

    public NotificationService(EventStore store, EventSerializer serializer) {
        this.streams = new Streams<>(NOTIFICATIONS, CommandHandler
                .builder(new NotificationDecider(), NotificationEvent.class, store, serializer)
                .retryOnConflict(command -> true, 3)
                .build());
    }

    /** A notification to send, for the command bus: its stream is named by the notification's own id. */
    public static StreamCommand<SendNotification> request(SendNotification command) {
        return NOTIFICATIONS.command(command.notificationId(), command);
    }

    /** The notification streams and the handler that decides the commands the bus routes here. */
    public Streams<UUID, SendNotification, Notification, NotificationEvent> streams() {
        return streams;
    }
}
