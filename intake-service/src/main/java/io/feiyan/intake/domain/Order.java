package io.feiyan.intake.domain;

import io.feiyan.events.Channel;
import io.feiyan.events.EventType;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCancelled;
import io.feiyan.events.OrderEvent;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.TimeOrderedIds;
import io.feiyan.events.Urgency;
import io.feiyan.platform.messaging.KeepsOrderTrace;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A resident's need, as placed (点单): by the resident in the app or on WeChat, by a 飞燕 volunteer on
 * their behalf and with their consent, or by a station operator taking their call.
 */
@Entity
@Table(name = "orders")
public class Order extends PanacheEntityBase implements KeepsOrderTrace {
    @Id
    public UUID id;
    public UUID residentId;
    /** The project from the menu; null for a free-text need. */
    public String projectCode;
    public String category;
    /** The need in the resident's words, up to 4,000 characters; for a free-text need, the need itself. */
    public String description;
    public String villageCode;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    /** The 飞燕 volunteer who placed a proxy order; null otherwise. */
    public String volunteerId;
    /** For a proxy order: the resident agreed that the volunteer orders for them. */
    public boolean residentConsent;
    /** The station operator who took a phone order; null otherwise. */
    public String operatorId;
    public Instant preferredFrom;
    public Instant preferredTo;
    @Enumerated(EnumType.STRING)
    public OrderStatus status;
    public Instant placedAt;
    public String idempotencyKey;
    public String cancelNote;
    /** When the latest step of the order's timeline happened: {@link #status} is where that left it. */
    public Instant lastStepAt;
    /** The trace the order was placed in (W3C traceparent): every event of the order is published in it. */
    public String traceparent;
    /** For a need its 飞燕 volunteer met there and then: who (their registry id), and in how many hours. */
    public UUID solvedOnTheSpotBy;
    public BigDecimal solvedOnTheSpotHours;
    /** The planned activity (one visit serving several residents) the order asked to join when placed; null for none. */
    public UUID joinActivity;
    /** The activity the order is served in, as the latest assignment or acceptance said; null when served alone. */
    public UUID activityId;
    /** The team serving that activity. */
    public String activityTeam;
    /** When the team comes, once it accepted saying so. */
    public Instant scheduledFor;
    /** When the assignment or acceptance that said so happened: an older one arriving late changes nothing. */
    public Instant activitySince;

    @Override
    public String orderTrace() {
        return traceparent;
    }

    /** What is needed: a project of the menu (or a category and the need in the resident's words), how soon, when. */
    public record Need(String projectCode, String category, String description, Urgency urgency, Instant preferredFrom,
            Instant preferredTo) {
    }

    /**
     * A need placed now (点单) for the resident of the village, over the channel, by {@code placedBy}: PLACED, its id
     * time-ordered (every service indexes its rows by the order id: time-ordered ones append). An order a 飞燕
     * volunteer placed (by proxy, or from what the resident wrote to the WeChat account) names the volunteer and
     * whether the resident consented; a phone order the operator who took the call.
     */
    public static Order place(UUID residentId, String villageCode, Need need, Channel channel, String placedBy,
            boolean byVolunteer, boolean residentConsent, Instant now) {
        Order order = new Order();
        order.id = TimeOrderedIds.next();
        order.residentId = residentId;
        order.villageCode = villageCode;
        order.projectCode = need.projectCode();
        order.category = need.category();
        order.description = need.description();
        order.urgency = need.urgency();
        order.preferredFrom = need.preferredFrom();
        order.preferredTo = need.preferredTo();
        order.channel = channel;
        order.volunteerId = byVolunteer ? placedBy : null;
        order.residentConsent = byVolunteer && residentConsent;
        order.operatorId = channel == Channel.PHONE ? placedBy : null;
        order.status = OrderStatus.PLACED;
        order.placedAt = now;
        order.lastStepAt = now;
        return order;
    }

    /**
     * An order placed before a restore from a backup took it away, as its OrderPlaced tells it: all but its
     * description, which stays in intake (it may name people), and the caller who placed it; a proxy order had the
     * resident's consent (none is placed without). Its status and timeline are its steps' ({@code HeardOrders}).
     */
    public static Order heard(OrderPlaced placed) {
        Order order = new Order();
        order.id = placed.orderId();
        order.residentId = placed.residentId();
        order.villageCode = placed.villageCode();
        order.projectCode = placed.projectCode();
        order.category = placed.category();
        order.urgency = placed.urgency();
        order.preferredFrom = placed.preferredFrom();
        order.preferredTo = placed.preferredTo();
        order.channel = placed.channel();
        order.volunteerId = placed.volunteerId();
        order.residentConsent = placed.volunteerId() != null;
        order.placedAt = placed.placedAt();
        order.solvedOnTheSpot(placed.solvedOnTheSpot());
        order.joinActivity = placed.joinActivity();
        return order;
    }

    /**
     * Takes in the next step of the order's life, by its type. Returns false, changing nothing, for a step that
     * happened before the latest one taken in (it arrived late): then the status must be worked out again from
     * every step, in the order they happened ({@link OrderStatus#of}).
     */
    public boolean takeStep(EventType type, Instant occurredAt) {
        if (lastStepAt != null && !occurredAt.isAfter(lastStepAt)) {
            return false;
        }
        status = status.after(type);
        lastStepAt = occurredAt;
        return true;
    }

    /** The volunteer met the need there and then (null: a team is to serve it). */
    public void solvedOnTheSpot(OrderPlaced.SolvedOnTheSpot solved) {
        solvedOnTheSpotBy = solved == null ? null : solved.volunteerId();
        solvedOnTheSpotHours = solved == null ? null : solved.hours();
    }

    public boolean needsReview() {
        return projectCode == null;
    }

    public OrderPlaced placedEvent() {
        return new OrderPlaced(id, residentId, projectCode, category, needsReview(), villageCode, urgency, channel,
                volunteerId, preferredFrom, preferredTo, placedAt, solvedOnTheSpotBy == null ? null
                        : new OrderPlaced.SolvedOnTheSpot(solvedOnTheSpotBy, solvedOnTheSpotHours), joinActivity);
    }

    /**
     * Follows the team's side of the order from its assignment and acceptance: the activity it is served in (if any),
     * the team, and when the team comes. The latest of them wins, whatever order they arrive in.
     */
    public void follow(OrderEvent event) {
        if (event instanceof OrderAssigned assigned) {
            serveIn(assigned.activityId(), assigned.teamCode(), null, assigned.assignedAt());
        } else if (event instanceof OrderAccepted accepted) {
            serveIn(accepted.activityId(), accepted.teamCode(), accepted.scheduledFor(), accepted.acceptedAt());
        }
    }

    private void serveIn(UUID activity, String team, Instant scheduled, Instant at) {
        if (activitySince != null && at.isBefore(activitySince)) {
            return;
        }
        activityId = activity;
        activityTeam = team;
        scheduledFor = scheduled;
        activitySince = at;
    }

    /** Withdraws the order; only one no team has accepted can be withdrawn. */
    public OrderCancelled cancel(OrderCancelled.CancelReason reason, String note, Instant now) {
        if (!status.isCancellable()) {
            throw new IllegalStateException("order " + id + " is " + status);
        }
        status = OrderStatus.CANCELLED;
        cancelNote = note;
        if (lastStepAt == null || now.isAfter(lastStepAt)) {
            lastStepAt = now;
        }
        return new OrderCancelled(id, reason, now);
    }
}
