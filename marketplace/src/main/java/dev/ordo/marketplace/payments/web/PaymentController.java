package dev.ordo.marketplace.payments.web;

import dev.ordo.core.command.Loaded;
import dev.ordo.marketplace.payments.PaymentRule;
import dev.ordo.marketplace.payments.PaymentRuleViolation;
import dev.ordo.marketplace.payments.Payments;
import dev.ordo.marketplace.payments.app.PaymentService;
import dev.ordo.marketplace.shared.OrderId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The payments of an order over HTTP, folded from its payment stream (immediately consistent). */
@RestController
@RequestMapping("/payments")
@Tag(name = "payments", description = "What the payment provider did for each order")
class PaymentController {

    private final PaymentService payments;

    PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    /** One payment as the API shows it. */
    record PaymentView(String paymentId, BigDecimal amount, String currency, String method, String reference,
                       String status, String declineReason) {
    }

    /** An order's payments. */
    record OrderPayments(String orderId, List<PaymentView> payments, long version) {
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "The payments of an order", description = "404 when the order has none.")
    OrderPayments get(@PathVariable UUID orderId) {
        Loaded<Payments> loaded = payments.load(OrderId.of(orderId));
        if (loaded.version() == 0) {
            throw new PaymentRuleViolation(PaymentRule.PAYMENT_NOT_FOUND, null, "order " + orderId
                    + " has no payments");
        }
        return new OrderPayments(orderId.toString(), loaded.state().payments().values().stream()
                .map(p -> new PaymentView(p.paymentId(), p.amount().amount(), p.amount().currency().getCurrencyCode(),
                        p.method(), p.reference(), p.status().name(), p.declineReason()))
                .toList(), loaded.version());
    }
}
