package io.feiyan.dispatch.domain;

import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderEscalated.EscalationReason;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.OrderApproved;
import io.feiyan.events.OrderRejected;
import io.feiyan.events.OrderUnserved;
import io.feiyan.events.RegionCode;
import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import io.feiyan.platform.domain.DomainException;
import io.feiyan.platform.domain.IllegalMove;
import io.feiyan.platform.messaging.KeepsOrderTrace;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One order as dispatch handles it: reviewed (审核), sent to a team (派单) at a tier, passed up the
 * tiers when a tier cannot serve it. Its moves return the events they cause.
 */
@Entity
public class DispatchCase extends PanacheEntityBase implements KeepsOrderTrace {
    @Id
    public UUID orderId;
    public UUID residentId;
    /** Null for a need in the resident's words. */
    public String projectCode;
    public String category;
    public String villageCode;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    @Enumerated(EnumType.STRING)
    public CaseStatus status;
    /** The tier the case is at: where it is being routed, or the tier of its team. */
    @Enumerated(EnumType.STRING)
    public Tier tier = Tier.VILLAGE;
    public String teamCode;
    /** The team must accept by then, or the case passes on. */
    public Instant acceptBy;
    /** The service is due by then. */
    public Instant deadline;
    /** The deadline passed undelivered and the tier above was told (once per assignment). */
    public boolean deadlineEscalated;
    /** Its team had let the case's time pass before and was asked again, no other team being left. */
    public boolean askedAgain;
    /** Teams that declined the case or let it time out: it is not offered to them again. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> passedBy = new ArrayList<>();
    /**
     * Those of them that declined it, or that an operator took it from: unlike a team that only let its time pass,
     * never offered it again by the rule, unserved or not.
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> declinedBy = new ArrayList<>();
    /**
     * While the case is offered to several teams of its tier at once (抢单), those still holding the offer, {@link
     * #teamCode} among them: each has a place taken for it. Empty when it is offered to one team, or with a team.
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> offeredTo = new ArrayList<>();
    /** No team, even at county, can take it now: it waits for an operator. */
    public boolean unserved;
    /** When it last came to wait unserved (meaningful while {@link #unserved}). */
    public Instant unservedSince;
    public String reviewReason;
    /** The region code of the station, institute or centre whose operators review the case. */
    public String reviewQueue;
    public Instant placedAt;
    public Instant assignedAt;
    public Instant updatedAt;
    /**
     * The time of dispatch's last decision on the case (an approval, a rejection, an offer, an escalation, unserved):
     * each decision is later than the one before, so a decision heard back from dispatch's topics is one the case
     * holds when it is no later than this.
     */
    public Instant decidedAt;
    /** The trace the order was placed in (W3C traceparent): every event about the case is published in it. */
    public String traceparent;
    /** The activity (one visit serving several residents) the case is served in; null when it is served alone. */
    public UUID activityId;
    /** The activity a 飞燕 volunteer asked to add the resident to, until the case is first assigned. */
    public UUID joinActivity;
    @Transient
    private List<String> released = new ArrayList<>();
    @Transient
    private List<LeftActivity> left = new ArrayList<>();
    @Transient
    private List<String> freed = new ArrayList<>();

    /** The case left its activity, {@code served} when it was completed in it. */
    public record LeftActivity(UUID activityId, boolean served) {
    }

    /** Opens the case of a newly placed order in review; one with no {@code reviewReason} is approved at once. */
    public static DispatchCase open(OrderPlaced placed, String reviewReason, Tier reviewTier, Instant now) {
        DispatchCase c = new DispatchCase();
        c.orderId = placed.orderId();
        c.residentId = placed.residentId();
        c.projectCode = placed.projectCode();
        c.category = placed.category();
        c.villageCode = placed.villageCode();
        c.urgency = placed.urgency();
        c.placedAt = placed.placedAt();
        c.joinActivity = placed.joinActivity();
        c.status = CaseStatus.IN_REVIEW;
        c.reviewReason = reviewReason;
        c.reviewQueue = reviewReason == null ? null : RegionCode.of(placed.villageCode()).at(reviewTier).value();
        c.updatedAt = now;
        return c;
    }

    @Override
    public String orderTrace() {
        return traceparent;
    }

    public boolean isRoutable() {
        return status == CaseStatus.WAITING;
    }

    /**
     * The region whose operators act on the case now: while it is in review, its review queue (assigning or
     * escalating it approves it, so that is the queue's to do too); after, the village, town or county of its
     * tier. A region's operators and those of the regions containing it act; a town never acts on the county's.
     */
    public String handledBy() {
        RegionCode village = RegionCode.of(villageCode);
        if (status == CaseStatus.IN_REVIEW) {
            // a case in review from before review queues were kept is the county centre's
            return reviewQueue != null ? reviewQueue : village.at(Tier.COUNTY).value();
        }
        return village.at(tier).value();
    }

