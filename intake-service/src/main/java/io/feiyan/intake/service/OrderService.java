package io.feiyan.intake.service;

import io.feiyan.events.Channel;
import io.feiyan.events.OrderCancelled;
import io.feiyan.events.OrderEvent;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import io.feiyan.intake.domain.Order;
import io.feiyan.intake.domain.OrderStatus;
import io.feiyan.intake.domain.Team;
import io.feiyan.platform.domain.Conflict;
import io.feiyan.platform.domain.IllegalMove;
import io.feiyan.platform.domain.NotFound;
import io.feiyan.platform.domain.Unprocessable;
import io.feiyan.platform.messaging.OrderTraces;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.platform.rest.Validation;
import io.feiyan.platform.validation.CrossChecked;
import io.feiyan.platform.validation.Decimals;
import io.feiyan.platform.validation.Reasons;
import io.feiyan.platform.validation.RegionCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Placing and cancelling orders: who may, for whom, what, and the events they publish. */
@ApplicationScoped
@Transactional
public class OrderService {
    public static final int MAX_DESCRIPTION = 4000;
    private static final String ON_THE_SPOT_HOURS_REASON = "is more than 0 and at most 24";

    private final Outbox outbox;
    private final OrderHistory history;
    private final Timeline timeline;
    private final EntityManager entityManager;
    private final ResidentAccess access;
    private final Validator validator;
    private final OrderRows rows;

    OrderService(Outbox outbox, OrderHistory history, Timeline timeline, EntityManager entityManager,
            ResidentAccess access, Validator validator, OrderRows rows) {
        this.validator = validator;
        this.rows = rows;
        this.outbox = outbox;
        this.history = history;
        this.timeline = timeline;
        this.access = access;
        this.entityManager = entityManager;
    }

    /**
     * What a client asks for. A project from the menu ({@code projectCode}), or a free-text need: a
     * {@code category} and the {@code description}. {@code villageCode} defaults to the resident's, and
     * {@code residentId} to the caller's own for a resident. The channel follows from who places it (see
     * {@link ResidentAccess#placingChannel}): a proxy order records the volunteer, from their token, and
     * needs the resident's consent; a phone order records the operator. {@code newNeed} places a second open
     * order for the same project on purpose.
     * {@code solvedOnTheSpot} records a need a volunteer of the resident's village met at once, with their hours.
     * {@code activityId} asks to join a planned activity (one visit serving several residents) of the same project,
     * as a 飞燕 volunteer adds a resident to the village's opera; dispatch honours it where it can.
     */
    public record PlaceOrder(UUID residentId, String projectCode, String category,
            @Size(max = MAX_DESCRIPTION, message = Reasons.LONGER) String description,
            @RegionCode(tier = Tier.VILLAGE) String villageCode,
            @NotNull(message = Reasons.REQUIRED) Urgency urgency, Channel channel, Boolean residentConsent,
            Instant preferredFrom, @Future(message = Reasons.FUTURE) Instant preferredTo, Boolean newNeed,
            @Valid SolvedOnTheSpot solvedOnTheSpot, UUID activityId) implements CrossChecked {
        @Override
        public void crossCheck(Checks checks) {
            boolean freeText = projectCode == null;
            checks.require(!freeText || category != null && category.matches(Reasons.CATEGORY), "category",
                            "names the category of a need not on the menu, such as DAILY_LIFE")
                    .require(!freeText || description != null && !description.isBlank(), "description",
                            "says what is needed, when no project from the menu fits")
                    .require(preferredFrom == null || preferredTo == null || preferredFrom.isBefore(preferredTo),
                            "preferredTo", "comes after preferredFrom")
                    .require(activityId == null || !freeText, "activityId",
                            "joins an activity of a project from the menu, not a need in the resident's words")
                    .require(activityId == null || urgency == null || urgency == Urgency.ROUTINE
                            || urgency == Urgency.COMPLEX, "activityId",
                            "is for a ROUTINE or COMPLEX need: critical and urgent ones never wait for a group")
                    .require(activityId == null || solvedOnTheSpot == null, "activityId",
                            "joins no activity when the need was solved on the spot");
        }
    }

