package dev.ordo.gateway;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The edge's per-client rate limit (Bucket4j token buckets, the most recently seen {@code clients} kept): over it, 429
 * problem+json {@code rate-limited} with {@code Retry-After}; refusals counted in {@code marketplace.rate.limited}.
 */
final class EdgeRateLimit extends OncePerRequestFilter {

    private static final String TYPES = "https://ordo.dev/problems/";

    /**
     * {@code marketplace.rate-limit.*}, as in the embedded app: {@code capacity} requests at once per client, refilled
     * evenly over {@code period}.
     */
    @ConfigurationProperties("marketplace.rate-limit")
    record Limits(@DefaultValue("true") boolean enabled, @DefaultValue("600") long capacity,
                  @DefaultValue("1m") Duration period, @DefaultValue("100000") int clients) {
    }

    private final Limits limits;
    private final Map<String, Bucket> buckets;
    private final MeterRegistry registry;

    EdgeRateLimit(Limits limits, MeterRegistry registry) {
        this.limits = limits;
        this.registry = registry;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > limits.clients();
            }
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean bySubject = authentication instanceof JwtAuthenticationToken;
        String client = bySubject ? "sub:" + authentication.getName() : "ip:" + request.getRemoteAddr();
        ConsumptionProbe probe = bucket(client).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        Counter.builder("marketplace.rate.limited").description("Requests refused by the rate limit")
                .tag("by", bySubject ? "subject" : "address").register(registry).increment();
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        response.setHeader("Retry-After", Long.toString(seconds));
        problem(request, response, 429, "rate-limited", "Too many requests",
                "this client sent more requests than its rate allows; try again in " + seconds + " s");
    }

    /** A refused bearer token, as the services would answer it: 401 problem+json {@code unauthenticated}. */
    static void unauthenticated(HttpServletRequest request, HttpServletResponse response,
                                AuthenticationException exception) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        problem(request, response, 401, "unauthenticated", "Authentication required",
                "the bearer token is not valid (expired, wrongly signed or malformed)");
    }

    private Bucket bucket(String client) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(client, any -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(limits.capacity())
                            .refillGreedy(limits.capacity(), limits.period()).build())
                    .build());
        }
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, int status, String type,
                                String title, String detail) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"" + TYPES + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"instance\":\"" + request.getRequestURI().replace("\"", "%22")
                .replace("\\", "%5C") + "\"}");
    }
}
