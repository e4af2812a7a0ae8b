package dev.ordo.coordination.participant;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The {@link ParticipantRegistry}. Thread-safe. */
final class DefaultParticipantRegistry implements ParticipantRegistry {

    private final CircuitBreakerRegistry circuitBreakers;
    private final ConcurrentMap<String, Participant> participants = new ConcurrentHashMap<>();

    DefaultParticipantRegistry(CircuitBreakerRegistry circuitBreakers) {
        this.circuitBreakers = Objects.requireNonNull(circuitBreakers, "circuitBreakers");
    }

    @Override
    public Participant participant(String name) {
        return participant(name, ParticipantConfig.ofDefaults());
    }

    @Override
    public Participant participant(String name, ParticipantConfig config) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        return participants.computeIfAbsent(name, n -> new DefaultParticipant(n, config, circuitBreakers));
    }

    @Override
    public Optional<Participant> find(String name) {
        return Optional.ofNullable(participants.get(name));
    }

    @Override
    public Map<String, CircuitBreaker.State> states() {
        Map<String, CircuitBreaker.State> states = new TreeMap<>();
        participants.forEach((name, participant) -> states.put(name, participant.state()));
        return Collections.unmodifiableMap(states);
    }

    @Override
    public CircuitBreakerRegistry circuitBreakers() {
        return circuitBreakers;
    }
}
