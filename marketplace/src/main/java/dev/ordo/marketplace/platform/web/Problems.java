package dev.ordo.marketplace.platform.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * How the marketplace writes an RFC 9457 problem: a type under {@value #TYPES}, a title, a detail, and the request's
 * {@code correlationId}; sent as {@code application/problem+json} whatever the request's {@code Accept} says, so that
 * an odd {@code Accept} header can never turn a problem into an empty answer.
 */
public final class Problems {

    /** Where the problem types live. */
    public static final String TYPES = "https://ordo.dev/problems/";
    /** The property naming the request's correlation id. */
    public static final String CORRELATION_ID = "correlationId";

    private Problems() {
    }

    /** A problem of a type of ours, with the current request's correlation id. */
    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        problem.setProperty(CORRELATION_ID, correlationId());
        return problem;
    }

    /** A response of that status whose body is sent as {@code application/problem+json}. */
    public static ResponseEntity.BodyBuilder respond(HttpStatus status) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** The correlation id of the request being answered (see {@link CorrelationFilter}), or {@code none}. */
    static String correlationId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return CorrelationFilter.correlationId(attributes.getRequest());
        }
        return "none";
    }
}
