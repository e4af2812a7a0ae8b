package dev.ordo.bench.http;

/**
 * The baseline: {@code GET /actuator/health/liveness} in a loop, the server's bare HTTP round trip through the same
 * stack (Tomcat, Spring MVC, JSON) without touching the store. Same client, same connections, same recording as
 * the commands.
 */
final class LivenessClient implements LoadRun.Client {

    static final String PATH = "actuator/health/liveness";

    private final MarketplaceApi api;

    LivenessClient(MarketplaceApi api) {
        this.api = api;
    }

    @Override
    public void step(ClientStats stats) throws InterruptedException {
        stats.timed("GET /" + PATH, () -> api.get(PATH));
    }
}
