package dev.ordo.core.deadletter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A {@link DeadLetterStore} in memory, for tests and embedded use without a database. Letters are lost when the
 * process ends. Thread-safe: every operation holds one lock.
 */
public final class InMemoryDeadLetterStore implements DeadLetterStore {

    private record Identity(Origin origin, String messageId) {
    }

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<UUID, DeadLetter> letters = new LinkedHashMap<>();
    private final Map<Identity, UUID> byIdentity = new HashMap<>();
    private final Map<UUID, List<DeadLetterAction>> histories = new HashMap<>();

    public InMemoryDeadLetterStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A store on the system clock. */
    public InMemoryDeadLetterStore() {
        this(Clock.systemUTC());
    }

    @Override
    public DeadLetter recordFailure(Origin origin, String key, FailedMessage message, Failure failure,
                                    DeadLetterPolicy policy) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(policy, "policy");
        return byMessage(origin, message, current -> DeadLetterTransitions.recordFailure(current, UUID.randomUUID(),
                origin, key, message, failure, policy, now()));
    }

    @Override
    public DeadLetter hold(Origin origin, String key, FailedMessage message, String reason) {
        return byMessage(origin, message, current -> DeadLetterTransitions.hold(current, UUID.randomUUID(), origin, key,
                message, reason, now()));
    }

    @Override
    public Optional<DeadLetter> get(UUID id) {
        lock.lock();
        try {
            return Optional.ofNullable(letters.get(id));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<DeadLetter> find(Origin origin, String messageId) {
        lock.lock();
        try {
            return Optional.ofNullable(byIdentity.get(new Identity(origin, messageId))).map(letters::get);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<DeadLetter> list(DeadLetterQuery query) {
        lock.lock();
        try {
            return letters.values().stream()
                    .filter(l -> query.origin() == null || l.origin().equals(query.origin()))
                    .filter(l -> query.status() == null || l.status() == query.status())
                    .skip(query.offset()).limit(query.limit()).toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Map<Origin, Long> countByOrigin(DeadLetterStatus status) {
        Objects.requireNonNull(status, "status");
        Map<Origin, Long> counts = new HashMap<>();
        lock.lock();
        try {
            letters.values().stream().filter(l -> l.status() == status)
                    .forEach(l -> counts.merge(l.origin(), 1L, Long::sum));
        } finally {
            lock.unlock();
        }
        return Map.copyOf(counts);
    }

    @Override
    public List<DeadLetter> dueForRetry(Origin origin, int limit) {
        Instant now = now();
        lock.lock();
        try {
            return letters.values().stream()
                    .filter(l -> l.origin().equals(origin) && l.isDue(now))
                    .sorted(Comparator.comparing(DeadLetter::nextAttemptAt))
                    .limit(limit).toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public DeadLetter resolve(UUID id, String actor, String note) {
        return byId(id, current -> DeadLetterTransitions.resolve(current, actor, note, now()));
    }

    @Override
    public DeadLetter park(UUID id, String actor, String note) {
        return byId(id, current -> DeadLetterTransitions.park(current, actor, note, now()));
    }

    @Override
    public DeadLetter redrive(UUID id, String actor, String note) {
        return byId(id, current -> DeadLetterTransitions.redrive(current, actor, note, now()));
    }

    @Override
    public int redriveAll(Origin origin, String actor, String note) {
        lock.lock();
        try {
            List<DeadLetter> parked = letters.values().stream()
                    .filter(l -> l.origin().equals(origin) && l.status() == DeadLetterStatus.PARKED).toList();
            Instant now = now();
            parked.forEach(letter -> apply(DeadLetterTransitions.redrive(letter, actor, note, now)));
            return parked.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public DeadLetter discard(UUID id, String actor, String note) {
        return byId(id, current -> DeadLetterTransitions.discard(current, actor, note, now()));
    }

    @Override
    public List<DeadLetterAction> history(UUID id) {
        lock.lock();
        try {
            return List.copyOf(histories.getOrDefault(id, List.of()));
        } finally {
            lock.unlock();
        }
    }

    private DeadLetter byMessage(Origin origin, FailedMessage message,
                                 Function<DeadLetter, DeadLetterTransitions.Change> transition) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
        lock.lock();
        try {
            UUID id = byIdentity.get(new Identity(origin, message.id()));
            return apply(transition.apply(id == null ? null : letters.get(id)));
        } finally {
            lock.unlock();
        }
    }

    private DeadLetter byId(UUID id, Function<DeadLetter, DeadLetterTransitions.Change> transition) {
        lock.lock();
        try {
            DeadLetter current = letters.get(id);
            if (current == null) {
                throw new NoSuchElementException("no dead letter with id " + id);
            }
            return apply(transition.apply(current));
        } finally {
            lock.unlock();
        }
    }

    private DeadLetter apply(DeadLetterTransitions.Change change) {
        DeadLetter letter = change.letter();
        if (change.changed()) {
            letters.put(letter.id(), letter);
            byIdentity.put(new Identity(letter.origin(), letter.message().id()), letter.id());
            histories.computeIfAbsent(letter.id(), id -> new ArrayList<>()).addAll(change.actions());
        }
        return letter;
    }

    private Instant now() {
        Instant now = clock.instant();
        return Instant.ofEpochSecond(now.getEpochSecond(), now.getNano() / 1_000 * 1_000);
    }
}
