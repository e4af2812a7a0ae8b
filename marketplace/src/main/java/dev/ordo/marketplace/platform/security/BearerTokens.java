package dev.ordo.marketplace.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Reads the bearer token of the {@code Authorization} header (RFC 6750, section 2.1; never from the query or a form,
 * as Spring's default) with a character check instead of Spring's regular expression, which took four per cent of a
 * small request's CPU on a token of 800 characters. The same answers: no header or another scheme is no token; a
 * {@code Bearer} header whose token has a character outside {@code b64token} is a malformed token.
 */
final class BearerTokens implements BearerTokenResolver {

    private static final String PREFIX = "bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String token = header.substring(PREFIX.length());
        if (!isB64Token(token)) {
            BearerTokenError error = BearerTokenErrors.invalidToken("Bearer token is malformed");
            throw new InvalidBearerTokenException(error.getDescription());
        }
        return token;
    }

    /** {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="} */
    static boolean isB64Token(String token) {
        int i = 0;
        int length = token.length();
        while (i < length && isTokenChar(token.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < length && token.charAt(i) == '=') {
            i++;
        }
        return i == length;
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
