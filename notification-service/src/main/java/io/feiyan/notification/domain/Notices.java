package io.feiyan.notification.domain;

import io.feiyan.events.FollowUpDue;
import io.feiyan.events.OfferWithdrawn;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCallRequested;
import io.feiyan.events.OrderCancelled;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderEvent;
import io.feiyan.events.OrderUnserved;
import io.feiyan.events.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is told what, and when, of an order event: a pure rule of the event and the order's facts, tested by tables of
 * situations (NoticesTest). It also says which notices still waiting to be sent are no longer news (a reminder of an
 * offer that was answered). Who exactly the audience is, and how each wants to be told, is decided afterwards
 * (service/Recipients).
 */
public final class Notices {
    /** When the day before a planned visit the resident is reminded of it (local time). */
    static final LocalTime EVE_OF_VISIT = LocalTime.of(18, 0);
    /** At the latest this long before a deadline the team that holds the order is reminded of it. */
    static final Duration DEADLINE_NEAR_AT_MOST = Duration.ofHours(24);

    private final ZoneId zone;

    public Notices(ZoneId zone) {
        this.zone = zone;
    }

    /** What the event means for whom: the notices it causes and the waiting ones it makes stale. */
    public record Decision(List<Notice> tell, List<Stale> stale) {
        static final Decision NOTHING = new Decision(List.of(), List.of());
    }

    /** Waiting notices of this kind about the order, for this team's people (any team's when null), are no longer news. */
    public record Stale(Kind kind, String teamCode) {
    }

    public Decision of(OrderEvent event, OrderFacts order) {
        if (event instanceof OrderAssigned assigned) {
            return offered(assigned, order);
        }
        if (event instanceof OfferWithdrawn withdrawn) {
            return new Decision(
                    List.of(notice(Kind.OFFER_WITHDRAWN, new Audience.TeamOf(withdrawn.teamCode()),
                            withdrawn.withdrawnAt(), order, Map.of("team", withdrawn.teamCode(),
                                    "takenBy", withdrawn.takenBy()))),
                    List.of(new Stale(Kind.OFFER_REMINDER, withdrawn.teamCode())));
        }
        if (event instanceof OrderDeclined declined) {
            return new Decision(List.of(), List.of(new Stale(Kind.OFFER_REMINDER, declined.teamCode())));
        }
        if (event instanceof OrderEscalated escalated) {
            return escalated(escalated, order);
        }
        if (event instanceof OrderUnserved unserved) {
            return unserved(unserved, order);
        }
        if (event instanceof OrderAccepted accepted) {
            return accepted(accepted, order);
        }
        if (event instanceof OrderCompleted completed) {
            return new Decision(
                    toVolunteerAndResident(Kind.ORDER_COMPLETED, completed.completedAt(), order,
                            Map.of("team", completed.teamCode())),
                    List.of(new Stale(Kind.DEADLINE_NEAR, null), new Stale(Kind.VISIT_TOMORROW, null)));
        }
        if (event instanceof OrderCancelled) {
            return new Decision(List.of(), List.of(new Stale(Kind.OFFER_REMINDER, null),
                    new Stale(Kind.DEADLINE_NEAR, null), new Stale(Kind.VISIT_TOMORROW, null)));
        }
        if (event instanceof FollowUpDue followUp) {
            Audience audience = order.placedBy() != null ? new Audience.Person(order.placedBy())
                    : new Audience.VolunteersOf(followUp.villageCode());
            return new Decision(List.of(notice(Kind.FOLLOW_UP_DUE, audience, followUp.openedAt(), order,
                    Map.of("why", followUp.reason().name()))), List.of());
        }
        if (event instanceof OrderCallRequested call) {
            return new Decision(List.of(notice(Kind.CALL_REQUESTED, new Audience.VolunteersOf(call.villageCode()),
                    call.occurredAt(), order, call.note() == null ? Map.of() : Map.of("note", call.note()))),
                    List.of());
        }
        return Decision.NOTHING;
    }

    /** Each team offered the order hears of it now, and again at half its time to accept if it has not answered. */
    private Decision offered(OrderAssigned assigned, OrderFacts order) {
        List<Notice> tell = new ArrayList<>();
        for (String team : assigned.offeredTeams()) {
            Map<String, String> params = new HashMap<>();
            params.put("team", team);
            if (assigned.acceptBy() != null) {
                params.put("acceptBy", assigned.acceptBy().toString());
            }
            Audience audience = new Audience.TeamOf(team);
            tell.add(notice(Kind.OFFER_NEW, audience, assigned.assignedAt(), order, params, assigned.acceptBy()));
            if (assigned.acceptBy() != null && assigned.acceptBy().isAfter(assigned.assignedAt())) {
                Instant half = assigned.assignedAt()
                        .plus(Duration.between(assigned.assignedAt(), assigned.acceptBy()).dividedBy(2));
                tell.add(notice(Kind.OFFER_REMINDER, audience, half, order, params, assigned.acceptBy()));
            }
        }
        // a new offer ends the earlier ones' reminders
        return new Decision(tell, List.of(new Stale(Kind.OFFER_REMINDER, null)));
    }

