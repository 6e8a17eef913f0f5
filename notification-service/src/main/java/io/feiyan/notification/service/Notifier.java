package io.feiyan.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderEvent;
import io.feiyan.events.OrderPlaced;
import io.feiyan.notification.domain.Kind;
import io.feiyan.notification.domain.NotificationChannel;
import io.feiyan.notification.domain.Notice;
import io.feiyan.notification.domain.Notices;
import io.feiyan.notification.domain.TrackedOrder;
import io.feiyan.platform.messaging.EarlyEvents;
import io.feiyan.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Turns an order event into the notifications it causes, in the event's own transaction: keeps what it needs to know
 * of the order, asks the rule (domain/Notices) who is told what, addresses each notice (service/Recipients) and writes
 * one delivery row per recipient and channel — the delivery log is an outbox, sent by {@link Deliveries} once the
 * transaction commits. Notices the event made stale are cancelled if not yet sent.
 */
@ApplicationScoped
public class Notifier {
    /** Offers of an activity come once for the activity, not once for each of its orders. */
    private static final Set<Kind> OF_THE_ACTIVITY = EnumSet.of(Kind.OFFER_NEW, Kind.OFFER_REMINDER, Kind.OFFER_WITHDRAWN);

    private final EntityManager entityManager;
    private final Recipients recipients;
    private final Notices notices;
    private final ObjectMapper json;
    private final NotificationConfig config;
    private final Event<Deliveries.Due> due;
    private final EarlyEvents earlyEvents;

    Notifier(EntityManager entityManager, Recipients recipients, ObjectMapper json, NotificationConfig config,
            Event<Deliveries.Due> due, EarlyEvents earlyEvents) {
        this.entityManager = entityManager;
        this.recipients = recipients;
        this.notices = new Notices(config.zone());
        this.json = json;
        this.config = config;
        this.due = due;
        this.earlyEvents = earlyEvents;
    }

    public void on(IncomingEvent<? extends OrderEvent> incoming) {
        OrderEvent event = incoming.payload();
        TrackedOrder order = TrackedOrder.findById(event.orderId());
        if (event instanceof OrderPlaced placed) {
            if (order == null) {
                order = TrackedOrder.placed(placed);
                order.persist();
                for (EarlyEvents.Early early : earlyEvents.takeFor(order.orderId)) {
                    tell(order, early.id(), early.event());
                }
            }
            return;
        }
        if (order == null) {
            earlyEvents.keep(incoming);
            return;
        }
        tell(order, incoming.id(), event);
    }

    /** Keeps what the event changes of the order, writes the notifications it causes, cancels those it made stale. */
    private void tell(TrackedOrder order, UUID eventId, OrderEvent event) {
        if (event instanceof OrderAssigned assigned) {
            order.assigned(assigned);
        } else if (event instanceof OrderAccepted accepted) {
            order.accepted(accepted);
        }
        Notices.Decision decision = notices.of(event, order.facts());
        for (Notices.Stale stale : decision.stale()) {
            cancel(order.orderId, stale);
        }
        Instant tooLate = Instant.now().minus(config.tooLate());
        int written = 0;
        for (Notice notice : decision.tell()) {
            if (notice.dueAt().isBefore(tooLate)) {
                continue; // old news (a service catching up on history): not worth telling now
            }
            UUID cause = order.activityId != null && OF_THE_ACTIVITY.contains(notice.kind()) ? order.activityId
                    : eventId;
            for (Recipients.Addressee addressee : recipients.of(notice.audience())) {
                Instant dueAt = addressee.quietHours().release(notice.dueAt(), notice.critical(), config.zone());
                for (NotificationChannel channel : addressee.channels()) {
                    written += write(cause, event.occurredAt(), notice, addressee, channel, dueAt, order.orderId);
                }
            }
        }
        if (written > 0) {
            due.fire(new Deliveries.Due());
        }
    }

    private int write(UUID cause, Instant eventAt, Notice notice, Recipients.Addressee addressee, NotificationChannel channel,
            Instant dueAt, UUID orderId) {
        return entityManager.createNativeQuery("""
                insert into delivery (id, event_id, event_at, kind, recipient, channel, order_id, critical, params,
                    due_at, stale_after, status, created_at)
                values (?1, ?2, ?12, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), ?9, ?10, 'WAITING', ?11)
                on conflict (event_id, kind, recipient, channel) do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, cause)
                .setParameter(3, notice.kind().name())
                .setParameter(4, addressee.recipient().id())
                .setParameter(5, channel.name())
                .setParameter(6, orderId)
                .setParameter(7, notice.critical())
                .setParameter(8, toJson(notice))
                .setParameter(9, dueAt)
                .setParameter(10, notice.staleAfter())
                .setParameter(11, Instant.now())
                .setParameter(12, eventAt)
                .executeUpdate();
    }

    private void cancel(UUID orderId, Notices.Stale stale) {
        entityManager.createNativeQuery("""
                update delivery set status = 'CANCELLED'
                where order_id = ?1 and kind = ?2 and status = 'WAITING' and (?3 = '' or params ->> 'team' = ?3)""")
                .setParameter(1, orderId)
                .setParameter(2, stale.kind().name())
                .setParameter(3, stale.teamCode() == null ? "" : stale.teamCode())
                .executeUpdate();
    }

    private String toJson(Notice notice) {
        try {
            return json.writeValueAsString(notice.params());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
