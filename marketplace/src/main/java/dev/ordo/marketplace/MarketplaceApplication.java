package dev.ordo.marketplace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;

/** Starts the marketplace: with no configuration it keeps everything in {@code ./data/ordo.db}. */
@SpringBootApplication
public class MarketplaceApplication {

    private static final Logger log = LoggerFactory.getLogger(MarketplaceApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(MarketplaceApplication.class, args);
    }

    /** Tells the person who started it where to go. */
    @EventListener
    void announce(WebServerInitializedEvent event) {
        String base = "http://localhost:" + event.getWebServer().getPort();
        log.info("Marketplace is running at {} (API docs: {}/swagger-ui, health: {}/actuator/health)", base, base, base);
    }
}
