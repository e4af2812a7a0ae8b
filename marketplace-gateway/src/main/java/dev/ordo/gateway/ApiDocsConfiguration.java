package dev.ordo.gateway;

import static org.springframework.web.servlet.function.RequestPredicates.GET;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /v3/api-docs} on the gateway: the services' OpenAPI documents merged into one ({@link ApiDocuments}),
 * answered before any route to a service; 503 problem+json naming the service when one cannot be read. The documents
 * are read like the routes call the services: with {@code spring.http.clients.*} (its TLS bundle among them), but
 * within {@code timeout}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiDocsConfiguration.Properties.class)
class ApiDocsConfiguration {

    /**
     * @param services the services whose documents make the public one, the orders service first (see
     *                 {@link ApiDocuments#ApiDocuments})
     * @param timeout  how long to wait for each service's document
     */
    @ConfigurationProperties("marketplace.gateway.api-docs")
    record Properties(List<URI> services, @DefaultValue("5s") Duration timeout) {
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> apiDocsRoute(Properties properties, ClientHttpRequestFactoryBuilder<?> requests,
                                                HttpClientSettings settings) {
        ApiDocuments documents = new ApiDocuments(properties.services(),
                requests.build(settings.withTimeouts(properties.timeout(), properties.timeout())));
        return RouterFunctions.route(GET("/v3/api-docs"), request -> answer(documents, request));
    }

    private static ServerResponse answer(ApiDocuments documents, ServerRequest request) {
        try {
            String publicUrl = ServletUriComponentsBuilder.fromContextPath(request.servletRequest()).toUriString();
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(documents.merged(publicUrl));
        } catch (ApiDocuments.UnavailableException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
            problem.setTitle("API document unavailable");
            return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }
}
