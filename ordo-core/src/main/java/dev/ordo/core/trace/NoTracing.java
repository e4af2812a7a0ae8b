package dev.ordo.core.trace;

import java.util.Collection;
import java.util.concurrent.Callable;

/** {@link Tracing#none()}: no spans; each passes its parent's trace context on. */
final class NoTracing implements Tracing {

    static final NoTracing INSTANCE = new NoTracing();
    private static final NoSpan ORPHAN = new NoSpan(null);

    private NoTracing() {
    }

    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public TraceSpan start(String name, String parent) {
        return parent == null ? ORPHAN : new NoSpan(parent);
    }

    @Override
    public TraceSpan start(String name, String parent, Collection<String> links) {
        return start(name, parent);
    }

    @Override
    public String current() {
        return null;
    }

    /** See {@link TraceSpan#passingOn}. */
    record NoSpan(String traceParent) implements TraceSpan {

        @Override
        public boolean recording() {
            return false;
        }

        @Override
        public TraceSpan tag(String key, String value) {
            return this;
        }

        @Override
        public void error(Throwable error) {
        }

        @Override
        public <T> Callable<T> wrap(Callable<T> work) {
            return work;
        }

        @Override
        public void close() {
        }
    }
}
