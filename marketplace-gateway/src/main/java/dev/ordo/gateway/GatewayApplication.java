package dev.ordo.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The marketplace's public HTTP API when it runs as services (ADR 27): each request goes to the service that owns its
 * path, headers (Idempotency-Key, If-Match, correlation) and bodies (problem+json errors included) pass through
 * unchanged. The routes are in {@code application.yml}; the services' addresses come from
 * {@code marketplace.gateway.*-url}. The OpenAPI document is the services' documents merged
 * ({@link ApiDocsConfiguration}).
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