    /**
     * The teams this case gave back a place to (left, completed or withdrawn while with them) since last asked: their
     * open orders are one fewer each. Not stored.
     */
    public List<String> takeReleased() {
        List<String> teams = released;
        released = new ArrayList<>();
        return teams;
    }

    /**
     * The activities this case left (declined, timed out, withdrawn, taken out or completed while in them) since last
     * asked: their residents are one fewer each. Not stored.
     */
    public List<LeftActivity> takeLeft() {
        List<LeftActivity> activities = left;
        left = new ArrayList<>();
        return activities;
    }

    /** Teams given a place back as this case left them or its activity there ended: told once, by {@link #takeFreed}. */
    public void freed(Collection<String> teams) {
        freed.addAll(teams);
    }

    public List<String> takeFreed() {
        List<String> teams = freed;
        freed = new ArrayList<>();
        return teams;
    }

    /** The case's team has one order fewer: its place, or its activity's resident (the activity holds the place). */
    private void release(boolean served) {
        if (teamCode != null && (status == CaseStatus.ASSIGNED || status == CaseStatus.ACCEPTED)) {
            if (activityId != null) {
                left.add(new LeftActivity(activityId, served));
            } else {
                released.addAll(holders());
            }
        }
    }

    /** The teams holding the case now: those it is offered to at once, or its one team; none without a team. */
    public List<String> holders() {
        if (teamCode == null) {
            return List.of();
        }
        return offeredTo.isEmpty() ? List.of(teamCode) : List.copyOf(offeredTo);
    }

    /** Whether the case is offered to several teams at once, none of which has taken it yet. */
    public boolean offeredToSeveral() {
        return status == CaseStatus.ASSIGNED && offeredTo.size() > 1;
    }

    /** Gives the case to the team, which has {@code acceptWithin} to accept it. */
    public OrderAssigned assignTo(String team, Tier teamTier, Duration acceptWithin, String operator, String note,
            Tier lowestCapable, List<String> peers, boolean askedAgain, Instant now) {
        return offerTo(List.of(team), teamTier, acceptWithin, operator, note, lowestCapable, peers, askedAgain, now);
    }

    /**
     * Offers the case to the teams of a tier at once (抢单), the first the one the rule chose first: the first to
     * accept takes it. Each has {@code acceptWithin} to accept it. Offered to one team, it is that team's as ever.
     */
    public OrderAssigned offerTo(List<String> teams, Tier teamTier, Duration acceptWithin, String operator, String note,
            Tier lowestCapable, List<String> peers, boolean askedAgain, Instant now) {
        return offerTo(teams, teamTier, null, now.plus(acceptWithin), operator, note, lowestCapable, peers, askedAgain,
                now);
    }

    /**
     * Offers the case to the teams at once, or gives it to one; in the activity when one is named (null: served
     * alone), to one team only. They have until {@code acceptBy} to accept it.
     */
    public OrderAssigned offerTo(List<String> teams, Tier teamTier, UUID activity, Instant acceptBy, String operator,
            String note, Tier lowestCapable, List<String> peers, boolean askedAgain, Instant now) {
        String team = teams.get(0);
        Instant decided = decide(now);
        acceptBy = acceptBy.plus(Duration.between(now, decided)); // the time to accept counts from the decision
        now = decided;
        status = CaseStatus.ASSIGNED;
        unserved = false;
        joinActivity = null;
        teamCode = team;
        offeredTo = teams.size() > 1 ? new ArrayList<>(teams) : new ArrayList<>();
        tier = teamTier;
        activityId = activity;
        assignedAt = now;
        this.acceptBy = acceptBy;
        deadline = now.plus(urgency.timeLimit());
        deadlineEscalated = false;
        this.askedAgain = askedAgain;
        updatedAt = now;
        return new OrderAssigned(orderId, teamCode, tier, projectCode, acceptBy, deadline, operator, note, now,
                lowestCapable, peers, askedAgain, offeredTo.isEmpty() ? null : List.copyOf(offeredTo), activityId);
    }

    /** An operator takes the case out of its activity (a split, a merge): it waits for a team again, none passed by. */
    public void takenOutOfActivity(Instant now) {
        leaveTeam(now);
    }

    /** Sends the case up one tier, away from its team if it had one. */
    public OrderEscalated escalate(EscalationReason reason, String operator, String note, Instant now) {
        if (tier == Tier.COUNTY) {
            throw cannotBe("escalated beyond the county");
        }
        Tier from = tier;
        tier = tier.above();
        now = decide(now);
        leaveTeam(now);
        return new OrderEscalated(orderId, from, tier, reason, operator, note, now);
    }

