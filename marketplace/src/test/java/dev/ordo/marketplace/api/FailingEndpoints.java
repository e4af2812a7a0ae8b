package dev.ordo.marketplace.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Endpoints that fail the way a bug does, for tests of what a client sees then: an exception whose message holds SQL,
 * class names and a secret; an {@link Error}; and a failure in a servlet filter, outside Spring MVC. Imported by a
 * test class only ({@code @TestConfiguration}, so the application's component scan skips it and its nested class).
 */
@TestConfiguration(proxyBeanMethods = false)
class FailingEndpoints {

    /** What a leaked internal message would show. */
    static final String SECRET = "SELECT card_number FROM payments WHERE secret = 'hunter2'";

    /** Registered as a member class of this configuration. */
    @RestController
    static class Failing {

        @GetMapping("/test-failures/exception")
        String exception() {
            throw new IllegalStateException("could not run " + SECRET + " in dev.ordo.marketplace.Internals",
                    new java.sql.SQLException(SECRET, "42601"));
        }

        @GetMapping("/test-failures/error")
        String error() {
            throw new StackOverflowError(SECRET);
        }
    }

    @Bean
    OncePerRequestFilter failingFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (request.getRequestURI().equals("/test-failures/filter")) {
                    throw new IllegalStateException("a filter failed on " + SECRET);
                }
                chain.doFilter(request, response);
            }
        };
    }
}
