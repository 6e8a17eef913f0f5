package io.feiyan.platform.domain;

import java.time.Duration;

/**
 * Refused for a passing reason (the database restarting, the service catching up after a restore); the same request
 * may succeed shortly: answered with {@code Retry-After}.
 */
public final class TryAgain extends DomainException {
    private static final Duration SHORTLY = Duration.ofSeconds(5);

    public TryAgain(String detail) {
        super("try-again", "Try again shortly", detail);
    }

    /** How long to wait before trying again. */
    public Duration retryAfter() {
        return SHORTLY;
    }
}
