package io.feiyan.team.domain;

import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.platform.domain.IllegalMove;
import io.feiyan.platform.domain.NotAllowed;
import io.feiyan.platform.domain.NotFound;
import io.feiyan.platform.domain.Unprocessable;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One visit of a team serving several residents (an opera on the village square): the team's orders that dispatch
 * gave it with the same activity id, in order of their ids. The team answers for them as one — accepts once, declines
 * once, completes once — and each order keeps its own events. Its moves return those events.
 */
public final class Activity {
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final UUID id;
    private final List<Assignment> orders;

    public Activity(UUID id, List<Assignment> orders) {
        this.id = id;
        this.orders = orders.stream().sorted(Comparator.comparing(a -> a.orderId)).toList();
    }

    /**
     * The team's orders of the activity, locked for the move; refused when the activity has none, or when they are
     * another team's.
     */
    public static Activity lockedFor(UUID activityId, String team) {
        List<Assignment> all = Assignment.<Assignment>find("activityId = ?1 order by orderId", activityId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        if (all.isEmpty()) {
            throw new NotFound("activity", activityId);
        }
        List<Assignment> ours = all.stream().filter(a -> a.teamCode.equals(team)).toList();
        if (ours.isEmpty()) {
            throw new NotAllowed("not-your-assignment", "The activity is not assigned to your team",
                    "activity " + activityId + " is assigned to another team; only that team can act on it");
        }
        return new Activity(activityId, ours);
    }

    public UUID id() {
        return id;
    }

    /** Its orders, in order of their ids. */
    public List<Assignment> orders() {
        return orders;
    }

    /**
     * Where the activity stands: OFFERED while an order of it waits for the team's answer, then ACCEPTED while one is
     * to be served, then COMPLETED once one was; else (every order called off or declined) as its first order.
     */
    public AssignmentStatus status() {
        for (AssignmentStatus status : List.of(AssignmentStatus.OFFERED, AssignmentStatus.ACCEPTED,
                AssignmentStatus.COMPLETED)) {
            if (orders.stream().anyMatch(a -> a.status == status)) {
                return status;
            }
        }
        return orders.get(0).status;
    }

    /** The order that speaks for the activity: its team, project, crew and time. */
    public Assignment first() {
        AssignmentStatus status = status();
        return orders.stream().filter(a -> a.status == status).findFirst().orElse(orders.get(0));
    }

    /** An order of the activity the team has accepted, whose crew and time a late joiner takes. */
    public Optional<Assignment> accepted() {
        return orders.stream().filter(a -> a.status == AssignmentStatus.ACCEPTED).findFirst();
    }

    /** The team takes every order of the activity waiting for its answer, naming who goes and, if it knows, when. */
    public List<OrderAccepted> accept(List<UUID> crew, Instant scheduledFor, Instant now) {
        return in(AssignmentStatus.OFFERED, "accepted").stream().map(a -> a.accept(crew, scheduledFor, now)).toList();
    }

    /** The team says no to every order of the activity waiting for its answer; dispatch finds others. */
    public List<OrderDeclined> decline(OrderDeclined.DeclineReason code, String reason, Instant now) {
        return in(AssignmentStatus.OFFERED, "declined").stream().map(a -> a.decline(code, reason, now)).toList();
    }

    /**
     * The team delivered: every accepted order is completed with its share of the hours the team gave, split to the
     * cent so that the shares add up to them exactly (the remainder on the first order), and the first carries the
     * lines of the hours ledger, written once for the activity.
     */
    public List<OrderCompleted> complete(BigDecimal hours, List<OrderCompleted.HoursLine> ledger, Instant now) {
        List<Assignment> served = in(AssignmentStatus.ACCEPTED, "completed");
        List<BigDecimal> shares = shares(hours, served.size());
        List<OrderCompleted> completed = new ArrayList<>();
        for (int i = 0; i < served.size(); i++) {
            completed.add(served.get(i).complete(shares.get(i), i == 0 ? ledger : List.of(), now));
        }
        return completed;
    }

    /**
     * The hours split among {@code orders} orders to the cent, adding up to {@code hours} exactly, the remainder on the
     * first; refused when a share would be less than a cent.
     */
    public static List<BigDecimal> shares(BigDecimal hours, int orders) {
        BigDecimal each = hours.divide(BigDecimal.valueOf(orders), 2, RoundingMode.DOWN);
        if (each.compareTo(CENT) < 0) {
            throw new Unprocessable("hours-too-few-to-share", "Too few hours to share among the activity's orders",
                    hours.stripTrailingZeros().toPlainString() + " hours cannot give each of the activity's " + orders
                            + " orders at least 0.01").with("field", "volunteerHours");
        }
        List<BigDecimal> shares = new ArrayList<>();
        shares.add(hours.subtract(each.multiply(BigDecimal.valueOf(orders - 1L))));
        for (int i = 1; i < orders; i++) {
            shares.add(each);
        }
        return shares;
    }

    private List<Assignment> in(AssignmentStatus status, String move) {
        List<Assignment> those = orders.stream().filter(a -> a.status == status).toList();
        if (those.isEmpty()) {
            throw new IllegalMove("activity-state", "The activity cannot make that move",
                    "activity " + id + " has no order that can be " + move + " (it is " + status() + ")")
                    .with("status", status());
        }
        return those;
    }
}
