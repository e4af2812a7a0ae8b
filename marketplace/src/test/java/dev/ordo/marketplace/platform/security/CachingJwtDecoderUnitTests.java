package dev.ordo.marketplace.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.test.fixture.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderUnitTests {

    private final Instant start = Instant.parse("2026-12-06T10:00:00Z");
    private final MovableClock clock = new MovableClock(start);
    private final AtomicInteger decodes = new AtomicInteger();
    /** Decodes "good-<seconds to live>" tokens issued at the start; refuses anything else and expired ones. */
    private final JwtDecoder delegate = token -> {
        decodes.incrementAndGet();
        if (!token.startsWith("good-")) {
            throw new BadJwtException("not a token");
        }
        Instant expires = start.plusSeconds(Long.parseLong(token.substring(5)));
        if (!clock.instant().isBefore(expires)) {
            throw new BadJwtException("expired");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("alice").issuedAt(start).expiresAt(expires)
                .build();
    };
    private final CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, 100, clock);

    @Test
    void aTokenSentAgainIsDecodedOnce() {
        Jwt first = decoder.decode("good-60");

        assertThat(decoder.decode("good-60")).isSameAs(first);
        assertThat(decodes).hasValue(1);
    }

    @Test
    void aKeptTokenThatExpiredIsDecodedAgainAndRefused() {
        decoder.decode("good-60");
        clock.advance(Duration.ofSeconds(61));

        assertThatThrownBy(() -> decoder.decode("good-60")).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("expired");
        assertThat(decodes).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverKept() {
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(decodes).hasValue(2);
    }
}
