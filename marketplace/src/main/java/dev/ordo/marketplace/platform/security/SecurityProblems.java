package dev.ordo.marketplace.platform.security;

import dev.ordo.marketplace.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals of Spring Security as RFC 9457 problems: 401 {@code unauthenticated} (no token, or an expired or wrongly
 * signed one; with the {@code WWW-Authenticate} header of RFC 6750) and 403 {@code forbidden} (a role the caller does
 * not have). The detail never repeats the token.
 */
final class SecurityProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SecurityProblems() {
    }

    static AuthenticationEntryPoint unauthenticated() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    reason(exception));
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(request, response, HttpStatus.FORBIDDEN, "forbidden",
                "Not allowed", denial(exception));
    }

    private static String reason(AuthenticationException exception) {
        String message = exception.getMessage();
        if (message != null && message.contains("expired")) {
            return "the bearer token has expired; get a new one";
        }
        return message != null && message.startsWith("Full authentication")
                ? "this request needs a bearer token (Authorization: Bearer ...)"
                : "the bearer token is not valid (wrong signature, malformed or not yet valid)";
    }

    private static String denial(AccessDeniedException exception) {
        return "your roles (" + Caller.current().roles() + ") do not allow this request";
    }

    /** Writes a problem of ours as the response. */
    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                      String title, String detail) throws IOException {
        ProblemDetail problem = Problems.problem(status, type, title, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
