package io.feiyan.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Dispatch (派单) gave the order to a team of the given tier. The team must accept it by
 * {@code acceptBy}, or dispatch passes it on; the service is due by {@code deadline}. {@code assignedBy}
 * names the operator who chose the team by hand, with {@code note} saying why; both are null when
 * dispatch chose by its rules. {@code lowestCapableTier} is the lowest tier at which a team could serve the order at
 * all (offering its project, room or not) when it was assigned: where it would be served close to home.
 * {@code peerTeams} are the teams of the assigned tier that could have taken it then (offering its project, room or
 * not), and the team given it: the teams its work is fairly shared among. {@code askedAgain} is true when the team had
 * let the order's time to accept pass and is asked again, no other team being left (not a new offer in the response
 * rate); null from a dispatch that did not say. {@code offeredTo} names every team of the tier the order is offered to at
 * once (抢单), {@code teamCode} the first: the first of them to accept takes it, and the others' offers are withdrawn
 * ({@link OfferWithdrawn}); null when it is offered to one team only. {@code activityId} names the activity (one visit
 * serving several residents) the order is served in; null when it is served alone.
 */
public record OrderAssigned(
        UUID orderId,
        String teamCode,
        Tier tier,
        String projectCode,
        Instant acceptBy,
        Instant deadline,
        String assignedBy,
        String note,
        Instant assignedAt,
        Tier lowestCapableTier,
        List<String> peerTeams,
        Boolean askedAgain,
        List<String> offeredTo,
        UUID activityId) implements OrderEvent {

    public OrderAssigned {
        peerTeams = peerTeams == null ? null : List.copyOf(peerTeams);
        offeredTo = offeredTo == null ? null : List.copyOf(offeredTo);
    }

    /** An assignment of an order served alone, offered to these teams at once. */
    public OrderAssigned(UUID orderId, String teamCode, Tier tier, String projectCode, Instant acceptBy,
            Instant deadline, String assignedBy, String note, Instant assignedAt, Tier lowestCapableTier,
            List<String> peerTeams, Boolean askedAgain, List<String> offeredTo) {
        this(orderId, teamCode, tier, projectCode, acceptBy, deadline, assignedBy, note, assignedAt, lowestCapableTier,
                peerTeams, askedAgain, offeredTo, null);
    }

    /** An assignment to one team, of an order served in this activity. */
    public OrderAssigned(UUID orderId, String teamCode, Tier tier, String projectCode, Instant acceptBy,
            Instant deadline, String assignedBy, String note, Instant assignedAt, Tier lowestCapableTier,
            List<String> peerTeams, Boolean askedAgain, UUID activityId) {
        this(orderId, teamCode, tier, projectCode, acceptBy, deadline, assignedBy, note, assignedAt, lowestCapableTier,
                peerTeams, askedAgain, null, activityId);
    }

    /** An assignment to one team only, of an order served alone. */
    public OrderAssigned(UUID orderId, String teamCode, Tier tier, String projectCode, Instant acceptBy,
            Instant deadline, String assignedBy, String note, Instant assignedAt, Tier lowestCapableTier,
            List<String> peerTeams, Boolean askedAgain) {
        this(orderId, teamCode, tier, projectCode, acceptBy, deadline, assignedBy, note, assignedAt, lowestCapableTier,
                peerTeams, askedAgain, null, null);
    }

    /** An assignment that says neither the lowest capable tier nor the peer teams. */
    public OrderAssigned(UUID orderId, String teamCode, Tier tier, String projectCode, Instant acceptBy,
            Instant deadline, String assignedBy, String note, Instant assignedAt) {
        this(orderId, teamCode, tier, projectCode, acceptBy, deadline, assignedBy, note, assignedAt, null, null, null,
                null, null);
    }

    /** Every team the order is offered to: those offered at once, or its one team. */
    public List<String> offeredTeams() {
        return offeredTo == null || offeredTo.isEmpty() ? List.of(teamCode) : offeredTo;
    }

    @Override
    public Instant occurredAt() {
        return assignedAt;
    }
}
