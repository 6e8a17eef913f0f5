package io.feiyan.notification.messaging;

import io.feiyan.events.FollowUpDue;
import io.feiyan.events.OfferWithdrawn;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCallRequested;
import io.feiyan.events.OrderCancelled;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.OrderUnserved;
import io.feiyan.notification.service.Notifier;
import io.feiyan.platform.messaging.EventHandlers;
import io.feiyan.platform.messaging.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The order events people are told of, each applied once (its notifications written with it), a poll at a time. */
@ApplicationScoped
public class OrderEvents {
    static final String CHANNEL = "orders";

    private final Inbox inbox;
    private final EventHandlers handlers;

    OrderEvents(Inbox inbox, Notifier notifier) {
        this.inbox = inbox;
        this.handlers = inbox.once(CHANNEL)
                .on(OrderPlaced.class, notifier::on)
                .on(OrderAssigned.class, notifier::on)
                .on(OfferWithdrawn.class, notifier::on)
                .on(OrderDeclined.class, notifier::on)
                .on(OrderEscalated.class, notifier::on)
                .on(OrderUnserved.class, notifier::on)
                .on(OrderAccepted.class, notifier::on)
                .on(OrderCompleted.class, notifier::on)
                .on(OrderCancelled.class, notifier::on)
                .on(OrderCallRequested.class, notifier::on)
                .on(FollowUpDue.class, notifier::on);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.consume(records, handlers);
    }
}
