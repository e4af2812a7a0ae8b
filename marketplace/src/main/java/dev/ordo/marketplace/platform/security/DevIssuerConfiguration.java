package dev.ordo.marketplace.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The development issuer (Spring Authorization Server), on when {@code marketplace.security.dev-issuer.enabled}: every
 * configured user is a client that gets a token from {@code POST /oauth2/token} with the client-credentials grant
 * (HTTP Basic with its name and secret), and a user who signs in on the issuer's login page ({@code /login}, the same
 * name and secret) gets one through the web pages' public client ({@code marketplace.security.sign-in.client-id}) with
 * the authorization-code grant and PKCE. Either way the token's subject is the user's name and it carries the user's
 * roles and ids in the claims {@link SecurityProperties.Claims} names. The app trusts the tokens it signs itself; the
 * signing key lives in {@code key-file}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty("marketplace.security.dev-issuer.enabled")
class DevIssuerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevIssuerConfiguration.class);
    private static final String LOGIN = "/login";

    @Bean
    @Order(1)
    SecurityFilterChain devIssuer(HttpSecurity http, ObjectProvider<RateLimiter> limiter) {
        ApiSecurityConfiguration.limit(http, limiter);
        http.oauth2AuthorizationServer(issuer -> http.securityMatcher(issuer.getEndpointsMatcher()))
                .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                // a browser asking to authorize the web pages signs in on the login page first, then comes back
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(LOGIN), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** The issuer's login page (Spring Security's own form; a session holds the sign-in until the code is issued). */
    @Bean
    @Order(0)
    SecurityFilterChain devIssuerLogin(HttpSecurity http, ObjectProvider<RateLimiter> limiter) {
        ApiSecurityConfiguration.limit(http, limiter);
        http.securityMatcher(LOGIN)
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    /** The demo users as the login page knows them: their secret is their password. */
    @Bean
    UserDetailsService devIssuerUsers(SecurityProperties properties, PasswordEncoder secrets) {
        return new InMemoryUserDetailsManager(properties.devIssuer().users().entrySet().stream()
                .map(user -> User.withUsername(user.getKey()).password(secrets.encode(user.getValue().secret()))
                        .authorities(user.getValue().roles().stream().map(Role::authority).toArray(String[]::new))
                        .build())
                .toList());
    }

    @Bean
    RSAKey devIssuerSigningKey(SecurityProperties properties) {
        SecurityProperties.DevIssuer issuer = properties.devIssuer();
        log.warn("The development issuer is on: {} demo users with secrets from the configuration may get tokens. "
                + "Never in production (marketplace.security.dev-issuer.enabled=false).", issuer.users().size());
        return DevIssuerKey.loadOrCreate(issuer.keyFile());
    }

    @Bean
    JWKSource<SecurityContext> devIssuerKeys(RSAKey devIssuerSigningKey) {
        return new ImmutableJWKSet<>(new JWKSet(devIssuerSigningKey));
    }

    @Bean
    JwtDecoder devIssuerTokens(RSAKey devIssuerSigningKey) throws JOSEException {
        return NimbusJwtDecoder.withPublicKey(devIssuerSigningKey.toRSAPublicKey()).build();
    }

    /**
     * How the clients' secrets are kept and checked: BCrypt at its lowest strength. The issuer would otherwise upgrade
     * plain secrets to BCrypt's default strength on first use and spend a tenth of a second of CPU on every token
     * asked for afterwards; these secrets are in the configuration anyway.
     */
    @Bean
    PasswordEncoder devIssuerSecrets() {
        return new BCryptPasswordEncoder(4);
    }

    @Bean
    AuthorizationServerSettings devIssuerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    @Bean
    RegisteredClientRepository devIssuerClients(SecurityProperties properties, PasswordEncoder secrets) {
        SecurityProperties.DevIssuer issuer = properties.devIssuer();
        List<RegisteredClient> clients = issuer.users().entrySet().stream()
                .map(user -> RegisteredClient.withId(UUID.nameUUIDFromBytes(user.getKey().getBytes()).toString())
                        .clientId(user.getKey())
                        .clientSecret(secrets.encode(user.getValue().secret()))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(issuer.tokenTtl()).build())
                        .build())
                .toList();
        if (clients.isEmpty()) {
            throw new IllegalStateException("the development issuer is on but has no users "
                    + "(marketplace.security.dev-issuer.users)");
        }
        List<RegisteredClient> all = new ArrayList<>(clients);
        all.add(webPages(properties.signIn().clientId(), issuer));
        return new InMemoryRegisteredClientRepository(all);
    }

    /** The web pages' client: public (a browser keeps no secret), so PKCE is required; the user is asked no consent. */
    private static RegisteredClient webPages(String clientId, SecurityProperties.DevIssuer issuer) {
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(("client:" + clientId).getBytes()).toString())
                .clientId(clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(issuer.redirectUris()))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(issuer.tokenTtl()).build())
                .build();
    }

    /** Puts the user's roles and ids into the access token. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> devIssuerClaims(SecurityProperties properties) {
        Map<String, SecurityProperties.User> users = properties.devIssuer().users();
        SecurityProperties.Claims claims = properties.claims();
        return context -> {
            SecurityProperties.User user = users.get(context.getPrincipal().getName());
            if (user == null) {
                return;
            }
            context.getClaims().claim(claims.roles(),
                    user.roles().stream().map(role -> role.name().toLowerCase(java.util.Locale.ROOT)).toList());
            if (user.customerId() != null) {
                context.getClaims().claim(claims.customer(), user.customerId());
            }
            if (user.producerId() != null) {
                context.getClaims().claim(claims.producer(), user.producerId());
            }
        };
    }
}
