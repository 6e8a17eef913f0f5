package io.feiyan.platform.domain;

import java.time.Duration;

/** Refused because the caller sent more requests than a limit allows; the same request may pass after a while. */
public final class TooMany extends DomainException {
    private final Duration retryAfter;

    public TooMany(String detail, Duration retryAfter) {
        super("too-many-requests", "Too many requests", detail);
        this.retryAfter = retryAfter;
    }

    /** How long until one more request would pass. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
