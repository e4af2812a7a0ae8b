package dev.ordo.marketplace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.event.EventListener;

/**
 * Starts the marketplace: with no configuration every context in one process, keeping everything in
 * {@code ./data/ordo.db}; with {@code --marketplace.service=<name>}, one of its services instead (see
 * {@link Services}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.ordo\\.marketplace\\.services\\..*")})
public class MarketplaceApplication {

    private static final Logger log = LoggerFactory.getLogger(MarketplaceApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(Services.application(args).orElse(MarketplaceApplication.class), args);
    }

    /** Tells the person who started it where to go. */
    @EventListener
    void announce(WebServerInitializedEvent event) {
        // 127.0.0.1, not localhost: the issuer sends a browser that signed in back there (RFC 8252)
        String base = "http://127.0.0.1:" + event.getWebServer().getPort();
        log.info("Marketplace is running at {} (web UI: {}/, API docs: {}/swagger-ui, health: {}/actuator/health)",
                base, base, base, base);
    }
}
