package dev.ordo.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.config.RouteProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.client.RestTemplate;

/**
 * What the edge checks before it routes: a bearer token, when one is sent, must be valid (signed by the issuer whose
 * keys {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} names, not expired), otherwise 401 here; a
 * request without one goes on, since reading the catalog needs none and each service enforces its own rules with the
 * token it receives unchanged. Each client (the token's subject, else the address) is rate-limited
 * ({@link EdgeRateLimit}). An issuer that is one of the routes' services (the orders service's development issuer) is
 * asked for its keys like the routes call it, with {@code spring.http.clients.*} (its TLS bundle among them); any other
 * issuer with the JDK's default trust.
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

    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer issuerKeysFromAService(
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String keys,
            GatewayMvcProperties gateway, ClientHttpRequestFactory services) {
        return decoder -> {
            if (!keys.isBlank() && isAService(URI.create(keys), gateway)) {
                decoder.restOperations(new RestTemplate(services));
            }
        };
    }

    private static boolean isAService(URI keys, GatewayMvcProperties gateway) {
        return gateway.getRoutes().stream().map(RouteProperties::getUri).anyMatch(service -> service != null
                && keys.getScheme().equalsIgnoreCase(service.getScheme())
                && keys.getRawAuthority().equalsIgnoreCase(service.getRawAuthority()));
    }
}
