package dev.ordo.marketplace.notifications;

import dev.ordo.marketplace.shared.RuleViolation;

/** A notification that cannot be sent as asked: a missing field ({@code notification-field-required}). */
public final class NotificationRuleViolation extends RuleViolation {

    public NotificationRuleViolation(String field) {
        super("notification-field-required", "rule notification-field-required: " + field
                + " is required (notification is unsent)");
    }
}
