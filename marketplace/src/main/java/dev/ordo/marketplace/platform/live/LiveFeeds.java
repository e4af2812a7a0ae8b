package dev.ordo.marketplace.platform.live;

import org.springframework.context.SmartLifecycle;

/**
 * The live feeds of this process, started with the application and closed first when it stops: in the default
 * lifecycle phase, before the web server's graceful shutdown, which would otherwise wait for every open stream.
 *
 * @param orders        every order's events, by customer
 * @param notifications every notification sent, by customer
 */
record LiveFeeds(LiveFeed orders, LiveFeed notifications) implements SmartLifecycle {

    @Override
    public void start() {
        orders.start();
        notifications.start();
    }

    /** Closes both feeds, completing every open stream; idempotent. */
    @Override
    public void stop() {
        orders.close();
        notifications.close();
    }

    @Override
    public boolean isRunning() {
        return orders.isRunning() || notifications.isRunning();
    }
}
