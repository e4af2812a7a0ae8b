package dev.ordo.marketplace.platform.security;

import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API document names how to authenticate: a JWT bearer token ({@code bearer}), and, with the development issuer
 * on, its client-credentials flow ({@code dev-issuer}), so that Swagger UI's "Authorize" gets a demo user's token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiDocsSecurity {

    static final String BEARER = "bearer";
    static final String DEV_ISSUER = "dev-issuer";

    @Bean
    OpenApiCustomizer securitySchemes(SecurityProperties properties) {
        return api -> {
            api.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT"));
            SecurityRequirement requirement = new SecurityRequirement().addList(BEARER);
            if (properties.devIssuer().enabled()) {
                api.getComponents().addSecuritySchemes(DEV_ISSUER, new SecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2).description("demo users: alice, bob, alpenhof, operator; "
                                + "secret <user>-secret")
                        .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token"))));
                requirement.addList(DEV_ISSUER);
            }
            api.addSecurityItem(requirement);
        };
    }
}
