package io.feiyan.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.Channel;
import io.feiyan.events.EventType;
import io.feiyan.events.OrderEvent;
import io.feiyan.events.RegionCode;
import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import io.feiyan.intake.domain.Order;
import io.feiyan.intake.domain.OrderStatus;
import io.feiyan.intake.domain.OrderStep;
import io.feiyan.intake.domain.Project;
import io.feiyan.platform.messaging.IncomingEvent;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.platform.rest.Problem;
import io.feiyan.platform.rest.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Placing orders, and following each order through the loop from the events of the other services. */
@ApplicationScoped
@Transactional
public class OrderService {
    private final Outbox outbox;
    private final ObjectMapper json;
    private final EntityManager entityManager;

    OrderService(Outbox outbox, ObjectMapper json, EntityManager entityManager) {
        this.outbox = outbox;
        this.json = json;
        this.entityManager = entityManager;
    }

    /** What a client asks for when it places an order. */
    public record PlaceOrder(UUID residentId, String projectCode, String villageCode, Urgency urgency,
            Channel channel, String volunteerId) {
    }

    /** The order, and whether this request created it or repeated an earlier one with the same key. */
    public record Placement(Order order, boolean created) {
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
                return new Placement(earlier, false);
            }
        }
        validate(request);
        Order order = Order.place(request.residentId(), request.projectCode(), request.villageCode(),
                request.urgency(), request.channel(), request.volunteerId(), idempotencyKey, Instant.now());
        order.persist();
        OrderEvent placed = order.placedEvent();
        addStep(outbox.publish(placed), placed);
        return new Placement(order, true);
    }

    /** Adds an event of another service to the order's timeline and moves its status forward. */
    public void record(IncomingEvent<? extends OrderEvent> event) {
        OrderEvent payload = event.payload();
        addStep(event.id(), payload);
        Order order = Order.findById(payload.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (order != null) {
            order.advanceTo(OrderStatus.reachedBy(payload));
        }
    }

    public Order get(UUID orderId) {
        Order order = Order.findById(orderId);
        if (order == null) {
            throw Problem.notFound("order", orderId).exception();
        }
        return order;
    }

    private void addStep(UUID eventId, OrderEvent event) {
        OrderStep step = new OrderStep();
        step.eventId = eventId;
        step.orderId = event.orderId();
        step.type = EventType.of(event).ceType();
        step.occurredAt = event.occurredAt();
        try {
            step.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        step.persist();
    }

    private static void validate(PlaceOrder request) {
        new Validation().present(request, "body").orThrow();
        new Validation()
                .present(request.residentId(), "residentId")
                .present(request.projectCode(), "projectCode")
                .require(RegionCode.isValid(request.villageCode())
                        && RegionCode.of(request.villageCode()).tier() == Tier.VILLAGE,
                        "villageCode", "is the 12-digit code of the resident's village")
                .present(request.urgency(), "urgency")
                .present(request.channel(), "channel")
                .require(request.channel() != Channel.PROXY
                        || (request.volunteerId() != null && !request.volunteerId().isBlank()),
                        "volunteerId", "names the 飞燕 volunteer who placed a proxy order")
                .maxLength(request.volunteerId(), 64, "volunteerId")
                .orThrow();
        Project project = Project.findById(request.projectCode());
        if (project == null || !project.active) {
            throw Problem.of(422, "unknown-project", "No such project in the catalogue",
                    "the catalogue has no active project " + request.projectCode())
                    .with("field", "projectCode").exception();
        }
    }
}
