package dev.ordo.marketplace.notifications.web;

import dev.ordo.marketplace.notifications.readmodel.NotificationQueries;
import dev.ordo.marketplace.notifications.readmodel.NotificationView;
import dev.ordo.marketplace.platform.security.Caller;
import dev.ordo.marketplace.platform.security.NotAllowedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A customer's notifications over HTTP, from the read model (eventually consistent). */
@RestController
@Tag(name = "notifications", description = "What customers were told about their orders")
class NotificationController {

    private final NotificationQueries queries;

    NotificationController(NotificationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/customers/{customerId}/notifications")
    @Operation(summary = "A customer's notifications, newest first")
    List<NotificationView> list(@PathVariable UUID customerId,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        if (!Caller.current().mayActFor(customerId)) {
            throw new NotAllowedException("a customer sees only their own notifications");
        }
        return queries.forCustomer(customerId.toString(), limit);
    }
}