    private Decision escalated(OrderEscalated escalated, OrderFacts order) {
        List<Notice> tell = new ArrayList<>();
        if (escalated.reason() == OrderEscalated.EscalationReason.DEADLINE_PASSED && needsOperators(order)) {
            tell.add(notice(Kind.CASE_NEEDS_OPERATOR, new Audience.OperatorsOf(order.villageCode()),
                    escalated.escalatedAt(), order, Map.of("why", "DEADLINE_PASSED")));
        }
        return new Decision(tell, List.of(new Stale(Kind.OFFER_REMINDER, null)));
    }

    private Decision unserved(OrderUnserved unserved, OrderFacts order) {
        List<Notice> tell = new ArrayList<>();
        if (order.placedBy() != null) {
            tell.add(notice(Kind.ORDER_WAITING, new Audience.Person(order.placedBy()), unserved.unservedAt(), order,
                    Map.of()));
        }
        if (needsOperators(order)) {
            tell.add(notice(Kind.CASE_NEEDS_OPERATOR, new Audience.OperatorsOf(order.villageCode()),
                    unserved.unservedAt(), order, Map.of("why", "UNSERVED")));
        }
        return new Decision(tell, List.of(new Stale(Kind.OFFER_REMINDER, null)));
    }

    private Decision accepted(OrderAccepted accepted, OrderFacts order) {
        Map<String, String> params = new HashMap<>();
        params.put("team", accepted.teamCode());
        if (accepted.scheduledFor() != null) {
            params.put("scheduledFor", accepted.scheduledFor().toString());
        }
        List<Notice> tell = new ArrayList<>(
                toVolunteerAndResident(Kind.ORDER_ACCEPTED, accepted.acceptedAt(), order, params));
        if (accepted.scheduledFor() != null) {
            Instant eve = accepted.scheduledFor().atZone(zone).toLocalDate().minusDays(1).atTime(EVE_OF_VISIT)
                    .atZone(zone).toInstant();
            if (eve.isAfter(accepted.acceptedAt()) && order.residentId() != null) {
                tell.add(notice(Kind.VISIT_TOMORROW, new Audience.Resident(order.residentId()), eve, order, params,
                        accepted.scheduledFor()));
            }
        }
        if (order.deadline() != null && order.deadline().isAfter(accepted.acceptedAt())) {
            Duration before = Duration.between(accepted.acceptedAt(), order.deadline()).dividedBy(4);
            if (before.compareTo(DEADLINE_NEAR_AT_MOST) > 0) {
                before = DEADLINE_NEAR_AT_MOST;
            }
            tell.add(notice(Kind.DEADLINE_NEAR, new Audience.TeamOf(accepted.teamCode()),
                    order.deadline().minus(before), order, Map.of("team", accepted.teamCode(),
                            "deadline", order.deadline().toString()), order.deadline()));
        }
        return new Decision(tell, List.of(new Stale(Kind.OFFER_REMINDER, null)));
    }

    private List<Notice> toVolunteerAndResident(Kind kind, Instant at, OrderFacts order, Map<String, String> params) {
        List<Notice> tell = new ArrayList<>();
        if (order.placedBy() != null) {
            tell.add(notice(kind, new Audience.Person(order.placedBy()), at, order, params));
        }
        if (order.residentId() != null) {
            tell.add(notice(kind, new Audience.Resident(order.residentId()), at, order, params));
        }
        return tell;
    }

    private static boolean needsOperators(OrderFacts order) {
        return order.villageCode() != null && Set.of(Urgency.CRITICAL, Urgency.URGENT).contains(order.urgency());
    }

    private static Notice notice(Kind kind, Audience audience, Instant at, OrderFacts order,
            Map<String, String> params) {
        return notice(kind, audience, at, order, params, null);
    }

    /** A notice about the order, critical when the order is; news until {@code staleAfter} (always when null). */
    private static Notice notice(Kind kind, Audience audience, Instant at, OrderFacts order,
            Map<String, String> params, Instant staleAfter) {
        Map<String, String> all = new HashMap<>(params);
        if (order.projectCode() != null) {
            all.put("project", order.projectCode());
        }
        all.put("urgency", order.urgency().name());
        return new Notice(kind, audience, at, staleAfter, order.urgency() == Urgency.CRITICAL, all);
    }
}
