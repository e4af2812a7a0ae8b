package dev.ordo.marketplace.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTokensUnitTests {

    private static final SecurityProperties.Claims DEFAULTS = new SecurityProperties.Claims("roles", "customer_id",
            "producer_id");

    @Test
    void aTokenOfTheDevelopmentIssuerBecomesACallerWithItsRolesAndCustomer() {
        CallerToken token = convert(DEFAULTS, Map.of("roles", List.of("customer"), "customer_id", "c-1"));

        assertThat(token.caller()).isEqualTo(new Caller("alice", Set.of(Role.CUSTOMER), "c-1", null));
        assertThat(token.getName()).isEqualTo("alice");
        assertThat(token.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_CUSTOMER");
    }

    @Test
    void rolesAreReadFromANestedClaimAsKeycloakWritesThemAndUnknownOnesAreIgnored() {
        SecurityProperties.Claims keycloak = new SecurityProperties.Claims("realm_access.roles", "customer_id",
                "producer_id");

        CallerToken token = convert(keycloak, Map.of("realm_access",
                Map.of("roles", List.of("offline_access", "OPERATOR", "producer")), "producer_id", "p-1"));

        assertThat(token.caller().roles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.PRODUCER);
        assertThat(token.caller().producerId()).isEqualTo("p-1");
    }

    @Test
    void aTokenWithoutRolesIsAuthenticatedButMayActForNobody() {
        Caller caller = convert(DEFAULTS, Map.of("customer_id", "c-1")).caller();

        assertThat(caller.roles()).isEmpty();
        assertThat(caller.mayActFor("c-1")).isFalse();
        assertThat(caller.mayManage("p-1")).isFalse();
    }

    @Test
    void aCustomerActsOnlyForThemselvesAProducerManagesOnlyTheirOwnAndAnOperatorForAnyone() {
        Caller customer = new Caller("alice", Set.of(Role.CUSTOMER), "C-1", null);
        Caller producer = new Caller("alpenhof", Set.of(Role.PRODUCER), null, "p-1");
        Caller operator = new Caller("op", Set.of(Role.OPERATOR), null, null);

        assertThat(customer.mayActFor("c-1")).as("ids compare without case").isTrue();
        assertThat(customer.mayActFor("c-2")).isFalse();
        assertThat(customer.mayManage("p-1")).isFalse();
        assertThat(producer.mayManage("p-1")).isTrue();
        assertThat(producer.mayManage("p-2")).isFalse();
        assertThat(producer.mayActFor("c-1")).isFalse();
        assertThat(operator.mayActFor("c-2")).isTrue();
        assertThat(operator.mayManage("p-2")).isTrue();
    }

    private static CallerToken convert(SecurityProperties.Claims claims, Map<String, Object> values) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("alice")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        values.forEach(jwt::claim);
        return (CallerToken) new CallerTokens(claims).convert(jwt.build());
    }
}
