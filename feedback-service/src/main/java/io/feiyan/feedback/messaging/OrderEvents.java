package io.feiyan.feedback.messaging;

import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderApproved;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.OrderRated;
import io.feiyan.events.OrderReopened;
import io.feiyan.events.Topics;
import io.feiyan.feedback.domain.Order;
import io.feiyan.feedback.metrics.OrderFacts;
import io.feiyan.platform.messaging.Inbox;
import io.feiyan.platform.messaging.RetryTransientFailures;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every order event feedback hears becomes a fact of the metrics; a placed order also tells feedback the
 * resident's village (whose station follows up), a delivery makes the order rateable, and a redo takes
 * that back until the next delivery.
 */
@ApplicationScoped
@RetryTransientFailures
public class OrderEvents {
    private final Inbox inbox;
    private final OrderFacts facts;

    OrderEvents(Inbox inbox, OrderFacts facts) {
        this.inbox = inbox;
        this.facts = facts;
    }

    @Incoming(Topics.ORDERS_PLACED)
    @Blocking
    @Transactional
    public void onPlaced(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderPlaced.class).ifPresent(event -> {
            Order.placed(event.payload());
            facts.record(event);
        });
    }

    @Incoming(Topics.ORDERS_APPROVED)
    @Blocking
    @Transactional
    public void onApproved(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderApproved.class).ifPresent(facts::record);
    }

    @Incoming(Topics.ORDERS_ASSIGNED)
    @Blocking
    @Transactional
    public void onAssigned(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderAssigned.class).ifPresent(facts::record);
    }

    @Incoming(Topics.ORDERS_ACCEPTED)
    @Blocking
    @Transactional
    public void onAccepted(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderAccepted.class).ifPresent(facts::record);
    }

    @Incoming(Topics.ORDERS_COMPLETED)
    @Blocking
    @Transactional
    public void onCompleted(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderCompleted.class).ifPresent(event -> {
            Order.completed(event.payload());
            facts.record(event);
        });
    }

    @Incoming(Topics.ORDERS_REOPENED)
    @Blocking
    @Transactional
    public void onReopened(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderReopened.class).ifPresent(event -> {
            Order.reopened(event.payload());
            facts.record(event);
        });
    }

    @Incoming(Topics.ORDERS_RATED)
    @Blocking
    @Transactional
    public void onRated(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderRated.class).ifPresent(facts::record);
    }
}
