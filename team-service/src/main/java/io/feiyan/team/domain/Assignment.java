package io.feiyan.team.domain;

import io.feiyan.events.OfferWithdrawn;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Tier;
import io.feiyan.platform.messaging.KeepsOrderTrace;
import io.feiyan.platform.domain.Conflict;
import io.feiyan.platform.domain.IllegalMove;
import io.feiyan.platform.domain.NotAllowed;
import io.feiyan.platform.domain.NotFound;
import io.feiyan.platform.domain.Unprocessable;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An order as the team it was given to sees it. Its moves return the events they cause. */
@Entity
public class Assignment extends PanacheEntityBase implements KeepsOrderTrace {
    @Id
    public UUID orderId;
    public String teamCode;
    @Enumerated(EnumType.STRING)
    public Tier tier;
    public String projectCode;
    /** The team must accept by then, or dispatch passes the order on. */
    public Instant acceptBy;
    public Instant deadline;
    @Enumerated(EnumType.STRING)
    public AssignmentStatus status;
    public Instant assignedAt;
    public Instant acceptedAt;
    public Instant completedAt;
    public BigDecimal volunteerHours;
    @Enumerated(EnumType.STRING)
    public OrderDeclined.DeclineReason declineCode;
    public String declineReason;
    /** The volunteers the team sends, by id. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "uuid[]")
    public List<UUID> crew = new ArrayList<>();
    /** When the team plans to come; set when it accepts with a time. */
    public Instant scheduledFor;
    /** What the team did, for the service record. */
    public String summary;
    /** The trace the order was placed in (W3C traceparent): the team's answers are published in it. */
    public String traceparent;
    /**
     * Every team the order is offered to at once (抢单), {@link #teamCode} the first until one of them accepts it and
     * becomes its team; empty when it is offered to one team.
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> offeredTo = new ArrayList<>();
    /** Those of {@link #offeredTo} that declined: their offer is over. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> declinedBy = new ArrayList<>();
    /** The activity (one visit serving several residents) the order is served in; null when it is served alone. */
    public UUID activityId;

    @Override
    public String orderTrace() {
        return traceparent;
    }

    /**
     * The assignment the team acts on, locked for the move; refused when there is none, or when it is another
     * team's.
     */
    public static Assignment lockedFor(UUID orderId, String team) {
        Assignment assignment = findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (assignment == null) {
            throw new NotFound("assignment", orderId);
        }
        if (!assignment.teamCode.equals(team)) {
            throw new NotAllowed("not-your-assignment", "The order is not assigned to your team",
                    "order " + orderId + " is assigned to another team; only that team can act on it");
        }
        return assignment;
    }

    /**
     * The assignment a team answers an offer of, locked for the move: its team's, or one offered to several teams at
     * once, the team among them; refused when there is none, or when it was never offered to the team.
     */
    public static Assignment lockedForAnswer(UUID orderId, String team) {
        Assignment assignment = findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (assignment != null && assignment.offeredTo.contains(team)) {
            return assignment;
        }
        return lockedFor(orderId, team);
    }

    public static Assignment offeredBy(OrderAssigned assigned) {
        Assignment assignment = new Assignment();
        assignment.offer(assigned);
        return assignment;
    }

    /**
     * A need a 飞燕 volunteer met there and then (能现场解决的就当场解决): the village team's at once, the volunteer its
     * crew, never offered nor waiting to be accepted; it is completed next, with their hours.
     */
    public static Assignment solvedOnTheSpot(OrderPlaced placed, String villageTeam, Instant now) {
        Assignment assignment = new Assignment();
        assignment.orderId = placed.orderId();
        assignment.teamCode = villageTeam;
        assignment.tier = Tier.VILLAGE;
        assignment.projectCode = placed.projectCode();
        assignment.assignedAt = now;
        assignment.acceptedAt = now;
        assignment.deadline = now;
        assignment.status = AssignmentStatus.ACCEPTED;
        assignment.crew = new ArrayList<>(List.of(placed.solvedOnTheSpot().volunteerId()));
        return assignment;
    }

    /** Whether this assignment from dispatch is newer than the one the order has here. */
    public boolean isOlderThan(OrderAssigned assigned) {
        return assignedAt.isBefore(assigned.assignedAt());
    }

