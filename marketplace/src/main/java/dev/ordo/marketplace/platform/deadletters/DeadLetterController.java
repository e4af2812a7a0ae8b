package dev.ordo.marketplace.platform.deadletters;

import dev.ordo.core.deadletter.DeadLetter;
import dev.ordo.core.deadletter.DeadLetterAction;
import dev.ordo.core.deadletter.DeadLetterQuery;
import dev.ordo.core.deadletter.DeadLetterStateException;
import dev.ordo.core.deadletter.DeadLetterStatus;
import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.deadletter.Origin;
import dev.ordo.marketplace.platform.web.Problems;
import dev.ordo.marketplace.platform.web.RequestMetadata;
import dev.ordo.saga.SagaEngine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dead letters of every origin: events a subscription parked, compensations a saga parked. Redriving a saga's
 * letter redrives the saga (which runs the compensation again and records the outcome in its stream); redriving a
 * subscription's letter makes it due, and the subscription hands the event over again. Every action is recorded in
 * the letter's history with the actor (the operator's token subject) and an optional note.
 */
@RestController
@RequestMapping("/dead-letters")
@Tag(name = "dead letters", description = "Messages whose handling kept failing: inspect, redrive, discard")
class DeadLetterController {

    private final DeadLetterStore store;
    private final ObjectProvider<SagaEngine> sagas;

    DeadLetterController(DeadLetterStore store, ObjectProvider<SagaEngine> sagas) {
        this.store = store;
        this.sagas = sagas;
    }

    /** A letter with its history. */
    record LetterView(DeadLetter letter, List<DeadLetterAction> history) {
    }

    /** Why an operator acts, for the history. */
    record Note(String note) {
    }

    @GetMapping
    @Operation(summary = "Dead letters in the order they were opened", description = "Optionally of one status "
            + "(RETRYING, PARKED, RESOLVED, DISCARDED) and one origin (kind:name, e.g. subscription:orders).")
    List<DeadLetter> list(@RequestParam(required = false) DeadLetterStatus status,
                          @RequestParam(required = false) String origin,
                          @RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size) {
        DeadLetterQuery query = DeadLetterQuery.all().page(page, size);
        if (status != null) {
            query = query.withStatus(status);
        }
        if (origin != null) {
            query = query.withOrigin(origin(origin));
        }
        return store.list(query);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A dead letter", description = "The message, the last error with its stack trace, the "
            + "attempts, and every action taken on it.")
    LetterView get(@PathVariable UUID id) {
        return new LetterView(letter(id), store.history(id));
    }

    @PostMapping("/{id}/redrive")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Redrive a parked letter", description = "Once the cause of its failures is fixed.")
    LetterView redrive(@PathVariable UUID id, @RequestBody(required = false) Note note, HttpServletRequest request) {
        DeadLetter letter = letter(id);
        String actor = actor(request);
        if (Origin.SAGA_STEP.equals(letter.origin().kind())) {
            UUID sagaId = UUID.fromString(letter.key());
            if (!sagas.getObject().redrive(sagaId, actor)) {
                throw new IllegalStateException("saga " + sagaId + " of letter " + id + " is not parked");
            }
            store.resolve(id, actor, text(note, "saga redriven"));
        } else {
            store.redrive(id, actor, text(note, null));
        }
        return get(id);
    }

    @PostMapping("/redrive")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Redrive every parked letter of a subscription", description = "origin=subscription:<name>")
    int redriveAll(@RequestParam String origin, @RequestBody(required = false) Note note, HttpServletRequest request) {
        Origin parsed = origin(origin);
        if (Origin.SAGA_STEP.equals(parsed.kind())) {
            throw new IllegalArgumentException("redrive parked sagas one by one: POST /dead-letters/{id}/redrive");
        }
        return store.redriveAll(parsed, actor(request), text(note, null));
    }

    @PostMapping("/{id}/discard")
    @Operation(summary = "Give up a letter for good")
    LetterView discard(@PathVariable UUID id, @RequestBody(required = false) Note note, HttpServletRequest request) {
        letter(id);
        store.discard(id, actor(request), text(note, null));
        return get(id);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(NoSuchElementException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
        problem.setProperty("rule", "dead-letter-not-found");
        return Problems.respond(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler({IllegalStateException.class, DeadLetterStateException.class})
    ResponseEntity<ProblemDetail> notAllowed(RuntimeException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violation",
                "Not allowed in the letter's state", e.getMessage());
        problem.setProperty("rule", "dead-letter-state");
        return Problems.respond(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    private DeadLetter letter(UUID id) {
        return store.get(id).orElseThrow(() -> new NoSuchElementException("dead letter " + id + " does not exist"));
    }

    private static Origin origin(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("origin must be kind:name, e.g. subscription:orders, not '" + text + "'");
        }
        return Origin.of(text.substring(0, colon), text.substring(colon + 1));
    }

    private static String actor(HttpServletRequest request) {
        return RequestMetadata.of(request, "idempotency-key").actor();
    }

    private static String text(Note note, String fallback) {
        return note == null || note.note() == null || note.note().isBlank() ? fallback : note.note();
    }
}
