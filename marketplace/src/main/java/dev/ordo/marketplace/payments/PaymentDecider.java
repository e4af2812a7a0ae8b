package dev.ordo.marketplace.payments;

import static dev.ordo.marketplace.payments.PaymentRule.AMOUNT_MUST_BE_POSITIVE;
import static dev.ordo.marketplace.payments.PaymentRule.METHOD_REQUIRED;
import static dev.ordo.marketplace.payments.PaymentRule.ORDER_MISMATCH;
import static dev.ordo.marketplace.payments.PaymentRule.ORDER_REQUIRED;
import static dev.ordo.marketplace.payments.PaymentRule.PAYMENT_ALREADY_AUTHORIZED;
import static dev.ordo.marketplace.payments.PaymentRule.PAYMENT_ALREADY_DECLINED;
import static dev.ordo.marketplace.payments.PaymentRule.PAYMENT_ALREADY_REFUNDED;
import static dev.ordo.marketplace.payments.PaymentRule.PAYMENT_ID_REQUIRED;
import static dev.ordo.marketplace.payments.PaymentRule.PAYMENT_NOT_AUTHORIZED;
import static dev.ordo.marketplace.payments.PaymentRule.REASON_REQUIRED;
import static dev.ordo.marketplace.payments.PaymentRule.REFERENCE_REQUIRED;
import static dev.ordo.marketplace.payments.PaymentRule.TIMESTAMP_REQUIRED;

import dev.ordo.core.decider.Decider;

import dev.ordo.marketplace.shared.Money;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The payments of an order as a pure {@link Decider}. Each payment goes AUTHORIZED → CAPTURED → REFUNDED (or
 * AUTHORIZED → REFUNDED, a void), or is DECLINED for good. Recording an outcome the payment already has produces no
 * event, so a retried step records every outcome once. A refund of a payment the stream never saw is recorded with
 * the provider's amount (the refund of a call whose outcome was unknown). Stateless and thread-safe.
 */
public final class PaymentDecider implements Decider<PaymentCommand, Payments, PaymentEvent> {

    @Override
    public Payments initialState() {
        return new Payments(null, Map.of());
    }

