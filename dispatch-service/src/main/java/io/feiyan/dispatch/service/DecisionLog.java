package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.Decision;
import io.feiyan.dispatch.domain.Decision.Kind;
import io.feiyan.events.OrderApproved;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCallRequested;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderRejected;
import io.feiyan.events.OrderReopened;
import io.feiyan.events.OrderUnserved;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The decision log: every decision on a case (the dashboard's recent decisions, the case's history), in the words
 * operators read. Each is recorded in the transaction of the move it tells of.
 */
final class DecisionLog {
    private DecisionLog() {
    }

    static void approved(OrderApproved approved) {
        Decision.record(approved.orderId(), Kind.APPROVED, "approved at review", approved.approvedBy(),
                approved.approvedAt());
    }

    static void rejected(OrderRejected rejected) {
        Decision.record(rejected.orderId(), Kind.REJECTED, rejected.reason(), rejected.rejectedBy(),
                rejected.rejectedAt());
    }

    /**
     * E.g. "quanyuan-institute at town tier, asked again: no other team is left: they know the village", or, offered
     * to several at once, "a, b at town tier, the first to accept takes it".
     */
    static void assigned(OrderAssigned assigned) {
        boolean askedAgain = Boolean.TRUE.equals(assigned.askedAgain());
        boolean several = assigned.offeredTeams().size() > 1;
        Decision.record(assigned.orderId(), Kind.ASSIGNED, String.join(", ", assigned.offeredTeams()) + " at "
                + lower(assigned.tier()) + " tier" + (several ? ", the first to accept takes it" : "")
                + (assigned.activityId() == null ? "" : ", in activity " + assigned.activityId())
                + (askedAgain ? ", asked again: no other team is left" : "")
                + (assigned.note() == null ? "" : ": " + assigned.note()), assigned.assignedBy(), assigned.assignedAt());
    }

    /** E.g. "village → town: operator (needs the county's equipment)". */
    static void escalated(OrderEscalated escalated) {
        Decision.record(escalated.orderId(), Kind.ESCALATED, lower(escalated.fromTier()) + " → "
                + lower(escalated.toTier()) + ": " + lower(escalated.reason())
                + (escalated.note() == null ? "" : " (" + escalated.note() + ")"), escalated.escalatedBy(),
                escalated.escalatedAt());
    }

    /** The tier above told of a delivery overdue: "<team> was to deliver by …: overdue, town tier told". */
    static void overdue(OrderEscalated overdue) {
        Decision.record(overdue.orderId(), Kind.ESCALATED, overdue.note() + ": overdue, "
                + lower(overdue.toTier()) + " tier told", null, overdue.escalatedAt());
    }

    static void declined(OrderDeclined declined, Instant now) {
        Decision.record(declined.orderId(), Kind.DECLINED, declined.teamCode() + ": " + declined.inWords(), null, now);
    }

    static void timedOut(UUID orderId, String team, Instant now) {
        Decision.record(orderId, Kind.TIMED_OUT, team + " did not accept in time", null, now);
    }

    static void unserved(OrderUnserved unserved) {
        Decision.record(unserved.orderId(), Kind.UNSERVED, "no team in the county can take it now", null,
                unserved.unservedAt());
    }

    static void reopened(OrderReopened reopened, Instant now) {
        Decision.record(reopened.orderId(), Kind.REOPENED, reopened.reason(), null, now);
    }

    /** E.g. "the village's 飞燕 volunteer is asked to call the resident: ask whether Tuesday suits". */
    static void callRequested(OrderCallRequested requested) {
        Decision.record(requested.orderId(), Kind.CALL_REQUESTED, "the village's 飞燕 volunteer is asked to call the "
                + "resident: " + requested.note(), requested.requestedBy(), requested.requestedAt());
    }

    /** E.g. "taken out of activity …: the road to her house is closed that day". */
    static void split(UUID orderId, UUID activityId, String operator, String note, Instant now) {
        Decision.record(orderId, Kind.SPLIT, "taken out of activity " + activityId + (note == null ? "" : ": " + note),
                operator, now);
    }

    /** A tier or reason as words: {@code NO_TEAM_AVAILABLE} → "no team available". */
    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
