package dev.ordo.marketplace.notifications.app;

import dev.ordo.core.command.CommandHandler;
import dev.ordo.core.command.CommandResult;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventStore;
import dev.ordo.marketplace.notifications.Notification;
import dev.ordo.marketplace.notifications.NotificationDecider;
import dev.ordo.marketplace.notifications.NotificationEvent;
import dev.ordo.marketplace.notifications.SendNotification;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends notifications: records each once on its stream and logs it (delivery to the customer's device comes later;
 * the read model lists them). Thread-safe.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

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

    /** Handles a request from the bus. */
    public CommandResult<Notification, NotificationEvent> handle(NotificationRequest request, EventMetadata metadata) {
        SendNotification send = request.command();
        CommandResult<Notification, NotificationEvent> result = handler.handle(stream(send.notificationId()), send,
                metadata);
        if (!result.events().isEmpty()) {
            log.debug("notified customer {} about order {} ({}): {}", send.customerId(), send.orderId(), send.kind(),
                    send.message());
        }
        return result;
    }
}