    /**
     * A 飞燕 volunteer met the need there and then (能现场解决的就当场解决), in these hours: no team is sought; the
     * village's 飞燕 team completes the order with the volunteer's hours (team-service, from OrderPlaced).
     */
    public record SolvedOnTheSpot(
            @NotNull(message = ON_THE_SPOT_HOURS_REASON)
            @DecimalMin(value = "0", inclusive = false, message = ON_THE_SPOT_HOURS_REASON)
            @DecimalMax(value = "24", message = ON_THE_SPOT_HOURS_REASON)
            @Decimals(max = 2, message = "has at most two decimals")
            BigDecimal hours) {
    }

    /**
     * The order, its timeline as it stands, and whether this request created it or repeated an earlier one with the
     * same key: all the answer needs, read in the placing transaction.
     */
    public record Placement(Order order, List<Timeline.Entry> timeline, boolean created) {
    }

    /**
     * Places the order and publishes OrderPlaced in one transaction. With an idempotency key, a repeated
     * request returns the order the first one placed and creates nothing.
     */
    public Placement place(PlaceOrder request, String idempotencyKey) {
        if (idempotencyKey != null) {
            // Serialises requests with the same key, so two racing retries cannot both create an order.
            entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                    .setParameter(1, idempotencyKey).getSingleResult();
            Order earlier = Order.find("idempotencyKey", idempotencyKey).firstResult();
            if (earlier != null) {
                access.follow(earlier);
                return new Placement(earlier, timeline.of(earlier), false);
            }
        }
        new Validation().present(request, "body").orThrow();
        Channel channel = access.placingChannel(request.channel());
        boolean byVolunteer = access.byVolunteer(channel);
        boolean byResident = !byVolunteer && (channel == Channel.APP || channel == Channel.WECHAT);
        UUID residentId = request.residentId() == null && byResident ? access.ownResident() : request.residentId();
        validate(request, residentId, channel, byVolunteer);
        OrderRows.ForPlacing known = rows.forPlacing(residentId, request.projectCode())
                .orElseThrow(() -> new Unprocessable("unknown-resident", "No such resident in the registry",
                        "register the resident first: there is no resident " + residentId).with("field", "residentId"));
        String village = request.villageCode() == null ? known.villageCode() : request.villageCode();
        access.actFor(residentId, known.villageCode());
        if (!byResident) {
            access.actIn(village);
        }
        String category = request.projectCode() == null ? request.category() : catalogueCategory(request, known);
        OrderPlaced.SolvedOnTheSpot solved = request.solvedOnTheSpot() == null ? null
                : solvedOnTheSpot(request.solvedOnTheSpot(), village);
        if (request.projectCode() != null && solved == null && !Boolean.TRUE.equals(request.newNeed())) {
            refuseDuplicate(request, known);
        }
        if (request.activityId() != null) {
            requirePlannedActivity(request.activityId(), request.projectCode());
        }

        Order order = Order.place(residentId, village, new Order.Need(request.projectCode(), category,
                        blankToNull(request.description()), request.urgency(), request.preferredFrom(),
                        request.preferredTo()), channel, access.callerId(), byVolunteer,
                Boolean.TRUE.equals(request.residentConsent()), Instant.now());
        order.solvedOnTheSpot(solved);
        order.joinActivity = request.activityId();
        order.traceparent = OrderTraces.current();
        order.idempotencyKey = idempotencyKey;
        rows.insert(order);
        OrderEvent placed = order.placedEvent();
        history.add(outbox.publish(placed), placed);
        return new Placement(order, timeline.of(order, List.of(placed)), true);
    }

