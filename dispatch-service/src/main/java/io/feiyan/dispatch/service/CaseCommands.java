package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.Activity;
import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.dispatch.domain.Team;
import io.feiyan.events.OrderApproved;
import io.feiyan.events.OrderCallRequested;
import io.feiyan.events.OrderEscalated.EscalationReason;
import io.feiyan.events.OrderRejected;
import io.feiyan.platform.domain.NotAllowed;
import io.feiyan.platform.domain.NotFound;
import io.feiyan.platform.domain.Unprocessable;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.routing.Routing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What operators do to a case by hand: approve or reject it at review (审核), give it to a team of their choice, send
 * it up a tier, ask the village's volunteer to call the resident. Each takes the case's row lock first, then checks that the case is the operator's to act on (its
 * {@link DispatchCase#handledBy() region}), before it changes anything.
 */
@ApplicationScoped
@Transactional
public class CaseCommands {
    private final Outbox outbox;
    private final CaseRouting routing;
    private final RoutingRetries retries;
    private final Activities activities;

    CaseCommands(Outbox outbox, CaseRouting routing, RoutingRetries retries, Activities activities) {
        this.outbox = outbox;
        this.routing = routing;
        this.retries = retries;
        this.activities = activities;
    }

    /** The case passes review; it is routed at once. */
    public void approve(UUID orderId, Operator by) {
        DispatchCase c = lockedFor(orderId, by);
        OrderApproved approved = c.approve(by.id(), Instant.now());
        outbox.publish(approved);
        DecisionLog.approved(approved);
        routing.route(c, Routing.Move.ROUTE, null);
        routing.changed(c);
    }

    public void reject(UUID orderId, Operator by, String reason) {
        DispatchCase c = lockedFor(orderId, by);
        OrderRejected rejected = c.reject(reason, by.id(), Instant.now());
        outbox.publish(rejected);
        DecisionLog.rejected(rejected);
        routing.changed(c);
    }

    /** An operator gives the case to a team of their choice, whatever its tier or load. */
    public void assign(UUID orderId, String teamCode, Operator by, String note) {
        offer(orderId, List.of(teamCode), by, note);
    }

    /**
     * An operator offers the case at once to the teams of their choice (one, or several: the first to accept takes it),
     * whatever their tier or load.
     */
    public void offer(UUID orderId, List<String> teamCodes, Operator by, String note) {
        DispatchCase c = lockedFor(orderId, by);
        if (!c.isRoutable() && c.status != CaseStatus.ASSIGNED && c.status != CaseStatus.IN_REVIEW) {
            throw c.cannotBe("assigned");
        }
        List<Team> teams = new ArrayList<>();
        for (String teamCode : teamCodes.stream().distinct().toList()) {
            Team team = Team.findById(teamCode);
            if (team == null || !team.active) {
                throw new Unprocessable("unknown-team", "No such active team", "there is no active team " + teamCode)
                        .with("field", teamCodes.size() == 1 ? "teamCode" : "teamCodes");
            }
            teams.add(team);
        }
        approvedByActing(c, by);
        routing.assignByHand(c, teams, by.id(), note);
        retries.unservedFor(routing.changed(c));
    }

    /**
     * An operator adds the case — in review, waiting, or offered to a team — to an open activity of its project whose
     * place holds its village: the activity's team takes it, whatever the activity's residents.
     */
    public void addToActivity(UUID orderId, UUID activityId, Operator by, String note) {
        DispatchCase c = lockedFor(orderId, by);
        if (!c.isRoutable() && c.status != CaseStatus.ASSIGNED && c.status != CaseStatus.IN_REVIEW
                || activityId.equals(c.activityId)) {
            throw c.cannotBe("added to activity " + activityId);
        }
        Activity activity = activities.locked(activityId).orElseThrow(() -> new NotFound("activity", activityId));
        if (!activity.status.isOpen()) {
            throw CaseRouting.activityClosed(activity);
        }
        requireHolds(activity, c);
        approvedByActing(c, by);
        routing.addByHand(c, activity, Team.findById(activity.teamCode), by.id(), note);
        retries.unservedFor(routing.changed(c));
    }

    /** An operator sends the case up one tier; it is routed there at once. */
    public void escalate(UUID orderId, Operator by, String note) {
        DispatchCase c = lockedFor(orderId, by);
        if (!c.status.isOpen() || c.status == CaseStatus.ACCEPTED) {
            throw c.cannotBe("escalated");
        }
        approvedByActing(c, by);
        routing.escalated(c.escalate(EscalationReason.OPERATOR, by.id(), note, Instant.now()));
        routing.route(c, Routing.Move.ROUTE, null);
        retries.unservedFor(routing.changed(c));
    }

    /**
     * An operator asks the village's 飞燕 volunteer on duty to call the resident, saying what to ask or tell: for an
     * open case whose village lies in the operator's region. The case itself does not change.
     */
    public void requestCall(UUID orderId, Operator by, String note) {
        DispatchCase c = DispatchCase.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new NotFound("case", orderId);
        }
        if (!by.covers().test(c.villageCode)) {
            throw new NotAllowed("the case's village " + c.villageCode + " is outside your region");
        }
        if (!c.status.isOpen()) {
            throw c.cannotBe("followed up by a call");
        }
        OrderCallRequested requested = new OrderCallRequested(c.orderId, c.villageCode, by.id(), note, Instant.now());
        outbox.publish(requested);
        DecisionLog.callRequested(requested);
        routing.changed(c);
    }

    /** Assigning or escalating a case in review approves it (without a decision of its own). */
    private void approvedByActing(DispatchCase c, Operator by) {
        if (c.status == CaseStatus.IN_REVIEW) {
            outbox.publish(c.approve(by.id(), Instant.now()));
        }
    }

    /** An activity takes only orders of its project from residents of its place. */
    static void requireHolds(Activity activity, DispatchCase c) {
        if (!activity.projectCode.equals(c.projectCode) || !activity.holds(c.villageCode)) {
            throw new Unprocessable("activity-elsewhere", "The activity serves another project or place",
                    "activity " + activity.id + " serves " + activity.projectCode + " in " + activity.placeCode
                            + "; the order is for " + c.projectCode + " in " + c.villageCode)
                    .with("field", "activityId");
        }
    }

    /** The case, locked, if it is the operator's to act on. */
    static DispatchCase lockedFor(UUID orderId, Operator by) {
        DispatchCase c = DispatchCase.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new NotFound("case", orderId);
        }
        String region = c.handledBy();
        if (!by.covers().test(region)) {
            throw new NotAllowed((c.status == CaseStatus.IN_REVIEW ? "the case waits in the review queue of " + region
                    : "the case is at " + DecisionLog.lower(c.tier) + " tier, in " + region)
                    + ", which is outside your region");
        }
        return c;
    }

}
