package dev.ordo.marketplace.platform.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** An authenticated JWT together with the {@link Caller} read from its claims. */
final class CallerToken extends JwtAuthenticationToken {

    private final Caller caller;

    CallerToken(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
        super(jwt, authorities, caller.subject());
        this.caller = caller;
    }

    Caller caller() {
        return caller;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CallerToken token && super.equals(token) && caller.equals(token.caller);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + caller.hashCode();
    }
}
