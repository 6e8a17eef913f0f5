package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The order passed review (审核) and goes to dispatch: an operator approved it, or it needed no review
 * ({@code approvedBy} is then absent). Every order that is not rejected is approved exactly once.
 */
public record OrderApproved(UUID orderId, String approvedBy, Instant approvedAt) implements OrderEvent {

    @Override
    public Instant occurredAt() {
        return approvedAt;
    }
}
