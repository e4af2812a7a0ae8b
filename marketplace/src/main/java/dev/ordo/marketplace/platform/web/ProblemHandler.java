package dev.ordo.marketplace.platform.web;

import dev.ordo.core.bus.command.CommandValidationException;
import dev.ordo.core.bus.command.LockTimeoutException;
import dev.ordo.core.event.InvalidStreamIdException;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.TransientFailures;
import dev.ordo.core.store.WrongExpectedVersionException;
import dev.ordo.marketplace.platform.idempotency.IdempotencyConflictException;
import dev.ordo.marketplace.platform.security.NotAllowedException;
import dev.ordo.marketplace.shared.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * The one place where errors become RFC 9457 problem responses ({@code application/problem+json}): 400 with the
 * fields that failed, 404 for an unknown order, product or path, 405/406/415 for a method, an {@code Accept} or a
 * content type the endpoint does not serve, 409 for a stale version (with the current one), 422 for a broken business
 * rule (naming the rule and the current status), 503 when the store is unavailable or busy, and 500 for anything
 * nobody expected. Every problem carries the request's {@code correlationId}; a 5xx says nothing else about the
 * failure (no message, class, SQL or stack trace: those are logged with the correlation id). Failures outside Spring
 * MVC are answered the same way by {@link ProblemErrorController}.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** One field that failed validation. */
    public record FieldError(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(e -> errors.add(new FieldError(e.getField(),
                e.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(e -> errors.add(new FieldError(e.getObjectName(),
                e.getDefaultMessage())));
        return badRequest("the request has invalid fields", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new FieldError(result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage()))));
        return badRequest("the request has invalid parameters", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String field = "body";
        String message = "the request body is not valid JSON for this endpoint";
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                field = path(databind.getPath());
                message = t instanceof InvalidFormatException format && format.getTargetType() == String.class
                        ? StorableText.RULE : "has the wrong type or format";
                break;
            }
            if (t instanceof JacksonException) {
                message = "is not valid JSON";
            }
        }
        return badRequest("the request body cannot be read", List.of(new FieldError(field, message)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return badRequest("a parameter has the wrong format", List.of(new FieldError(ex.getName(),
                "'" + ex.getValue() + "' is not a valid " + (ex.getRequiredType() == null ? "value"
                        : ex.getRequiredType().getSimpleName()))));
    }

    /** A body announced as multipart that is not: the request is malformed, not the server. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> notMultipart(MultipartException ex) {
        return badRequest("the request body cannot be read", List.of(new FieldError("body",
                "is not the multipart body its content type announces")));
    }

    @ExceptionHandler(StorableText.InvalidTextException.class)
    ResponseEntity<Object> unstorableText(StorableText.InvalidTextException ex) {
        return badRequest("the request has an invalid parameter", List.of(new FieldError(ex.field(),
                StorableText.RULE)));
    }

    @ExceptionHandler(CommandValidationException.class)
    ResponseEntity<Object> commandValidation(CommandValidationException ex) {
        return badRequest("the command has invalid fields", ex.violations().stream()
                .map(v -> new FieldError(v.field(), v.message())).toList());
    }

    @ExceptionHandler({IllegalArgumentException.class, InvalidStreamIdException.class})
    ResponseEntity<Object> illegalArgument(IllegalArgumentException ex) {
        return badRequest("the request has an invalid value", List.of(new FieldError("request", ex.getMessage())));
    }

    @ExceptionHandler(IfMatch.InvalidHeaderException.class)
    ResponseEntity<Object> invalidHeader(IfMatch.InvalidHeaderException ex) {
        return badRequest("a header has the wrong format", List.of(new FieldError(ex.header(), ex.getMessage())));
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Object> ruleViolation(RuleViolation ex) {
        boolean notFound = ex.rule().endsWith("-not-found");
        HttpStatus status = notFound ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = Problems.problem(status, notFound ? "not-found" : "rule-violation",
                notFound ? "Not found" : "Business rule violated", ex.getMessage());
        problem.setProperty("rule", ex.rule());
        ex.details().forEach(problem::setProperty);
        return Problems.respond(status).body(problem);
    }

    @ExceptionHandler(NotAllowedException.class)
    ResponseEntity<Object> notAllowed(NotAllowedException ex) {
        return Problems.respond(HttpStatus.FORBIDDEN)
                .body(Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", ex.getMessage()));
    }

    @ExceptionHandler(WrongExpectedVersionException.class)
    ResponseEntity<Object> versionConflict(WrongExpectedVersionException ex) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "version-conflict", "Version conflict",
                "the resource was changed: it is at version " + ex.actualVersion() + ", the request expected "
                        + ex.expected() + "; reload it and retry");
        problem.setProperty("currentVersion", ex.actualVersion());
        problem.setProperty("expectedVersion", ex.expected().toString());
        return Problems.respond(HttpStatus.CONFLICT).eTag(IfMatch.etag(ex.actualVersion())).body(problem);
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ResponseEntity<Object> idempotency(IdempotencyConflictException ex) {
        HttpStatus status = ex.inProgress() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = Problems.problem(status,
                ex.inProgress() ? "idempotency-in-progress" : "idempotency-key-reused",
                ex.inProgress() ? "Request in progress" : "Idempotency-Key reused", ex.getMessage());
        problem.setProperty("rule", ex.inProgress() ? "idempotency-in-progress" : "idempotency-key-reused");
        ResponseEntity.BodyBuilder builder = Problems.respond(status);
        if (ex.inProgress()) {
            builder.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return builder.body(problem);
    }

    @ExceptionHandler(LockTimeoutException.class)
    ResponseEntity<Object> busy(LockTimeoutException ex) {
        return Problems.respond(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy", ex.getMessage()));
    }

    @ExceptionHandler(EventStoreUnavailableException.class)
    ResponseEntity<Object> unavailable(EventStoreUnavailableException ex) {
        return unavailable((Exception) ex);
    }

    /** The database (of the store, or of the marketplace's own tables) is down or busy: retry later. */
    private ResponseEntity<Object> unavailable(Exception ex) {
        String correlationId = Problems.correlationId();
        log.warn("the database is unavailable (correlation id {})", correlationId, ex);
        return Problems.respond(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
                        "the event store cannot be reached; retry later (correlation id " + correlationId + ")"));
    }

    /** Anything else is a bug or an outage nobody planned for: logged in full, answered with nothing of it. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
        if (TransientFailures.isTransient(ex)) {
            return unavailable(ex);
        }
        String correlationId = Problems.correlationId();
        log.error("unexpected failure of {} {} (correlation id {})", request.getMethod(), request.getRequestURI(),
                correlationId, ex);
        return Problems.respond(HttpStatus.INTERNAL_SERVER_ERROR).body(internalError(correlationId));
    }

    /** The problems Spring MVC makes itself (404, 405, 406, 415...) get the correlation id; a 5xx says nothing else. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.is5xxServerError()) {
            String correlationId = Problems.correlationId();
            log.error("failure of {} (correlation id {})", request.getDescription(false), correlationId, ex);
            return createResponseEntity(internalError(correlationId), headers, statusCode, request);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (!(body instanceof ProblemDetail problem)) {
            return super.createResponseEntity(body, headers, statusCode, request);
        }
        if (problem.getProperties() == null || !problem.getProperties().containsKey(Problems.CORRELATION_ID)) {
            problem.setProperty(Problems.CORRELATION_ID, Problems.correlationId());
        }
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.addAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.createResponseEntity(problem, problemHeaders, statusCode, request);
    }

    /** The body of a 500: the correlation id to quote, nothing about the failure. */
    static ProblemDetail internalError(String correlationId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the server failed to handle the request; quote correlation id " + correlationId
                        + " when you report it");
        problem.setType(URI.create(Problems.TYPES + "internal-error"));
        problem.setTitle("Internal error");
        problem.setProperty(Problems.CORRELATION_ID, correlationId);
        return problem;
    }

    private static ResponseEntity<Object> badRequest(String detail, List<FieldError> errors) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        problem.setProperty("errors", errors.stream().sorted(Comparator.comparing(FieldError::field)).toList());
        return Problems.respond(HttpStatus.BAD_REQUEST).body(problem);
    }


    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
