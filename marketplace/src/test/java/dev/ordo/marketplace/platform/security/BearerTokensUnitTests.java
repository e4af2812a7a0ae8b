package dev.ordo.marketplace.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class BearerTokensUnitTests {

    private final BearerTokens tokens = new BearerTokens();

    private static MockHttpServletRequest withAuthorization(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (value != null) {
            request.addHeader("Authorization", value);
        }
        return request;
    }

    @Test
    void readsTheTokenOfABearerHeaderInAnyCase() {
        assertThat(tokens.resolve(withAuthorization("Bearer abc.DEF-12_~+/=="))).isEqualTo("abc.DEF-12_~+/==");
        assertThat(tokens.resolve(withAuthorization("bearer x.y.z"))).isEqualTo("x.y.z");
    }

    @Test
    void noHeaderOrAnotherSchemeIsNoToken() {
        assertThat(tokens.resolve(withAuthorization(null))).isNull();
        assertThat(tokens.resolve(withAuthorization("Basic YWxpY2U6c2VjcmV0"))).isNull();
    }

    @Test
    void refusesAMalformedTokenAsSpringsResolverDoes() {
        DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
        for (String header : new String[] {"Bearer ", "Bearer a b", "Bearer a=b", "Bearer =a", "Bearer a\"b",
                "Bearer ä"}) {
            assertThatThrownBy(() -> tokens.resolve(withAuthorization(header))).as(header)
                    .isInstanceOf(InvalidBearerTokenException.class);
            assertThatThrownBy(() -> spring.resolve(withAuthorization(header))).as("Spring on %s", header)
                    .isInstanceOf(OAuth2AuthenticationException.class);
        }
    }
}