    /** @throws PaymentRuleViolation when the command breaks a rule */
    @Override
    public List<PaymentEvent> decide(PaymentCommand command, Payments state) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(state, "state");
        Payments.Payment payment = common(command, state);
        PaymentStatus status = payment == null ? null : payment.status();
        return switch (command) {
            case RecordAuthorization a -> {
                requirePositive(a.amount(), status);
                if (blank(a.method())) {
                    throw new PaymentRuleViolation(METHOD_REQUIRED, status, "an authorization names its method");
                }
                if (blank(a.reference())) {
                    throw new PaymentRuleViolation(REFERENCE_REQUIRED, status, "an authorization needs the "
                            + "provider's reference");
                }
                if (status == PaymentStatus.DECLINED) {
                    throw new PaymentRuleViolation(PAYMENT_ALREADY_DECLINED, status, "payment " + a.paymentId()
                            + " was declined: " + payment.declineReason());
                }
                yield status != null ? List.of() : List.of(new PaymentAuthorized(a.orderId(), a.paymentId(),
                        a.amount(), a.method(), a.reference(), a.at()));
            }
            case RecordDecline d -> {
                requirePositive(d.amount(), status);
                if (blank(d.reason())) {
                    throw new PaymentRuleViolation(REASON_REQUIRED, status, "a decline gives the provider's reason");
                }
                if (status != null && status != PaymentStatus.DECLINED) {
                    throw new PaymentRuleViolation(PAYMENT_ALREADY_AUTHORIZED, status, "payment " + d.paymentId()
                            + " was authorized and cannot be declined");
                }
                yield status != null ? List.of() : List.of(new PaymentDeclined(d.orderId(), d.paymentId(),
                        d.amount(), d.method(), d.reason(), d.at()));
            }
            case RecordCapture c -> {
                if (status == null || status == PaymentStatus.DECLINED) {
                    throw new PaymentRuleViolation(PAYMENT_NOT_AUTHORIZED, status, "payment " + c.paymentId()
                            + " cannot be captured: it was not authorized");
                }
                yield switch (status) {
                    case AUTHORIZED -> List.of(new PaymentCaptured(c.orderId(), c.paymentId(), payment.amount(),
                            c.at()));
                    case CAPTURED -> List.of();
                    case REFUNDED -> throw new PaymentRuleViolation(PAYMENT_ALREADY_REFUNDED, status, "payment "
                            + c.paymentId() + " was refunded and cannot be captured");
                    case DECLINED -> throw new IllegalStateException("unreachable: declined handled above");
                };
            }
            case RecordRefund r -> {
                if (status == null) {
                    requirePositive(r.amount(), null);
                    yield List.of(new PaymentRefunded(r.orderId(), r.paymentId(), r.amount(), r.at()));
                }
                yield switch (status) {
                    case AUTHORIZED, CAPTURED -> List.of(new PaymentRefunded(r.orderId(), r.paymentId(),
                            payment.amount(), r.at()));
                    case REFUNDED, DECLINED -> List.of();
                };
            }
        };
    }

    @Override
    public Payments evolve(Payments state, PaymentEvent event) {
        return switch (event) {
            case PaymentAuthorized a -> state.with(a.orderId(), new Payments.Payment(a.paymentId(), a.amount(),
                    a.method(), a.reference(), PaymentStatus.AUTHORIZED, null));
            case PaymentDeclined d -> state.with(d.orderId(), new Payments.Payment(d.paymentId(), d.amount(),
                    d.method(), null, PaymentStatus.DECLINED, d.reason()));
            case PaymentCaptured c -> state.with(c.orderId(), existing(state, event).with(PaymentStatus.CAPTURED));
            case PaymentRefunded r -> state.with(r.orderId(), state.payment(r.paymentId())
                    .map(p -> p.with(PaymentStatus.REFUNDED))
                    .orElse(new Payments.Payment(r.paymentId(), r.amount(), null, null, PaymentStatus.REFUNDED, null)));
        };
    }

    /** Checks what every command needs and returns the payment it names, or null when it is not recorded. */
    private static Payments.Payment common(PaymentCommand command, Payments state) {
        if (command.orderId() == null) {
            throw new PaymentRuleViolation(ORDER_REQUIRED, null, "a payment belongs to an order");
        }
        if (state.orderId() != null && !state.orderId().equals(command.orderId())) {
            throw new PaymentRuleViolation(ORDER_MISMATCH, null, "this stream holds the payments of order "
                    + state.orderId() + ", not " + command.orderId());
        }
        if (blank(command.paymentId())) {
            throw new PaymentRuleViolation(PAYMENT_ID_REQUIRED, null, "a payment needs an id");
        }
        Payments.Payment payment = state.payments().get(command.paymentId());
        java.time.Instant at = switch (command) {
            case RecordAuthorization a -> a.at();
            case RecordDecline d -> d.at();
            case RecordCapture c -> c.at();
            case RecordRefund r -> r.at();
        };
        if (at == null) {
            throw new PaymentRuleViolation(TIMESTAMP_REQUIRED, payment == null ? null : payment.status(),
                    "the time is required");
        }
        return payment;
    }

    private static void requirePositive(Money amount, PaymentStatus status) {
        if (amount == null || amount.signum() <= 0) {
            throw new PaymentRuleViolation(AMOUNT_MUST_BE_POSITIVE, status, "the amount must be more than zero, was "
                    + amount);
        }
    }

    private static Payments.Payment existing(Payments state, PaymentEvent event) {
        return state.payment(event.paymentId()).orElseThrow(() -> new IllegalStateException("event for payment "
                + event.paymentId() + " of order " + event.orderId() + " before its authorization; the stream is "
                + "corrupt"));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
