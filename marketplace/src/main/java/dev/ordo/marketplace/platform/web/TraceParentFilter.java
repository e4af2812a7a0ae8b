package dev.ordo.marketplace.platform.web;

import dev.ordo.core.trace.Tracing;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the trace context a request's commands continue: the request's own server span (current when the request
 * gets here, inside the server's observation filter), or, when nothing traces requests, the caller's
 * {@code traceparent} header as it came. So the spans of the commands are children of the request's span rather than
 * siblings of it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class TraceParentFilter extends OncePerRequestFilter {

    static final String HEADER = "traceparent";
    private static final String ATTRIBUTE = TraceParentFilter.class.getName();

    private final Tracing tracing;

    public TraceParentFilter(Tracing tracing) {
        this.tracing = tracing;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String current = tracing.current();
        request.setAttribute(ATTRIBUTE, current != null ? current : request.getHeader(HEADER));
        chain.doFilter(request, response);
    }

    /** The {@code traceparent} the request's commands continue, or {@code null} when it has none. */
    public static String traceParent(HttpServletRequest request) {
        Object kept = request.getAttribute(ATTRIBUTE);
        return kept != null ? kept.toString() : request.getHeader(HEADER);
    }
}
