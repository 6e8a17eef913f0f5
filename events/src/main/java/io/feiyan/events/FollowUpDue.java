package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Feedback opened a follow-up visit (回访) the resident's village station owes: the resident rated the service badly
 * (or said it did not solve the need), or did not rate it in time. The village's 飞燕 volunteers are told.
 */
public record FollowUpDue(UUID orderId, UUID followUpId, String villageCode, Reason reason, Instant openedAt)
        implements OrderEvent {

    /** Why the visit is owed. */
    public enum Reason {
        /** Rated 2 or less, or "not solved". */
        DISSATISFIED,
        /** Delivered, and not rated within the county's time. */
        UNRATED
    }

    @Override
    public Instant occurredAt() {
        return openedAt;
    }
}
