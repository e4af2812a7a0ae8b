package dev.ordo.marketplace.platform.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marketplace.security.*}: which claims of a token carry the roles and the customer and producer ids, the
 * origins the browser UI may call from, how the web pages sign a user in, and the development issuer.
 *
 * @param claims         the claim names
 * @param allowedOrigins the origins allowed by CORS (the UI's); none by default
 * @param signIn         the issuer the web pages send a user to
 * @param devIssuer      the development issuer
 */
@ConfigurationProperties("marketplace.security")
public record SecurityProperties(@DefaultValue Claims claims, @DefaultValue List<String> allowedOrigins,
                                 @DefaultValue SignIn signIn, @DefaultValue DevIssuer devIssuer) {

    /**
     * @param roles    a claim holding a list of role names ({@code customer}, {@code producer}, {@code operator});
     *                 a dotted path reads a nested claim, as Keycloak's {@code realm_access.roles}
     * @param customer the claim with the caller's customer id
     * @param producer the claim with the caller's producer id
     */
    public record Claims(@DefaultValue("roles") String roles, @DefaultValue("customer_id") String customer,
                         @DefaultValue("producer_id") String producer) {
    }

    /**
     * Where the web pages sign a user in with the authorization-code grant and PKCE (a public client, no secret): the
     * issuer's authorization and token endpoints and the client registered there for the pages. The defaults are the
     * development issuer's; for Keycloak, its realm's {@code .../protocol/openid-connect/auth} and {@code .../token}
     * and a public client whose valid redirect URI is {@code <the app's address>/ui/callback.html}.
     *
     * @param authorizationUri the issuer's authorization endpoint (relative: on the app's own address)
     * @param tokenUri         the issuer's token endpoint
     * @param clientId         the pages' client at the issuer
     * @param scope            the scopes asked for, space separated (none by default)
     */
    public record SignIn(@DefaultValue("/oauth2/authorize") String authorizationUri,
                         @DefaultValue("/oauth2/token") String tokenUri,
                         @DefaultValue("marketplace-ui") String clientId, @DefaultValue("") String scope) {
    }

    /**
     * A development OAuth2 issuer inside the app (Spring Authorization Server): each user is a client that gets a
     * token with the client-credentials grant, and also signs in on the issuer's login page (name and secret) for the
     * web pages' authorization-code grant. Never for production: the secrets are in the configuration.
     *
     * @param enabled      off unless set
     * @param keyFile      where the signing key is kept, so that tokens survive a restart; created on first start
     * @param tokenTtl     how long a token is valid
     * @param users        the demo users by name (the token's subject)
     * @param redirectUris where the issuer may send a signed-in user back to (the pages' callback); on 127.0.0.1 any
     *                     port will do (RFC 8252), and {@code localhost} is not accepted (use 127.0.0.1)
     */
    public record DevIssuer(@DefaultValue("false") boolean enabled,
                            @DefaultValue("./data/dev-issuer-key.json") Path keyFile,
                            @DefaultValue("1h") Duration tokenTtl, @DefaultValue Map<String, User> users,
                            @DefaultValue("http://127.0.0.1:8080/ui/callback.html") List<String> redirectUris) {
    }

    /**
     * @param secret     the client secret
     * @param roles      the roles put into the token
     * @param customerId the customer id put into the token, if any
     * @param producerId the producer id put into the token, if any
     */
    public record User(String secret, @DefaultValue List<Role> roles, String customerId, String producerId) {
    }
}
