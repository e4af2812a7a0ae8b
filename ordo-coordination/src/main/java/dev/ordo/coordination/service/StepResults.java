package dev.ordo.coordination.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/** {@link Results} over a copied map of step results, readable by a set of step names. Immutable. */
final class StepResults implements Results {

    /** Stands for a {@code null} result in the map. */
    private static final Object NULL = new Object();

    private final String reader;
    private final Set<String> readable;
    private final Map<String, Object> values;

    private StepResults(String reader, Set<String> readable, Map<String, Object> values) {
        this.reader = reader;
        this.readable = readable;
        this.values = values;
    }

    /**
     * Results copied from {@code completed} (in its iteration order), restricted to the readable names.
     *
     * @param reader who reads them, for error messages ("step 'quote'")
     */
    static StepResults of(String reader, Set<String> readable, Map<String, Object> completed) {
        Map<String, Object> values = new LinkedHashMap<>();
        completed.forEach((step, value) -> {
            if (readable.contains(step)) {
                values.put(step, value == null ? NULL : value);
            }
        });
        return new StepResults(reader, Set.copyOf(readable), Collections.unmodifiableMap(values));
    }

    @Override
    public <T> T get(StepKey<T> key) {
        checkReadable(key);
        Object value = values.get(key.name());
        if (value == null) {
            throw new NoSuchElementException("step '" + key.name() + "' did not complete; completed: " + steps());
        }
        return unmask(value);
    }

    @Override
    public <T> Optional<T> find(StepKey<T> key) {
        checkReadable(key);
        Object value = values.get(key.name());
        return value == null ? Optional.empty() : Optional.ofNullable(unmask(value));
    }

    @Override
    public boolean contains(StepKey<?> key) {
        return key != null && values.containsKey(key.name());
    }

    @Override
    public List<String> steps() {
        return List.copyOf(values.keySet());
    }

    private void checkReadable(StepKey<?> key) {
        if (!readable.contains(key.name())) {
            List<String> allowed = new ArrayList<>(readable);
            Collections.sort(allowed);
            throw new IllegalArgumentException(reader + " may not read step '" + key.name()
                    + "': it is not a declared dependency; readable: " + allowed);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T unmask(Object value) {
        return value == NULL ? null : (T) value;
    }

    @Override
    public String toString() {
        return "Results" + steps();
    }
}
