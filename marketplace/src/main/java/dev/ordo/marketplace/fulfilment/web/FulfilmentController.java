package dev.ordo.marketplace.fulfilment.web;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.marketplace.fulfilment.CancelFulfilment;
import dev.ordo.marketplace.fulfilment.app.FulfilmentService;
import dev.ordo.marketplace.ordering.app.OrderAccess;
import dev.ordo.marketplace.platform.sagas.SagaRuleViolation;
import dev.ordo.marketplace.platform.sagas.SagaView;
import dev.ordo.marketplace.platform.web.RequestMetadata;
import dev.ordo.marketplace.shared.OrderId;
import dev.ordo.saga.SagaEngine;
import dev.ordo.saga.SagaState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An order's fulfilment over HTTP: its saga (the same view as {@code GET /sagas/{id}}), and cancelling it while it
 * runs (through the command bus; the saga compensates and cancels the order with the reason). 404 when the order has
 * no fulfilment, 422 when it is not running any more or has shipped the order (its point of no return).
 */
@RestController
@RequestMapping("/orders/{orderId}/fulfilment")
@Tag(name = "fulfilment", description = "The saga that reserves, charges, ships and confirms each placed order")
class FulfilmentController {

    private final FulfilmentService fulfilment;
    private final SagaEngine engine;
    private final CommandBus commands;
    private final OrderAccess access;

    FulfilmentController(FulfilmentService fulfilment, SagaEngine engine, CommandBus commands, OrderAccess access) {
        this.fulfilment = fulfilment;
        this.engine = engine;
        this.commands = commands;
        this.access = access;
    }

    /** Why the fulfilment is cancelled. */
    record CancelRequest(@NotBlank @Size(max = 300) String reason) {
    }

    @GetMapping
    @Operation(summary = "The order's fulfilment saga", description = "Status, steps with attempts and outcomes, data.")
    SagaView get(@PathVariable UUID orderId) {
        access.requireVisible(OrderId.of(orderId));
        return view(OrderId.of(orderId));
    }

    @PostMapping("/cancel")
    @Operation(summary = "Cancel the order's running fulfilment", description = "What was done is undone (stock "
            + "released, payment refunded, shipment cancelled) and the order is cancelled with the reason.")
    ResponseEntity<SagaView> cancel(@PathVariable UUID orderId, @Valid @RequestBody CancelRequest body,
                                    HttpServletRequest request) {
        OrderId id = OrderId.of(orderId);
        SagaState state = fulfilment.state(id);
        if (!state.exists()) {
            throw SagaRuleViolation.notFound(fulfilment.sagaId(id));
        }
        boolean cancelled = commands.dispatch(new CancelFulfilment(id, body.reason()),
                RequestMetadata.of(request, "idempotency-key"));
        if (!cancelled) {
            SagaState now = fulfilment.state(id);
            if (now.status() == SagaStatus.RUNNING) {
                throw SagaRuleViolation.pastPointOfNoReturn(fulfilment.sagaId(id),
                        fulfilment.pointOfNoReturn().orElseThrow());
            }
            throw SagaRuleViolation.notRunning(fulfilment.sagaId(id), now.status());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(id));
    }

    private SagaView view(OrderId orderId) {
        SagaState state = fulfilment.state(orderId);
        if (!state.exists()) {
            throw SagaRuleViolation.notFound(fulfilment.sagaId(orderId));
        }
        return SagaView.of(state, engine.history(state.sagaId()));
    }
}
