package io.feiyan.team.messaging;

import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCancelled;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.Topics;
import io.feiyan.platform.messaging.Inbox;
import io.feiyan.platform.messaging.RetryTransientFailures;
import io.feiyan.team.service.AssignmentService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Orders dispatch gives to teams become their assignments; a withdrawn or escalated order calls its offer off. */
@ApplicationScoped
@RetryTransientFailures
public class AssignmentEvents {
    private final Inbox inbox;
    private final AssignmentService assignments;

    AssignmentEvents(Inbox inbox, AssignmentService assignments) {
        this.inbox = inbox;
        this.assignments = assignments;
    }

    @Incoming(Topics.ORDERS_ASSIGNED)
    @Blocking
    @Transactional
    public void onAssigned(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderAssigned.class).ifPresent(event -> assignments.record(event.payload()));
    }

    @Incoming(Topics.ORDERS_ESCALATED)
    @Blocking
    @Transactional
    public void onEscalated(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderEscalated.class).ifPresent(event -> assignments.passedOn(event.payload().orderId(),
                event.payload().escalatedAt()));
    }

    @Incoming(Topics.ORDERS_CANCELLED)
    @Blocking
    @Transactional
    public void onCancelled(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderCancelled.class).ifPresent(event -> assignments.cancel(event.payload().orderId()));
    }
}
