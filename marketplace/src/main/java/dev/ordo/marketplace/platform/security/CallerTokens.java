package dev.ordo.marketplace.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a {@link Caller} from a validated JWT: the subject, the roles from the configured claim (a list of names, a
 * dotted path for nested claims; unknown names are ignored), and the customer and producer ids. A token without roles
 * is authenticated but may do only what needs no role.
 */
final class CallerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.Claims claims;

    CallerTokens(SecurityProperties.Claims claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = roles(jwt);
        Caller caller = new Caller(jwt.getSubject(), roles, text(jwt.getClaim(claims.customer())),
                text(jwt.getClaim(claims.producer())));
        return new CallerToken(jwt, roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList(),
                caller);
    }

    private Set<Role> roles(Jwt jwt) {
        Object value = jwt.getClaims();
        for (String part : claims.roles().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        Collection<?> names = value instanceof Collection<?> list ? list
                : value instanceof String text ? List.of(text.split("[ ,]+")) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> Role.named(String.valueOf(name)).ifPresent(roles::add));
        return roles;
    }

    private static String text(Object claim) {
        return claim == null || claim.toString().isBlank() ? null : claim.toString();
    }
}
