package dev.ordo.marketplace.platform.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marketplace.security.*}: which claims of a token carry the roles and the customer and producer ids, the
 * origins the browser UI may call from, and the development issuer.
 *
 * @param claims         the claim names
 * @param allowedOrigins the origins allowed by CORS (the UI's); none by default
 * @param devIssuer      the development issuer
 */
@ConfigurationProperties("marketplace.security")
public record SecurityProperties(@DefaultValue Claims claims, @DefaultValue List<String> allowedOrigins,
                                 @DefaultValue DevIssuer devIssuer) {

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
     * A development OAuth2 issuer inside the app (Spring Authorization Server): each user is a client that gets a
     * token with the client-credentials grant. Never for production: the secrets are in the configuration.
     *
     * @param enabled  off unless set
     * @param keyFile  where the signing key is kept, so that tokens survive a restart; created on first start
     * @param tokenTtl how long a token is valid
     * @param users    the demo users by name (the token's subject)
     */
    public record DevIssuer(@DefaultValue("false") boolean enabled,
                            @DefaultValue("./data/dev-issuer-key.json") Path keyFile,
                            @DefaultValue("1h") Duration tokenTtl, @DefaultValue Map<String, User> users) {
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
