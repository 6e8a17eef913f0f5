package io.feiyan.intake.messaging;

import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderApproved;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCallRequested;
import io.feiyan.events.OrderCancelled;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderUnserved;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.OrderRated;
import io.feiyan.events.OrderRejected;
import io.feiyan.events.OrderReopened;
import io.feiyan.intake.service.HeardOrders;
import io.feiyan.intake.service.OrderProgress;
import io.feiyan.platform.messaging.EventHandlers;
import io.feiyan.platform.messaging.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What happens to an order in the other services becomes a step of its timeline; intake's own orders are heard back
 * (after a restore, they bring back those placed or cancelled since the backup). One channel takes every order
 * topic intake hears, a poll's records at a time.
 */
@ApplicationScoped
public class OrderProgressEvents {
    static final String CHANNEL = "orders";

    private final Inbox inbox;
    private final EventHandlers handlers;

    OrderProgressEvents(Inbox inbox, OrderProgress progress, HeardOrders heardOrders) {
        this.inbox = inbox;
        this.handlers = inbox.once(CHANNEL)
                .on(OrderApproved.class, progress::record)
                .on(OrderAssigned.class, progress::record)
                .on(OrderDeclined.class, progress::record)
                .on(OrderEscalated.class, progress::record)
                .on(OrderUnserved.class, progress::record)
                .on(OrderRejected.class, progress::record)
                .on(OrderAccepted.class, progress::record)
                .on(OrderCompleted.class, progress::record)
                .on(OrderReopened.class, progress::record)
                .on(OrderRated.class, progress::record)
                .on(OrderCallRequested.class, progress::record)
                // intake's own orders, heard back: after a restore, those placed or cancelled since the backup
                .on(OrderPlaced.class, heardOrders::placed)
                .on(OrderCancelled.class, heardOrders::cancelled);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.consume(records, handlers);
    }
}
