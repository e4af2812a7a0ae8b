package dev.ordo.coordination.participant;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.Map;
import java.util.Optional;

/**
 * The participants of an application by name: asking twice for a name gives the same participant, so operations
 * that call one provider share its circuit breaker and its bulkhead. Breakers come from the given
 * {@link CircuitBreakerRegistry}, so registries (or standalone participants) built on one breaker registry share
 * breakers too. Thread-safe.
 */
public interface ParticipantRegistry {

    /** A registry whose breakers come from a new {@link CircuitBreakerRegistry#ofDefaults()}. */
    static ParticipantRegistry ofDefaults() {
        return of(CircuitBreakerRegistry.ofDefaults());
    }

    /** A registry whose breakers come from the given registry. */
    static ParticipantRegistry of(CircuitBreakerRegistry circuitBreakers) {
        return new DefaultParticipantRegistry(circuitBreakers);
    }

    /** The participant of that name, created with {@link ParticipantConfig#ofDefaults()} if there is none. */
    Participant participant(String name);

    /**
     * The participant of that name, created with the given configuration if there is none; an existing participant
     * keeps the configuration it was created with (as Resilience4j's registries do).
     *
     * @throws IllegalArgumentException when the name is blank
     */
    Participant participant(String name, ParticipantConfig config);

    /** The participant of that name, if one was created. */
    Optional<Participant> find(String name);

    /** Each participant's circuit breaker state now, by participant name in alphabetical order. */
    Map<String, CircuitBreaker.State> states();

    /** Where the circuit breakers come from. */
    CircuitBreakerRegistry circuitBreakers();
}
