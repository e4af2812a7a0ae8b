package dev.ordo.marketplace.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the errors that never reached Spring MVC's exception handlers (a servlet filter that failed, a status the
 * container sent) as RFC 9457 problems, in place of Spring Boot's own error JSON: a 5xx names only the correlation id
 * (the failure is logged with it), a 4xx names its status. Always {@code application/problem+json}, whatever the
 * request accepts.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        String correlationId = CorrelationFilter.correlationId(request);
        // the container may have reset the response of the failed request, and its headers with it
        response.setHeader(CorrelationFilter.HEADER, correlationId);
        ProblemDetail problem;
        if (status.is5xxServerError()) {
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            log.error("failure of {} {} outside the handlers (status {}, correlation id {})", request.getMethod(),
                    uri == null ? request.getRequestURI() : uri, status.value(), correlationId,
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            problem = ProblemHandler.internalError(correlationId);
            problem.setStatus(status.value());
        } else {
            problem = ProblemDetail.forStatusAndDetail(status, "the request was refused: " + status.getReasonPhrase());
            problem.setTitle(status.getReasonPhrase());
            problem.setProperty(Problems.CORRELATION_ID, correlationId);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(Object code) {
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
