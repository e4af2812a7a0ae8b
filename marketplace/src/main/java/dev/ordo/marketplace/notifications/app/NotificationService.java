package dev.ordo.marketplace.notifications.app;

import dev.ordo.core.bus.command.StreamCommand;
import dev.ordo.core.command.CommandHandler;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.StreamId;
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

    private final CommandHandler<SendNotification, Notification, NotificationEvent> handler;

    public NotificationService(EventStore store, EventSerializer serializer) {
        this.handler = CommandHandler.builder(new NotificationDecider(), NotificationEvent.class, store, serializer)
                .retryOnConflict(command -> true, 3)
                .build();
    }

    /** The stream of a notification. */
    public static StreamId stream(UUID notificationId) {
        return StreamId.of("notification", notificationId);
    }

    /** A notification to send, for the command bus (its stream is named by the notification's id). */
    public static StreamCommand<SendNotification> request(SendNotification command) {
        return StreamCommand.to(stream(command.notificationId()), command);
    }

    /** Decides the commands the bus routes here ({@link #request}). */
    public CommandHandler<SendNotification, Notification, NotificationEvent> handler() {
        return handler;
    }
}
