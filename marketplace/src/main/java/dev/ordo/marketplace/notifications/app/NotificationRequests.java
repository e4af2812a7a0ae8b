package dev.ordo.marketplace.notifications.app;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.marketplace.notifications.NotificationContracts;
import dev.ordo.marketplace.notifications.SendNotification;
import dev.ordo.marketplace.platform.wiring.ContextParticipant;
import dev.ordo.saga.StepRequest;
import org.springframework.stereotype.Component;

/**
 * Notifications as a saga participant: sends the notification a request names, once per notification id (its stream's
 * decider records a repeated one no more). Thread-safe.
 */
@Component
public class NotificationRequests implements ContextParticipant {

    private final CommandBus commands;

    public NotificationRequests(CommandBus commands) {
        this.commands = commands;
    }

    @Override
    public void handlers(Handlers handlers) {
        handlers.handle(NotificationContracts.SEND, this::send);
    }

    Object send(SendNotification command, StepRequest request) {
        commands.dispatch(NotificationService.request(command), request.metadata());
        return null;
    }
}