    /**
     * The team accepted the case and its deadline passed undelivered: the operators of the tier above (at the county,
     * the county centre's) are told, once; the case stays with its team.
     */
    public OrderEscalated deadlinePassed(Instant now) {
        requireStatus(CaseStatus.ACCEPTED, "escalated as overdue");
        now = decide(now);
        deadlineEscalated = true;
        updatedAt = now;
        return new OrderEscalated(orderId, tier, tier.above(), EscalationReason.DEADLINE_PASSED, null,
                teamCode + " was to deliver by " + deadline, now);
    }

    /** The team said no: the case is free to go to another, and never back to it. */
    public void declinedBy(String team, Instant now) {
        if (!declinedBy.contains(team)) {
            declinedBy.add(team);
        }
        passedOnBy(team, now);
    }

    /**
     * One of several teams the case is offered to at once said no: its offer is over (its place given back, never
     * offered it again), and the case stays with the others. Returns false when it was the last one holding it: then
     * the case is free to go on, as after any decline ({@link #declinedBy}).
     */
    public boolean declinedByOneOfSeveral(String team, Instant now) {
        if (!offeredToSeveral() || !offeredTo.contains(team)) {
            return false;
        }
        offeredTo.remove(team);
        released.add(team);
        if (!declinedBy.contains(team)) {
            declinedBy.add(team);
        }
        if (!passedBy.contains(team)) {
            passedBy.add(team);
        }
        if (team.equals(teamCode)) {
            teamCode = offeredTo.get(0);
        }
        if (offeredTo.size() == 1) {
            offeredTo = new ArrayList<>(); // one team left: it is that team's alone
        }
        updatedAt = now;
        return true;
    }

    /** The teams holding the case let its time to accept pass: each passes it by, and it is free to go on. */
    public void letPassBy(Instant now) {
        for (String team : holders()) {
            if (!passedBy.contains(team)) {
                passedBy.add(team);
            }
        }
        leaveTeam(now);
    }

    /** An operator gives the case to another team: as after a decline, the rule never offers it back to this one. */
    public void takenFrom(String team, Instant now) {
        declinedBy(team, now);
    }

    /** The team said no or let the time to accept pass: the case is free to go to another. */
    public void passedOnBy(String team, Instant now) {
        if (!passedBy.contains(team)) {
            passedBy.add(team);
        }
        leaveTeam(now);
    }

    /** No team in the county can take the case now: it waits for one to have room, or for an operator. */
    public OrderUnserved markUnserved(Instant now) {
        now = decide(now);
        unserved = true;
        unservedSince = now;
        updatedAt = now;
        return new OrderUnserved(orderId, now);
    }

    /** The case passes review and waits for a team; {@code operator} is null when it needed no review. */
    public OrderApproved approve(String operator, Instant now) {
        requireStatus(CaseStatus.IN_REVIEW, "approved");
        now = decide(now);
        status = CaseStatus.WAITING;
        updatedAt = now;
        return new OrderApproved(orderId, operator, now);
    }

    public OrderRejected reject(String reason, String operator, Instant now) {
        if (status != CaseStatus.IN_REVIEW && status != CaseStatus.WAITING) {
            throw cannotBe("rejected");
        }
        now = decide(now);
        status = CaseStatus.REJECTED;
        updatedAt = now;
        return new OrderRejected(orderId, reason, operator, now);
    }

    /** The resident reported the delivered service unresolved: route it again from the village. */
    public void reopen(Instant now) {
        if (status != CaseStatus.COMPLETED) {
            return;
        }
        tier = Tier.VILLAGE;
        passedBy = new ArrayList<>();
        declinedBy = new ArrayList<>();
        leaveTeam(now);
    }

    /** The resident withdrew the order; one a team has accepted stays with the team. */
    public void cancel(Instant now) {
        if (status == CaseStatus.IN_REVIEW || status == CaseStatus.WAITING || status == CaseStatus.ASSIGNED) {
            release(false);
            offeredTo = new ArrayList<>();
            status = CaseStatus.CANCELLED;
            updatedAt = now;
        }
    }

    /** The team reports progress; reports of a team the case has left, or late ones, change nothing. */
    public boolean advance(String reportingTeam, CaseStatus reached, Instant now) {
        boolean forward = status == CaseStatus.ASSIGNED && reached == CaseStatus.ACCEPTED
                || status == CaseStatus.ACCEPTED && reached == CaseStatus.COMPLETED
                || status == CaseStatus.ASSIGNED && reached == CaseStatus.COMPLETED;
        if (!forward || !holders().contains(reportingTeam)) {
            return false;
        }
        if (reached == CaseStatus.COMPLETED) {
            release(true);
        } else {
            // the first of several to accept takes it: the others' places are given back
            holders().stream().filter(team -> !team.equals(reportingTeam)).forEach(released::add);
        }
        teamCode = reportingTeam;
        offeredTo = new ArrayList<>();
        status = reached;
        updatedAt = now;
        return true;
    }

