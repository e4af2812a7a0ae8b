package dev.ordo.marketplace.platform.security;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who a request acts as: the token's subject, its roles, and the customer and producer it speaks for (from the
 * claims named by {@link SecurityProperties.Claims}). A request without a token is the {@link #ANONYMOUS} caller.
 *
 * @param subject    the token's {@code sub}; it becomes the {@code actor} of every event the request appends
 * @param roles      the roles the token grants
 * @param customerId the customer this caller is (a UUID as text), {@code null} when none
 * @param producerId the producer this caller is (a UUID as text), {@code null} when none
 */
public record Caller(String subject, Set<Role> roles, String customerId, String producerId) {

    /** The caller of a request that carried no token. */
    public static final Caller ANONYMOUS = new Caller("anonymous", Set.of(), null, null);

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The caller of the current request (its authentication in Spring Security's context), or {@link #ANONYMOUS}. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerToken token) {
            return token.caller();
        }
        return ANONYMOUS;
    }

    public boolean isOperator() {
        return roles.contains(Role.OPERATOR);
    }

    /** True for an operator, and for the customer whose id is given; false for anyone else. */
    public boolean mayActFor(Object customer) {
        return isOperator() || roles.contains(Role.CUSTOMER) && customerId != null
                && customerId.equalsIgnoreCase(String.valueOf(customer));
    }

    /** True for an operator, and for the producer whose id is given; false for anyone else. */
    public boolean mayManage(Object producer) {
        return isOperator() || roles.contains(Role.PRODUCER) && producerId != null
                && producerId.equalsIgnoreCase(String.valueOf(producer));
    }
}
