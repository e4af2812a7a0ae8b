package dev.ordo.marketplace.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web layer's answers to what a client may send before any handler runs: an {@code Accept} that cannot be
 * satisfied ({@link AcceptHeaderCheck}); text that no store keeps ({@link StorableText}); an encoded slash in a path
 * segment, passed through to the handlers (which refuse it as a malformed id with a 400 problem) instead of Tomcat's
 * HTML error page; and every other error the container answers by itself, as a problem ({@link ProblemReportValve}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AcceptHeaderCheck());
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                StorableText.check(request.getParameterMap());
                return true;
            }
        });
    }

    /** The web pages (module marketplace-ui) start at /ui/, and so does the site. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/ui/");
        registry.addRedirectViewController("/ui", "/ui/");
        registry.addViewController("/ui/").setViewName("forward:/ui/index.html");
    }

    /** Spring Boot adds every Jackson module bean to the web layer's mapper (never to the events' mapper). */
    @Bean
    JacksonModule storableText() {
        return StorableText.module();
    }

    /** Unordered, so it runs after Spring Boot's own customizer, which puts a plain ErrorReportValve on the host. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemsFromTheContainer() {
        return factory -> {
            factory.addConnectorCustomizers(connector ->
                    connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new ProblemReportValve());
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
        };
    }
}
