package io.feiyan.notification.push;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Web Push's settings ({@code feiyan.notification.push.*}, README "Configuration"). */
@ConfigMapping(prefix = "feiyan.notification.push")
public interface PushSettings {
    Vapid vapid();

    /** How long a push service keeps a message for a phone that is off (the TTL header). */
    @WithDefault("1d")
    Duration ttl();

    /** How long a push service may take to answer, connecting included. */
    @WithDefault("10s")
    Duration timeout();

    /** The server's identity to the push services (RFC 8292): the app subscribes with its public key. */
    interface Vapid {
        /** The P-256 public key, uncompressed (65 bytes), base64url: what the app gives pushManager.subscribe. */
        Optional<String> publicKey();

        /** The P-256 private key, its 32-byte scalar, base64url. */
        Optional<String> privateKey();

        /** Whom a push service's operator may contact about our messages: a mailto: or https: URL. */
        String subject();
    }
}
