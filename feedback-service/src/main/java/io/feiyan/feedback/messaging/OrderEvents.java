package io.feiyan.feedback.messaging;

import io.feiyan.events.OfferWithdrawn;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderApproved;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.OrderRated;
import io.feiyan.events.OrderReopened;
import io.feiyan.events.OrderRejected;
import io.feiyan.events.OrderUnserved;
import io.feiyan.events.OrderCancelled;
import io.feiyan.feedback.domain.Order;
import io.feiyan.feedback.metrics.OrderFacts;
import io.feiyan.feedback.service.RatingService;
import io.feiyan.platform.messaging.EventHandlers;
import io.feiyan.platform.messaging.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every order event feedback hears becomes a fact of the metrics; a placed order also tells feedback the
 * resident's village (whose station follows up), a delivery makes the order rateable, and a redo takes
 * that back until the next delivery. A rating feedback does not hold (its database restored from a backup taken
 * before it) is made again from its event. One channel takes them all, a poll's records at a time.
 */
@ApplicationScoped
public class OrderEvents {
    static final String CHANNEL = "orders";

    private final Inbox inbox;
    private final EventHandlers handlers;

    OrderEvents(Inbox inbox, OrderFacts facts, RatingService ratings) {
        this.inbox = inbox;
        this.handlers = inbox.once(CHANNEL)
                .on(OrderPlaced.class, event -> {
                    Order.placed(event.payload());
                    facts.record(event);
                })
                .on(OrderApproved.class, facts::record)
                .on(OrderRejected.class, facts::record)
                .on(OrderAssigned.class, facts::record)
                .on(OrderUnserved.class, facts::record)
                .on(OrderCancelled.class, facts::record)
                .on(OrderEscalated.class, facts::record)
                .on(OrderAccepted.class, facts::record)
                .on(OfferWithdrawn.class, facts::record)
                .on(OrderCompleted.class, event -> {
                    Order.completed(event.payload());
                    facts.record(event);
                })
                .on(OrderReopened.class, event -> {
                    Order.reopened(event.payload());
                    facts.record(event);
                })
                .on(OrderRated.class, event -> {
                    ratings.heard(event.payload());
                    facts.record(event);
                });
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.consume(records, handlers);
    }
}
