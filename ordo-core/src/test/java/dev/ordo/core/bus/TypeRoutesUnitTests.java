package dev.ordo.core.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TypeRoutesUnitTests {

    interface Message {
    }

    interface Audited {
    }

    interface Urgent extends Message {
    }

    static class Base implements Message {
    }

    static final class Derived extends Base {
    }

    record Plain() implements Message {
    }

    record Flagged() implements Message, Audited {
    }

    record Escalated() implements Urgent {
    }

    @Test
    void routesAMessageToTheHandlerOfItsExactClass() {
        TypeRoutes<String> routes = TypeRoutes.<String>builder("message")
                .add(Plain.class, "plain").add(Message.class, "message").build();

        assertThat(routes.route(new Plain())).isEqualTo("plain");
    }

    @Test
    void routesAMessageWithoutItsOwnHandlerToItsNearestSupertype() {
        TypeRoutes<String> routes = TypeRoutes.<String>builder("message")
                .add(Message.class, "message").add(Urgent.class, "urgent").add(Base.class, "base").build();

        assertThat(routes.route(new Escalated())).isEqualTo("urgent");
        assertThat(routes.route(new Derived())).isEqualTo("base");
        assertThat(routes.route(new Plain())).isEqualTo("message");
    }

    @Test
    void usesAHandlerForObjectOnlyWhenNoOtherSupertypeHasOne() {
        TypeRoutes<String> routes = TypeRoutes.<String>builder("message")
                .add(Object.class, "anything").add(Message.class, "message").build();

        assertThat(routes.route(new Derived())).isEqualTo("message");
        assertThat(routes.route("text")).isEqualTo("anything");
    }

    @Test
    void refusesToChooseBetweenTwoEquallyNearSupertypes() {
        TypeRoutes<String> routes = TypeRoutes.<String>builder("message")
                .add(Message.class, "message").add(Audited.class, "audited").build();

        assertThatThrownBy(() -> routes.route(new Flagged()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Flagged.class.getName())
                .hasMessageContaining(Message.class.getName())
                .hasMessageContaining(Audited.class.getName());
    }

    @Test
    void namesTheMessageClassWhenNoHandlerFits() {
        TypeRoutes<String> routes = TypeRoutes.<String>builder("query").add(Plain.class, "plain").build();

        assertThatThrownBy(() -> routes.route(new Flagged()))
                .isInstanceOfSatisfying(NoHandlerException.class,
                        e -> assertThat(e.messageType()).isEqualTo(Flagged.class))
                .hasMessageContaining("query " + Flagged.class.getName());
        assertThat(routes.find(Flagged.class)).isEmpty();
    }

    @Test
    void rejectsASecondHandlerForTheSameClass() {
        TypeRoutes.Builder<String> builder = TypeRoutes.<String>builder("command").add(Plain.class, "first");

        assertThatThrownBy(() -> builder.add(Plain.class, "second"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Plain.class.getName());
    }
}
