package dev.ordo.marketplace.notifications;

import dev.ordo.marketplace.shared.StepContract;

/** The requests notifications answer for sagas, as published (ADR 27). */
public final class NotificationContracts {

    /** The participant's name, and the part of its command topic that names it. */
    public static final String PARTICIPANT = "notifications";

    public static final StepContract<SendNotification> SEND = StepContract.of("notifications.send.v1",
            SendNotification.class, PARTICIPANT);

    private NotificationContracts() {
    }
}
