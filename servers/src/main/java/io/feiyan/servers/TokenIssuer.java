package io.feiyan.servers;

/**
 * Gets a bearer token that speaks for someone: Keycloak for the local run and the system tests
 * ({@link KeycloakTokens}), a key of the test's own for a service's tests ({@link Tokens}).
 */
public interface TokenIssuer {
    String tokenFor(Identity who);
}
