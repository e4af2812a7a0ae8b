package dev.ordo.core.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the stable stored name and the current schema version of an event class.
 *
 * <p>The name is what the store keeps; the class can be renamed or moved freely as long as the name stays.
 * Bump {@link #version()} when the payload's shape changes, and register an upcaster from the old version.
 * Read by {@link EventTypeRegistry.Builder#registerSealed(Class)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The stored type name, for example {@code order.placed}: lower case, dot- or dash-separated words. */
    String value();

    /** The current schema version of the payload, starting at 1. */
    int version() default 1;
}
