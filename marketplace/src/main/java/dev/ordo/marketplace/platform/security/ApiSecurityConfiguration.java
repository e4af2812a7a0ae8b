package dev.ordo.marketplace.platform.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The API's access rules: who needs which role for which path. Ownership (a customer's own orders, a producer's own
 * products) is checked where the owner is known, in the controllers, through {@link Caller}. Stateless (a bearer token
 * on every request, no session, so no CSRF token), CORS for the configured origins only, Spring Security's security
 * headers, and 401/403 as problems ({@link SecurityProblems}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({SecurityProperties.class, RateLimitProperties.class})
public class ApiSecurityConfiguration {

    private static final String OPERATOR = Role.OPERATOR.name();
    private static final String PRODUCER = Role.PRODUCER.name();
    private static final String CUSTOMER = Role.CUSTOMER.name();
    /** How many decoded tokens are kept (one per client that is active within a token's lifetime). */
    private static final long DECODED_TOKENS = 10_000;

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, ObjectProvider<RateLimiter> limiter,
                            JwtDecoder tokens) {
        limit(http, limiter);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless: no saved request to return to, no logout
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .cors(Customizer.withDefaults())
                .headers(headers -> headers.referrerPolicy(referrer ->
                        referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(ApiSecurityConfiguration::rules)
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new BearerTokens())
                        .jwt(jwt -> jwt.decoder(new CachingJwtDecoder(tokens, DECODED_TOKENS, Clock.systemUTC()))
                                .jwtAuthenticationConverter(new CallerTokens(properties.claims())))
                        .authenticationEntryPoint(SecurityProblems.unauthenticated())
                        .accessDeniedHandler(SecurityProblems.forbidden()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(SecurityProblems.unauthenticated())
                        .accessDeniedHandler(SecurityProblems.forbidden()));
        return http.build();
    }

    private static void rules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                .requestMatchers("/error").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                .permitAll()
                .requestMatchers("/swagger-ui", "/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs", "/v3/api-docs/**")
                .permitAll()
                // the web pages are public files: what they show comes from the API with the user's token
                .requestMatchers(GET, "/", "/ui", "/ui/**", "/webjars/**", "/favicon.ico", "/sign-in").permitAll()
                .requestMatchers(GET, "/catalog/**").permitAll()
                .requestMatchers(POST, "/orders/quote").permitAll()
                .requestMatchers("/catalog/**").hasAnyRole(PRODUCER, OPERATOR)
                .requestMatchers("/dead-letters/**", "/sagas/**", "/actuator/**").hasRole(OPERATOR)
                .requestMatchers("/projections/**", "/projections").hasRole(OPERATOR)
                .requestMatchers(POST, "/orders/*/fulfilment/cancel", "/orders/*/shipment", "/orders/*/delivery",
                        "/inventory/*/deliveries").hasRole(OPERATOR)
                .requestMatchers("/payments/**", "/shipments/**").hasRole(OPERATOR)
                .requestMatchers("/orders/**", "/orders", "/customers/*/notifications").hasAnyRole(CUSTOMER, OPERATOR)
                .requestMatchers("/inventory/**", "/inventory", "/analytics/**", "/analytics")
                .hasAnyRole(PRODUCER, OPERATOR)
                .requestMatchers("/live/**").hasAnyRole(CUSTOMER, OPERATOR)
                .anyRequest().authenticated();
    }

    /**
     * The per-client rate limit of the embedded app ({@code marketplace.rate-limit.*}); the services of the distributed
     * mode leave it to the gateway.
     */
    @Bean
    @ConditionalOnExpression("${marketplace.rate-limit.enabled:true} and '${marketplace.service:}'.isEmpty()")
    RateLimiter rateLimiter(RateLimitProperties limits, MeterRegistry registry) {
        return new RateLimiter(limits, registry);
    }

    /** Puts the rate limit, when there is one, into a filter chain, after authentication and before authorization. */
    static void limit(HttpSecurity http, ObjectProvider<RateLimiter> limiter) {
        limiter.ifAvailable(available -> http.addFilterBefore(new RateLimitFilter(available),
                AuthorizationFilter.class));
    }

    /**
     * No observations of Spring Security's own filters, authentication and authorization: each filter would be wrapped
     * in an observation (a span) on every request, measured at a tenth of a small request's cost, while the request's
     * own span already covers them.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "Idempotency-Key",
                "X-Correlation-Id", "traceparent"));
        cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "X-Correlation-Id", "Idempotent-Replayed"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