    /**
     * The time of a decision made {@code now}, to the microsecond the database keeps (the decision heard back is then
     * the very time the case holds): later than the case's last by a microsecond at least, so that the case's
     * decisions are ordered by their times even when made in one moment, as the escalations of one routing are, or
     * by instances whose clocks differ a little.
     */
    private Instant decide(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        Instant after = decidedAt == null ? at : decidedAt.plus(1, ChronoUnit.MICROS);
        decidedAt = at.isBefore(after) ? after : at;
        return decidedAt;
    }

    /**
     * Whether the case holds dispatch's decision made at {@code at}, or a later one: then hearing it changes nothing.
     * Compared to the microsecond: the database keeps no more, and rounds what it is given.
     */
    public boolean holdsDecision(Instant at) {
        return decidedAt != null && !at.truncatedTo(ChronoUnit.MICROS).isAfter(decidedAt);
    }

    /**
     * Whether a team's answer to the offer made at {@code offeredAt} answers an offer the case has not heard of yet: one
     * after its last decision. Only after a restore does an answer come back before its offer.
     */
    public boolean isBeforeOffer(Instant offeredAt) {
        return offeredAt != null && !holdsDecision(offeredAt.minusNanos(999));
    }

    /** Dispatch's approval, heard back from its topic (after a restore, one the database lost). */
    public void heard(OrderApproved approved) {
        decidedAt = approved.approvedAt();
        if (status == CaseStatus.IN_REVIEW) {
            status = CaseStatus.WAITING;
            updatedAt = approved.approvedAt();
        }
    }

    /** Dispatch's rejection, heard back from its topic: the case leaves any team it was heard given to. */
    public void heard(OrderRejected rejected) {
        leaveTeam(rejected.rejectedAt());
        decidedAt = rejected.rejectedAt();
        status = CaseStatus.REJECTED;
    }

    /**
     * Dispatch's escalation, heard back from its topic: the case leaves its team for the tier above; one that told the
     * tier above of an overdue delivery marks the accepted case so (it says nothing else of the case, and leaves its
     * time of decision as it was: the offer it is about may come back after it).
     */
    public void heard(OrderEscalated escalated) {
        if (escalated.reason() == EscalationReason.DEADLINE_PASSED) {
            deadlineEscalated = deadlineEscalated || status == CaseStatus.ACCEPTED;
            return;
        }
        leaveTeam(escalated.escalatedAt());
        decidedAt = escalated.escalatedAt();
        tier = escalated.toTier();
    }

    /**
     * Dispatch's offer, heard back from its topic: the case leaves the team it had and is offered as the event says.
     * Places at the teams, and the activity's resident, are the caller's to take.
     */
    public void heard(OrderAssigned assigned) {
        leaveTeam(assigned.assignedAt());
        List<String> teams = assigned.offeredTo() == null ? List.of(assigned.teamCode()) : assigned.offeredTo();
        offerTo(teams, assigned.tier(), assigned.activityId(), assigned.acceptBy(), assigned.assignedBy(),
                assigned.note(), assigned.lowestCapableTier(), assigned.peerTeams(),
                Boolean.TRUE.equals(assigned.askedAgain()), assigned.assignedAt());
        decidedAt = assigned.assignedAt();
        acceptBy = assigned.acceptBy();
        deadline = assigned.deadline();
    }

    /** Dispatch's finding that no team could take the case, heard back from its topic: it waits, unserved, at county. */
    public void heard(OrderUnserved unserved) {
        leaveTeam(unserved.unservedAt());
        markUnserved(unserved.unservedAt());
        decidedAt = unserved.unservedAt();
        tier = Tier.COUNTY;
    }

    /**
     * A team declined an offer of the case made before the one the case holds now (heard back after a restore, after
     * the offer that followed it): the team is not offered the case again by the rule.
     */
    public void declinedEarlierBy(String team) {
        if (!declinedBy.contains(team)) {
            declinedBy.add(team);
        }
        if (!passedBy.contains(team)) {
            passedBy.add(team);
        }
    }

    private void leaveTeam(Instant now) {
        release(false);
        status = CaseStatus.WAITING;
        teamCode = null;
        activityId = null;
        offeredTo = new ArrayList<>();
        acceptBy = null;
        deadline = null;
        assignedAt = null;
        updatedAt = now;
    }

    private void requireStatus(CaseStatus expected, String move) {
        if (status != expected) {
            throw cannotBe(move);
        }
    }

    /** The refusal of a move the case's status does not allow, such as approving a case that is not in review. */
    public DomainException cannotBe(String move) {
        return new IllegalMove("case-state", "The case cannot make that move",
                "case " + orderId + " is " + status + " and cannot be " + move).with("status", status);
    }
}
