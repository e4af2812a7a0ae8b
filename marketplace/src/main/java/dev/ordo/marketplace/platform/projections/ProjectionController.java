package dev.ordo.marketplace.platform.projections;

import dev.ordo.core.subscription.Subscription;
import dev.ordo.core.subscription.SubscriptionStatus;
import dev.ordo.jdbc.JdbcProjection;
import dev.ordo.jdbc.JdbcProjections;
import dev.ordo.spring.FedFromKafka;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The projections this process runs from its own store ({@link JdbcProjections}), whatever context they belong to:
 * their progress and lag, and rebuilds. Projections fed from Kafka ({@code ordo.kafka.projections}, in the services
 * mode) are not run by it and not listed; a process without a store lists none. Unknown projections are 404
 * problems; a rebuild while one runs is a 422 problem.
 */
@RestController
@RequestMapping("/projections")
@Tag(name = "projections", description = "Read models: progress, lag and rebuild")
class ProjectionController {

    private final ObjectProvider<JdbcProjections> runner;
    private final ObjectProvider<JdbcProjection> definitions;
    private final Predicate<String> fedFromKafka;
    private final ProjectionRebuilds rebuilds;

    ProjectionController(ObjectProvider<JdbcProjections> runner, ObjectProvider<JdbcProjection> definitions,
                         Environment environment, Clock clock) {
        this.runner = runner;
        this.definitions = definitions;
        this.fedFromKafka = FedFromKafka.of(environment, "ordo.kafka.projections");
        this.rebuilds = new ProjectionRebuilds(clock);
    }

    @GetMapping
    @Operation(summary = "The projections this application runs from its store, by name", description = "Each with "
            + "its version, its live subscription's state, checkpoint and lag, and whether a rebuild runs.")
    List<ProjectionView> list() {
        JdbcProjections running = runner.getIfAvailable();
        if (running == null) {
            return List.of();
        }
        return run().sorted(Comparator.comparing(JdbcProjection::name)).map(p -> view(running, p)).toList();
    }

    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild a projection from the first event", description = "In the background, into tables "
            + "beside the live read model, which keeps serving and being fed until the rebuilt one replaces it. "
            + "GET /projections shows when it has finished.")
    ProjectionView rebuild(@PathVariable String name) {
        JdbcProjections running = runner.getIfAvailable();
        JdbcProjection projection = running == null ? null
                : run().filter(p -> p.name().equals(name)).findFirst().orElse(null);
        if (projection == null) {
            throw ProjectionRuleViolation.notFound(name);
        }
        if (running.subscription(name).isEmpty()) {
            // a rebuild after a version change, which the live subscription waits for, or the swap of one
            throw ProjectionRuleViolation.rebuildRunning(name);
        }
        rebuilds.start(name, () -> running.rebuild(name));
        return view(running, projection);
    }

    /** The projection beans this process runs from its store, as its lifecycle starts them. */
    private Stream<JdbcProjection> run() {
        return definitions.orderedStream().filter(projection -> !fedFromKafka.test(projection.name()));
    }

    private ProjectionView view(JdbcProjections running, JdbcProjection projection) {
        String name = projection.name();
        Optional<SubscriptionStatus> live = running.subscription(name).map(Subscription::status);
        return new ProjectionView(name, projection.version(), live.orElse(null),
                live.isEmpty() || rebuilds.running(name), rebuilds.last(name).orElse(null));
    }
}
