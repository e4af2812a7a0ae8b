package dev.ordo.coordination;

import dev.ordo.coordination.event.CoordinationEvent;
import dev.ordo.coordination.event.CoordinationListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event it gets, from any thread, in arrival order. */
public final class RecordingListener implements CoordinationListener {

    private final List<CoordinationEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void on(CoordinationEvent event) {
        events.add(event);
    }

    public List<CoordinationEvent> events() {
        return List.copyOf(events);
    }

    /** Each event as "TYPE" or "TYPE step", in arrival order. */
    public List<String> described() {
        return events.stream()
                .map(event -> event.type() + event.stepName().map(step -> " " + step).orElse(""))
                .toList();
    }

    /** The described events about one step, in arrival order. */
    public List<String> describedFor(String step) {
        return events.stream()
                .filter(event -> event.stepName().filter(step::equals).isPresent())
                .map(event -> event.type() + " " + step)
                .toList();
    }
}
