package dev.ordo.marketplace.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Decodes each bearer token once: a client sends the same token with every request for as long as it lives, and
 * parsing it and checking its signature is the larger part of a small request's cost. A decoded token is kept (at most
 * {@code maximum} of them, Caffeine) until it expires, never longer, and a kept token that expired meanwhile is decoded
 * again, so that the delegate refuses it; a token the delegate refuses is never kept.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> decoded;

    CachingJwtDecoder(JwtDecoder delegate, long maximum, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.decoded = Caffeine.newBuilder().maximumSize(maximum).expireAfter(new UntilExpiry(clock)).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = decoded.getIfPresent(token);
        if (jwt != null && (jwt.getExpiresAt() == null || clock.instant().isBefore(jwt.getExpiresAt()))) {
            return jwt;
        }
        jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null) {
            decoded.put(token, jwt);
        }
        return jwt;
    }

    /** A token is kept until its {@code exp}. */
    private record UntilExpiry(Clock clock) implements Expiry<String, Jwt> {

        @Override
        public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
            return Math.max(0, Duration.between(clock.instant(), jwt.getExpiresAt()).toNanos());
        }

        @Override
        public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
