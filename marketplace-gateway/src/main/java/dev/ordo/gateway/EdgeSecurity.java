package dev.ordo.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * What the edge checks before it routes: a bearer token, when one is sent, must be valid (signed by the issuer whose
 * keys {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} names, not expired), otherwise 401 here; a
 * request without one goes on, since reading the catalog needs none and each service enforces its own rules with the
 * token it receives unchanged. Each client (the token's subject, else the address) is rate-limited
 * ({@link EdgeRateLimit}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeRateLimit.Limits.class)
class EdgeSecurity {

    @Bean
    SecurityFilterChain edge(HttpSecurity http, EdgeRateLimit.Limits limits, MeterRegistry registry) {
        if (limits.enabled()) {
            http.addFilterBefore(new EdgeRateLimit(limits, registry), AuthorizationFilter.class);
        }
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { })
                        .authenticationEntryPoint(EdgeRateLimit::unauthenticated));
        return http.build();
    }
}
