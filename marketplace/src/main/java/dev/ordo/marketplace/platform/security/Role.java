package dev.ordo.marketplace.platform.security;

import java.util.Locale;
import java.util.Optional;

/** The marketplace's roles, as they appear (lower case) in a token's roles claim. */
public enum Role {
    /** Places and follows their own orders. */
    CUSTOMER,
    /** Manages their own products and sees their own sales. */
    PRODUCER,
    /** Sees everything; alone redrives or discards dead letters, cancels or redrives sagas, restocks. */
    OPERATOR;

    /** The Spring Security authority of this role, {@code ROLE_OPERATOR} for instance. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role a claim value names ({@code operator}, {@code OPERATOR}), empty for any other value. */
    public static Optional<Role> named(String value) {
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
