package io.feiyan.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A resident's need was placed (点单). The resident appears only as an opaque id, the place only as
 * a village code, and the need only as its project and category: the free-text description stays in
 * intake, for reviewers to read there. {@code projectCode} is null for a free-text need, which then
 * {@code needsReview}. {@code volunteerId} names the 飞燕 volunteer of a proxy order, else it is null.
 * {@code solvedOnTheSpot}, when present, says the volunteer met the need there and then (能现场解决的就当场解决): no
 * team is sought; the village's 飞燕 team completes it with the volunteer's hours. {@code joinActivity}, when present,
 * is the planned activity (one visit serving several residents) the order asks to join.
 */
public record OrderPlaced(
        UUID orderId,
        UUID residentId,
        String projectCode,
        String category,
        boolean needsReview,
        String villageCode,
        Urgency urgency,
        Channel channel,
        String volunteerId,
        Instant preferredFrom,
        Instant preferredTo,
        Instant placedAt,
        SolvedOnTheSpot solvedOnTheSpot,
        UUID joinActivity) implements OrderEvent {

    /** Who met the need on the spot (their id in team-service's registry) and in how many hours. */
    public record SolvedOnTheSpot(UUID volunteerId, BigDecimal hours) {
    }

    /** A need placed, perhaps solved on the spot, joining no activity. */
    public OrderPlaced(UUID orderId, UUID residentId, String projectCode, String category, boolean needsReview,
            String villageCode, Urgency urgency, Channel channel, String volunteerId, Instant preferredFrom,
            Instant preferredTo, Instant placedAt, SolvedOnTheSpot solvedOnTheSpot) {
        this(orderId, residentId, projectCode, category, needsReview, villageCode, urgency, channel, volunteerId,
                preferredFrom, preferredTo, placedAt, solvedOnTheSpot, null);
    }

    /** A need placed for a team to serve. */
    public OrderPlaced(UUID orderId, UUID residentId, String projectCode, String category, boolean needsReview,
            String villageCode, Urgency urgency, Channel channel, String volunteerId, Instant preferredFrom,
            Instant preferredTo, Instant placedAt) {
        this(orderId, residentId, projectCode, category, needsReview, villageCode, urgency, channel, volunteerId,
                preferredFrom, preferredTo, placedAt, null, null);
    }

    @Override
    public Instant occurredAt() {
        return placedAt;
    }
}
