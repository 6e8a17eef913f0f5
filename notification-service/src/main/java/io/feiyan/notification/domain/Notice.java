package io.feiyan.notification.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A notification decided on, before it is addressed: what it tells ({@code kind}, with {@code params} for its text),
 * to whom, from when, and until when it is news ({@code staleAfter}, null when always). A critical one comes through
 * quiet hours.
 */
public record Notice(Kind kind, Audience audience, Instant dueAt, Instant staleAfter, boolean critical,
        Map<String, String> params) {
    public Notice {
        params = Map.copyOf(params);
    }
}
