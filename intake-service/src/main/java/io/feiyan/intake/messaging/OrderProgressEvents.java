package io.feiyan.intake.messaging;

import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderApproved;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderRated;
import io.feiyan.events.OrderRejected;
import io.feiyan.events.OrderReopened;
import io.feiyan.events.Topics;
import io.feiyan.intake.service.OrderService;
import io.feiyan.platform.messaging.Inbox;
import io.feiyan.platform.messaging.RetryTransientFailures;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What happens to an order in the other services becomes a step of its timeline. */
@ApplicationScoped
@RetryTransientFailures
public class OrderProgressEvents {
    private final Inbox inbox;
    private final OrderService orders;

    OrderProgressEvents(Inbox inbox, OrderService orders) {
        this.inbox = inbox;
        this.orders = orders;
    }

    @Incoming(Topics.ORDERS_APPROVED)
    @Blocking
    @Transactional
    public void onApproved(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderApproved.class).ifPresent(orders::record);
    }

    @Incoming(Topics.ORDERS_ASSIGNED)
    @Blocking
    @Transactional
    public void onAssigned(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderAssigned.class).ifPresent(orders::record);
    }

    @Incoming(Topics.ORDERS_DECLINED)
    @Blocking
    @Transactional
    public void onDeclined(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderDeclined.class).ifPresent(orders::record);
    }

    @Incoming(Topics.ORDERS_ESCALATED)
    @Blocking
    @Transactional
    public void onEscalated(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderEscalated.class).ifPresent(orders::record);
    }

    @Incoming(Topics.ORDERS_REJECTED)
    @Blocking
    @Transactional
    public void onRejected(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderRejected.class).ifPresent(orders::record);
    }

    @Incoming(Topics.ORDERS_ACCEPTED)
    @Blocking
    @Transactional
    public void onAccepted(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderAccepted.class).ifPresent(orders::record);
    }

    @Incoming(Topics.ORDERS_COMPLETED)
    @Blocking
    @Transactional
    public void onCompleted(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderCompleted.class).ifPresent(orders::record);
    }

    @Incoming(Topics.ORDERS_REOPENED)
    @Blocking
    @Transactional
    public void onReopened(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderReopened.class).ifPresent(orders::record);
    }

    @Incoming(Topics.ORDERS_RATED)
    @Blocking
    @Transactional
    public void onRated(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderRated.class).ifPresent(orders::record);
    }
}
