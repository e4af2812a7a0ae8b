package dev.ordo.marketplace.platform.sagas;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.saga.SagaSummary;
import dev.ordo.jackson.OrdoJson;
import dev.ordo.marketplace.platform.web.RequestMetadata;
import dev.ordo.saga.ParkedCompensation;
import dev.ordo.saga.SagaEngine;
import dev.ordo.saga.SagaState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Sagas over HTTP: a saga's state folded from its stream (immediately consistent), its history, lists from the saga
 * index, the parked compensations, and redrive. Unknown sagas are 404 problems; redriving a saga that is not parked
 * is a 422 problem naming its status.
 */
@RestController
@RequestMapping("/sagas")
@Tag(name = "sagas", description = "Long-running processes: state, history, parked compensations and redrive")
class SagaController {

    private final SagaEngine engine;
    private final ParkedCompensations parked;

    SagaController(SagaEngine engine, ParkedCompensations parked) {
        this.engine = engine;
        this.parked = parked;
    }

    /** One transition of a saga as the API shows it. */
    record EventView(long position, long version, String type, Instant recordedAt, JsonNode data,
                     Map<String, Object> metadata) {
    }

    @GetMapping
    @Operation(summary = "Sagas, most recently changed first", description = "From the saga index, optionally of one "
            + "status (RUNNING, COMPENSATING, PARKED, COMPLETED, COMPENSATED) or type.")
    List<SagaSummary> list(@RequestParam(required = false) SagaStatus status,
                           @RequestParam(required = false) String type,
                           @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return engine.index().list(status, type, limit);
    }

    @GetMapping("/parked")
    @Operation(summary = "Compensations that kept failing", description = "Each waits for an operator's redrive.")
    List<ParkedCompensation> parked() {
        return parked.list();
    }

    @GetMapping("/{sagaId}")
    @Operation(summary = "A saga", description = "Status, steps with attempts and outcomes, data and failure.")
    SagaView get(@PathVariable UUID sagaId) {
        return view(sagaId);
    }

    @GetMapping("/{sagaId}/events")
    @Operation(summary = "A saga's history", description = "Every transition, oldest first, with its metadata.")
    List<EventView> history(@PathVariable UUID sagaId) {
        List<RecordedEvent> events = engine.history(sagaId);
        if (events.isEmpty()) {
            throw SagaRuleViolation.notFound(sagaId);
        }
        return events.stream().map(SagaController::event).toList();
    }

    @PostMapping("/{sagaId}/redrive")
    @Operation(summary = "Try a parked compensation again", description = "Once the cause of its failures is fixed.")
    ResponseEntity<SagaView> redrive(@PathVariable UUID sagaId, HttpServletRequest request) {
        SagaState state = engine.state(sagaId);
        if (!state.exists()) {
            throw SagaRuleViolation.notFound(sagaId);
        }
        if (!engine.redrive(sagaId, RequestMetadata.of(request, "idempotency-key").actor())) {
            throw SagaRuleViolation.notParked(sagaId, engine.state(sagaId).status());
        }
        parked.resolved(sagaId);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(sagaId));
    }

    private SagaView view(UUID sagaId) {
        List<RecordedEvent> history = engine.history(sagaId);
        SagaState state = engine.state(sagaId);
        if (!state.exists()) {
            throw SagaRuleViolation.notFound(sagaId);
        }
        return SagaView.of(state, history);
    }

    private static EventView event(RecordedEvent e) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("correlationId", e.metadata().correlationId());
        metadata.put("causationId", e.metadata().causationId());
        metadata.put("actor", e.metadata().actor());
        metadata.putAll(e.metadata().extra());
        return new EventView(e.position(), e.streamVersion(), e.eventType(), e.recordedAt(),
                OrdoJson.mapper().readTree(e.payload()), metadata);
    }
}
