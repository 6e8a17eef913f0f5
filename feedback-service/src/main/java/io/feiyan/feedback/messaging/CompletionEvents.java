package io.feiyan.feedback.messaging;

import io.feiyan.events.OrderCompleted;
import io.feiyan.events.Topics;
import io.feiyan.feedback.domain.CompletedOrder;
import io.feiyan.platform.messaging.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A delivered order can be rated from the moment its OrderCompleted arrives. */
@ApplicationScoped
public class CompletionEvents {
    private final Inbox inbox;

    CompletionEvents(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming(Topics.ORDERS_COMPLETED)
    @Blocking
    @Transactional
    public void onCompleted(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderCompleted.class).ifPresent(event -> CompletedOrder.record(event.payload()));
    }
}
