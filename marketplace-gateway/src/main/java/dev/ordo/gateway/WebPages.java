package dev.ordo.gateway;

import java.net.URI;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.webjars.WebJarVersionLocator;

/**
 * The marketplace's web pages (module marketplace-ui) served by the gateway itself, ahead of the routes (whose last one
 * sends every other path to the orders service): {@code /ui/**}, the webjars they load (by a path without the
 * version, as the embedded app serves them), and {@code /} sending the browser to {@code /ui/}. The pages call the API
 * through the gateway with the user's token, so they work here as they do in the embedded app.
 */
@Configuration(proxyBeanMethods = false)
class WebPages {

    private static final String PAGES = "META-INF/resources/ui/";
    private static final String WEBJARS = "/webjars/";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> webPagesRoute() {
        WebJarVersionLocator webJars = new WebJarVersionLocator();
        return RouterFunctions.route()
                .GET("/", request -> toPages())
                .GET("/ui", request -> toPages())
                .GET("/ui/", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .body(new ClassPathResource(PAGES + "index.html")))
                .resources("/ui/**", new ClassPathResource(PAGES))
                .resources(request -> webJar(request, webJars))
                .build();
    }

    private static ServerResponse toPages() {
        return ServerResponse.status(302).location(URI.create("/ui/")).build();
    }

    /** {@code /webjars/<name>/<path>} from the webjar's versioned folder; empty for any other path. */
    private static Optional<Resource> webJar(ServerRequest request, WebJarVersionLocator webJars) {
        String path = request.path();
        if (!path.startsWith(WEBJARS) || path.contains("..")) {
            return Optional.empty();
        }
        String rest = path.substring(WEBJARS.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String full = webJars.fullPath(rest.substring(0, slash), rest.substring(slash + 1));
        return Optional.ofNullable(full).<Resource>map(ClassPathResource::new).filter(Resource::exists);
    }
}
