package dev.ordo.core.bus.event;

import java.util.Objects;

/** The selectors behind the factories of {@link EventSelector}; their names show in derived listener names. */
final class Selectors {

    private Selectors() {
    }

    record ByType(Class<?> type) implements EventSelector {

        ByType {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public boolean matches(EventMessage message) {
            return type.isInstance(message.event());
        }

        @Override
        public String toString() {
            return "type(" + type.getSimpleName() + ")";
        }
    }

    record ByTypeName(String storedName) implements EventSelector {

        ByTypeName {
            Objects.requireNonNull(storedName, "storedName");
        }

        @Override
        public boolean matches(EventMessage message) {
            return storedName.equals(message.recorded().eventType());
        }

        @Override
        public String toString() {
            return "typeName(" + storedName + ")";
        }
    }

    record ByCategory(String category) implements EventSelector {

        ByCategory {
            Objects.requireNonNull(category, "category");
        }

        @Override
        public boolean matches(EventMessage message) {
            return category.equals(message.recorded().streamId().category());
        }

        @Override
        public String toString() {
            return "category(" + category + ")";
        }
    }

    enum All implements EventSelector {
        INSTANCE;

        @Override
        public boolean matches(EventMessage message) {
            return true;
        }

        @Override
        public String toString() {
            return "all";
        }
    }
}
