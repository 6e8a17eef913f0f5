package io.feiyan.dispatch.messaging;

import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.dispatch.service.DispatchService;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderCancelled;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.OrderReopened;
import io.feiyan.events.Topics;
import io.feiyan.platform.messaging.Inbox;
import io.feiyan.platform.messaging.RetryTransientFailures;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Placed orders open cases; the teams' answers move them on (a decline to the next team), withdrawn
 * orders close, and orders reported unresolved come back.
 */
@ApplicationScoped
@RetryTransientFailures
public class OrderEvents {
    private final Inbox inbox;
    private final DispatchService dispatch;

    OrderEvents(Inbox inbox, DispatchService dispatch) {
        this.inbox = inbox;
        this.dispatch = dispatch;
    }

    @Incoming(Topics.ORDERS_PLACED)
    @Blocking
    @Transactional
    public void onPlaced(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderPlaced.class).ifPresent(event -> dispatch.open(event.payload()));
    }

    @Incoming(Topics.ORDERS_CANCELLED)
    @Blocking
    @Transactional
    public void onCancelled(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderCancelled.class).ifPresent(event -> dispatch.cancel(event.payload().orderId()));
    }

    @Incoming(Topics.ORDERS_DECLINED)
    @Blocking
    @Transactional
    public void onDeclined(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderDeclined.class).ifPresent(event -> dispatch.declined(event.payload()));
    }

    @Incoming(Topics.ORDERS_ACCEPTED)
    @Blocking
    @Transactional
    public void onAccepted(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderAccepted.class).ifPresent(event -> dispatch.advance(event.payload().orderId(),
                event.payload().teamCode(), CaseStatus.ACCEPTED));
    }

    @Incoming(Topics.ORDERS_COMPLETED)
    @Blocking
    @Transactional
    public void onCompleted(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderCompleted.class).ifPresent(event -> dispatch.advance(event.payload().orderId(),
                event.payload().teamCode(), CaseStatus.COMPLETED));
    }

    @Incoming(Topics.ORDERS_REOPENED)
    @Blocking
    @Transactional
    public void onReopened(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderReopened.class).ifPresent(event -> dispatch.reopened(event.payload()));
    }
}