    /** Withdraws an order no team has accepted yet; withdrawing it again changes nothing. */
    public Order cancel(UUID orderId, OrderCancelled.CancelReason reason, String note) {
        Order order = Order.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new NotFound("order", orderId);
        }
        access.actFor(order.residentId, order.villageCode);
        if (order.status == OrderStatus.CANCELLED) {
            return order;
        }
        if (!order.status.isCancellable()) {
            throw new IllegalMove("order-not-cancellable", "The order can no longer be cancelled", switch (order.status) {
                case ACCEPTED -> "a team has accepted this order and is getting ready to serve; "
                        + "ask the team or the village station to call it off";
                case COMPLETED, RATED -> "the service has already been delivered";
                default -> "review has closed this order";
            }).with("status", order.status).with("orderId", orderId);
        }
        OrderCancelled cancelled = order.cancel(reason, blankToNull(note), Instant.now());
        history.add(outbox.publish(cancelled), cancelled);
        return order;
    }

    private static String catalogueCategory(PlaceOrder request, OrderRows.ForPlacing known) {
        if (known.projectCategory() == null) {
            throw new Unprocessable("unknown-project", "No such project in the catalogue",
                    "the catalogue has no active project " + request.projectCode())
                    .with("field", "projectCode");
        }
        return known.projectCategory();
    }

    /** An order may ask to join an activity intake knows as planned (its orders assigned or accepted), of its project. */
    private static void requirePlannedActivity(UUID activityId, String projectCode) {
        Order planned = Order.find("activityId = ?1 and status in ?2", activityId,
                List.of(OrderStatus.ASSIGNED, OrderStatus.ACCEPTED)).firstResult();
        if (planned == null) {
            throw new Unprocessable("unknown-activity", "No such planned activity",
                    "no activity " + activityId + " is planned: it may have taken place, or been called off")
                    .with("field", "activityId");
        }
        if (!planned.projectCode.equals(projectCode)) {
            throw new Unprocessable("activity-of-another-project", "The activity serves another project",
                    "activity " + activityId + " serves " + planned.projectCode + ", not " + projectCode)
                    .with("field", "projectCode");
        }
    }

    private static void refuseDuplicate(PlaceOrder request, OrderRows.ForPlacing known) {
        if (known.openOrderId() != null) {
            throw new Conflict("duplicate-order", "The resident already has this order open",
                    "order " + known.openOrderId() + " for " + request.projectCode() + " is still "
                            + known.openOrderStatus() + "; to order it again as a separate need, send \"newNeed\": true")
                    .with("existingOrderId", known.openOrderId());
        }
    }

    /**
     * Who met the need on the spot, and in how long: a 飞燕 volunteer of the village (their registry id from their
     * token), in more than 0 and at most 24 hours, where a village 飞燕 team serves that can take the hours.
     */
    private OrderPlaced.SolvedOnTheSpot solvedOnTheSpot(SolvedOnTheSpot solved, String village) {
        BigDecimal hours = solved.hours();
        UUID volunteer = access.volunteer().orElseThrow(() -> new Unprocessable("not-a-registered-volunteer",
                "Not in the volunteer registry", "your account names no entry of the volunteer registry, which the "
                        + "hours go to").with("field", "solvedOnTheSpot"));
        if (Team.count("tier = ?1 and regionCode = ?2 and active = true", Tier.VILLAGE, village) == 0) {
            throw new Unprocessable("no-village-team", "No 飞燕 team in the village",
                    "village " + village + " has no active 飞燕 team to record the hours with: place the order for a "
                            + "team to serve instead").with("field", "solvedOnTheSpot");
        }
        return new OrderPlaced.SolvedOnTheSpot(volunteer, hours);
    }

    /** The request's own constraints, and what follows from who places it. */
    private void validate(PlaceOrder request, UUID residentId, Channel channel, boolean byVolunteer) {
        Validation.of(validator, request)
                .require(residentId != null, "residentId", Reasons.REQUIRED)
                .require(!byVolunteer || Boolean.TRUE.equals(request.residentConsent()),
                        "residentConsent", "must be true: a volunteer orders only with the resident's consent")
                .require(request.solvedOnTheSpot() == null || channel == Channel.PROXY, "solvedOnTheSpot",
                        "is for a 飞燕 volunteer ordering for a resident")
                .orThrow();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
