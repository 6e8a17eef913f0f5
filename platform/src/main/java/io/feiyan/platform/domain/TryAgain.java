package io.feiyan.platform.domain;

/** Refused for a passing reason (the database restarting); the same request may succeed shortly. */
public final class TryAgain extends DomainException {
    public TryAgain(String detail) {
        super("try-again", "Try again shortly", detail);
    }
}
