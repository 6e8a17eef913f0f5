package io.feiyan.notification.security;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Optional;

/**
 * This service's own account at the county's Keycloak, under {@code feiyan.notification.service-account}: a
 * confidential client whose service account has role notifier.
 */
@ConfigMapping(prefix = "feiyan.notification.service-account")
public interface ServiceAccount {
    String clientId();

    /** Made per installation; from the environment in production. */
    Optional<String> clientSecret();

    /** The realm's token endpoint: {@code <issuer>/protocol/openid-connect/token}. */
    URI tokenEndpoint();
}
