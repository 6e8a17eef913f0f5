package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The resident, or their proxy, rated the service (评单) from 1 to 5, saying whether the need was solved
 * ({@code solved}, null in older events); {@code ratedByVolunteer} is the volunteer who rated on the resident's
 * behalf, null when the resident rated. The rating's comment stays in feedback: it may name people.
 */
public record OrderRated(UUID orderId, int score, Instant ratedAt, Boolean solved, String ratedByVolunteer)
        implements OrderEvent {

    /** A rating that says no more than its score. */
    public OrderRated(UUID orderId, int score, Instant ratedAt) {
        this(orderId, score, ratedAt, null, null);
    }

    @Override
    public Instant occurredAt() {
        return ratedAt;
    }
}
