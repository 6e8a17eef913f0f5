package io.feiyan.launcher;

import io.feiyan.servers.EmbeddedKeycloak;
import io.feiyan.servers.KeycloakTokens;
import java.nio.file.Files;
import java.nio.file.Path;

/** The local run's Keycloak as the tools run beside it reach it: its secrets in the data folder, its usual port. */
public final class LocalKeycloak {
    private LocalKeycloak() {
    }

    /** Where the local Keycloak's secrets are kept: beside the data they guard, readable by their owner only. */
    public static Path secrets(Path dataDir) {
        return dataDir.resolve("keycloak/secrets.properties");
    }

    /**
     * Tokens from the local run's Keycloak, for the tools run beside it (token.sh, county.sh, demo-activity.sh): its
     * secrets from the data folder, its port from {@code FEIYAN_KEYCLOAK_PORT} (default 8180).
     */
    public static KeycloakTokens tokens(Path dataDir) {
        Path file = secrets(dataDir);
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: start Feiyan first (deploy/run-local.sh)");
        }
        int port = Integer.parseInt(System.getenv().getOrDefault("FEIYAN_KEYCLOAK_PORT", "8180"));
        return EmbeddedKeycloak.tokens(EmbeddedKeycloak.issuer(port), EmbeddedKeycloak.Secrets.in(file));
    }
}