    /** Takes dispatch's latest assignment of the order: a new team, or the same after a reopening. */
    public void offer(OrderAssigned assigned) {
        Assignment assignment = this;
        assignment.orderId = assigned.orderId();
        assignment.teamCode = assigned.teamCode();
        assignment.tier = assigned.tier();
        assignment.projectCode = assigned.projectCode();
        assignment.acceptBy = assigned.acceptBy();
        assignment.deadline = assigned.deadline();
        assignment.assignedAt = assigned.assignedAt();
        assignment.status = AssignmentStatus.OFFERED;
        assignment.acceptedAt = null;
        assignment.completedAt = null;
        assignment.volunteerHours = null;
        assignment.declineCode = null;
        assignment.declineReason = null;
        assignment.crew = new ArrayList<>();
        assignment.scheduledFor = null;
        assignment.activityId = assigned.activityId();
        assignment.offeredTo = assigned.offeredTo() == null ? new ArrayList<>() : new ArrayList<>(assigned.offeredTo());
        assignment.declinedBy = new ArrayList<>();
    }

    /** Whether the team is one of several the order is offered to at once and has not declined it. */
    public boolean isOfferedTo(String team) {
        return offeredTo.contains(team) && !declinedBy.contains(team);
    }

    /**
     * Of several teams the order is offered to at once, {@code team} is the first to accept it (抢单), and becomes its
     * team; one that comes later is refused, told which team took it. Exactly one acceptance: the caller holds the
     * row lock ({@link #lockedForAnswer}). An order offered to one team is that team's as ever.
     */
    public void takeFor(String team) {
        if (!offeredTo.contains(team) || team.equals(teamCode) && status != AssignmentStatus.OFFERED) {
            return;
        }
        if (status == AssignmentStatus.ACCEPTED || status == AssignmentStatus.COMPLETED) {
            throw new Conflict("taken", "Another team took the order first",
                    "order " + orderId + " was offered to several teams at once and " + teamCode + " accepted it first")
                    .with("takenBy", teamCode);
        }
        if (declinedBy.contains(team)) {
            throw new IllegalMove("assignment-state", "The assignment cannot make that move",
                    "order " + orderId + " was declined by " + team + " and cannot be accepted").with("status", status);
        }
        if (status == AssignmentStatus.OFFERED) {
            teamCode = team;
        }
    }

    /**
     * Once a team of several has accepted the order: the offer to each other team that still held it is withdrawn.
     */
    public List<OfferWithdrawn> withdrawnFromOthers(Instant now) {
        return offeredTo.stream().filter(team -> !team.equals(teamCode) && !declinedBy.contains(team))
                .map(team -> new OfferWithdrawn(orderId, team, teamCode, now)).toList();
    }

    /**
     * The team says no, and why. Of several teams the order is offered to at once, only that team's offer is over;
     * the order is declined when the last of them says no. Dispatch offers it on then.
     */
    public OrderDeclined declineBy(String team, OrderDeclined.DeclineReason code, String reason, Instant now) {
        if (!offeredTo.contains(team)) {
            return decline(code, reason, now);
        }
        requireStatus(AssignmentStatus.OFFERED, "declined");
        if (declinedBy.contains(team)) {
            throw new IllegalMove("assignment-state", "The assignment cannot make that move",
                    "order " + orderId + " was declined by " + team + " already").with("status", status);
        }
        declinedBy.add(team);
        declineCode = code;
        declineReason = reason;
        if (declinedBy.containsAll(offeredTo)) {
            status = AssignmentStatus.DECLINED;
        } else if (team.equals(teamCode)) {
            // the order's team is one still holding the offer, as in dispatch
            teamCode = offeredTo.stream().filter(this::isOfferedTo).findFirst().orElseThrow();
        }
        return new OrderDeclined(orderId, team, code, reason, now, offeredAt());
    }

    /** The team takes the order (接单), naming who goes and, if it knows, when. */
    public OrderAccepted accept(List<UUID> volunteers, Instant scheduled, Instant now) {
        requireStatus(AssignmentStatus.OFFERED, "accepted");
        status = AssignmentStatus.ACCEPTED;
        acceptedAt = now;
        crew = new ArrayList<>(volunteers);
        scheduledFor = scheduled;
        return new OrderAccepted(orderId, teamCode, now, scheduled, activityId, offeredAt(), List.copyOf(crew));
    }

    /** The team says no, and why; dispatch offers the order to another team. */
    public OrderDeclined decline(OrderDeclined.DeclineReason code, String reason, Instant now) {
        requireStatus(AssignmentStatus.OFFERED, "declined");
        status = AssignmentStatus.DECLINED;
        declineCode = code;
        declineReason = reason;
        return new OrderDeclined(orderId, teamCode, code, reason, now, offeredAt());
    }

