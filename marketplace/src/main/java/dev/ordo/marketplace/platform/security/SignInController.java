package dev.ordo.marketplace.platform.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the web pages sign a user in ({@code GET /sign-in}, public): the issuer's endpoints and the pages' client for the
 * authorization-code grant with PKCE, and whether the development issuer's demo users may also sign in by name and
 * secret.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Tag(name = "sign-in", description = "How the web pages get a user's token")
class SignInController {

    /**
     * @param authorizationUri where the browser goes to sign in
     * @param tokenUri         where the pages exchange the code for a token
     * @param clientId         the pages' public client
     * @param scope            the scopes to ask for (may be empty)
     * @param demoUsers        true when the development issuer runs: its users may also sign in with the
     *                         client-credentials grant
     */
    record SignInSettings(String authorizationUri, String tokenUri, String clientId, String scope,
                          boolean demoUsers) {
    }

    private final SecurityProperties properties;

    SignInController(SecurityProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/sign-in")
    @Operation(summary = "How the web pages sign a user in", description = "The issuer's authorization and token "
            + "endpoints and the pages' public client (authorization code with PKCE). Needs no token.")
    SignInSettings settings() {
        SecurityProperties.SignIn signIn = properties.signIn();
        return new SignInSettings(signIn.authorizationUri(), signIn.tokenUri(), signIn.clientId(), signIn.scope(),
                properties.devIssuer().enabled());
    }
}
