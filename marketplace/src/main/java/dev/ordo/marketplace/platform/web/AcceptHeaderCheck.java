package dev.ordo.marketplace.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a request whose {@code Accept} header makes its answer impossible, before its handler runs: a header that is
 * not a list of media types is a 400, and a command (any method but GET, HEAD and OPTIONS) that accepts no JSON is a
 * 406. Otherwise a command would take effect and only then fail to be answered, and its client, seeing an error,
 * could not know it did.
 */
final class AcceptHeaderCheck implements HandlerInterceptor {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON,
            MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        List<String> headers = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (headers.isEmpty()) {
            return true;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(headers);
        } catch (InvalidMediaTypeException e) {
            throw new IfMatch.InvalidHeaderException(HttpHeaders.ACCEPT, "is not a list of media types");
        }
        if (!SAFE.contains(request.getMethod()) && !accepted.isEmpty()
                && accepted.stream().noneMatch(type -> ANSWERS.stream().anyMatch(type::isCompatibleWith))) {
            throw new HttpMediaTypeNotAcceptableException(ANSWERS);
        }
        return true;
    }
}