    /**
     * The team has delivered; {@code hours} is the volunteer time it took, {@code ledger} the lines it writes into the
     * hours ledger ({@link io.feiyan.team.service.HoursLedger}).
     */
    public OrderCompleted complete(BigDecimal hours, List<OrderCompleted.HoursLine> ledger, Instant now) {
        requireStatus(AssignmentStatus.ACCEPTED, "completed");
        status = AssignmentStatus.COMPLETED;
        completedAt = now;
        volunteerHours = hours;
        return new OrderCompleted(orderId, teamCode, hours, now, activityId, offeredAt(), List.copyOf(ledger));
    }

    /**
     * Whether an answer to the offer made at {@code offeredAt} answers this offer: the same moment, to the microsecond
     * the database keeps.
     */
    public boolean isOffer(Instant offeredAt) {
        return Duration.between(assignedAt, offeredAt).abs().toNanos() < 1_000;
    }

    /** Whether the offer made at {@code offeredAt} came after this one: an answer to it waits for it. */
    public boolean isBeforeOffer(Instant offeredAt) {
        return !isOffer(offeredAt) && assignedAt.isBefore(offeredAt);
    }

    /**
     * The team's acceptance of this offer, heard back from its topic (after a restore, an acceptance the database
     * lost): taken unless it is here already. An acceptance outlives a cancellation or an escalation heard since:
     * it came first.
     */
    public void heard(OrderAccepted accepted) {
        if (isUnanswered()) {
            status = AssignmentStatus.ACCEPTED;
            teamCode = accepted.teamCode();
        } else if (status != AssignmentStatus.COMPLETED || acceptedAt != null) {
            return; // here already (a completion heard first leaves what the acceptance said to it)
        }
        acceptedAt = accepted.acceptedAt();
        crew = accepted.crew() == null ? new ArrayList<>() : new ArrayList<>(accepted.crew());
        scheduledFor = accepted.scheduledFor();
    }

    /** The team's decline of this offer, heard back from its topic: taken unless it is here already. */
    public void heard(OrderDeclined declined) {
        if (!isUnanswered() || declinedBy.contains(declined.teamCode())) {
            return;
        }
        AssignmentStatus before = status;
        status = AssignmentStatus.OFFERED;
        declineBy(declined.teamCode(), declined.reasonCode(), declined.reason(), declined.declinedAt());
        if (status == AssignmentStatus.OFFERED) {
            status = before; // another team it was offered to still holds it, unless it was called off
        }
    }

    /**
     * The team's completion of this offer, heard back from its topic: taken unless it is here already; whether it was
     * (its hours ledger is then the caller's to write).
     */
    public boolean heard(OrderCompleted completed) {
        if (status == AssignmentStatus.COMPLETED || status == AssignmentStatus.DECLINED) {
            return false;
        }
        status = AssignmentStatus.COMPLETED;
        teamCode = completed.teamCode();
        completedAt = completed.completedAt();
        volunteerHours = completed.volunteerHours();
        return true;
    }

    /** The offer the team answers: none for a need solved on the spot, which was never offered (no time to accept by). */
    private Instant offeredAt() {
        return acceptBy == null ? null : assignedAt;
    }

    /** No answer of the team's to this offer is here yet: it stands, or was called off before one was heard. */
    private boolean isUnanswered() {
        return status == AssignmentStatus.OFFERED || status == AssignmentStatus.CANCELLED;
    }

    /** The order was withdrawn, or dispatch passed it on; only an offer not yet accepted is called off. */
    public void cancel() {
        if (status == AssignmentStatus.OFFERED) {
            status = AssignmentStatus.CANCELLED;
        }
    }

    /** Refuses volunteers who are not the team's: the team sends, and records the hours of, its own. */
    public void requireTeamVolunteers(List<UUID> volunteers, String field) {
        for (UUID id : volunteers) {
            Volunteer volunteer = Volunteer.findById(id);
            if (volunteer == null || !volunteer.teamCodes.contains(teamCode)) {
                throw new Unprocessable("not-a-team-volunteer", "Not a volunteer of the team",
                        "volunteer " + id + " is not one of " + teamCode + "'s").with("field", field);
            }
        }
    }

    /**
     * Refuses to {@code act} (accept, decline, complete) on one order of an activity: the team answers for the
     * activity as one, at /api/activities/{activityId}.
     */
    public void requireServedAlone(String act) {
        if (activityId != null) {
            throw new IllegalMove("in-an-activity", "The order is served in an activity",
                    "order " + orderId + " is served in activity " + activityId + " with other residents' orders: "
                            + act + " the activity, at /api/activities/" + activityId + "/" + act)
                    .with("activityId", activityId);
        }
    }

    private void requireStatus(AssignmentStatus expected, String move) {
        if (status != expected) {
            throw new IllegalMove("assignment-state", "The assignment cannot make that move",
                    "order " + orderId + " is " + status + " and cannot be " + move).with("status", status);
        }
    }
}
