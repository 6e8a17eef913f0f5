package io.feiyan.dispatch.messaging;

import io.feiyan.dispatch.service.CaseChanges;
import io.feiyan.dispatch.service.CaseReactions;
import io.feiyan.dispatch.service.HeardDecisions;
import io.feiyan.dispatch.service.RoutingRetries;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderApproved;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCancelled;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.OrderRejected;
import io.feiyan.events.OrderReopened;
import io.feiyan.events.OrderUnserved;
import io.feiyan.platform.messaging.EventHandlers;
import io.feiyan.platform.messaging.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Placed orders open cases; the teams' answers move them on (a decline to the next team), withdrawn
 * orders close, and orders reported unresolved come back. Dispatch's own decisions are heard back too: after a
 * restore, those made since the backup come back this way ({@link HeardDecisions}). One channel takes every order
 * topic dispatch hears, a poll's records at a time.
 */
@ApplicationScoped
public class OrderEvents {
    static final String CHANNEL = "orders";

    private final Inbox inbox;
    private final EventHandlers handlers;

    OrderEvents(Inbox inbox, CaseReactions cases, HeardDecisions decisions, CaseChanges caseChanges,
            RoutingRetries retries) {
        this.inbox = inbox;
        this.handlers = inbox.once(CHANNEL)
                .beforeEachBatch(() -> {
                    cases.batchBegins();
                    caseChanges.batchBegins();
                    retries.batchBegins();
                })
                .afterEachBatch(() -> {
                    cases.batchEnds();
                    retries.batchEnds(); // routes cases again: before their changes are said
                    caseChanges.batchEnds();
                })
                .on(OrderPlaced.class, event -> cases.open(event.payload()))
                .on(OrderCancelled.class, event -> cases.cancelled(event.payload().orderId()))
                .on(OrderDeclined.class, event -> {
                    if (!decisions.waitsForItsOffer(event, event.payload().offeredAt())) {
                        cases.declined(event.payload());
                    }
                })
                .on(OrderAccepted.class, event -> {
                    if (!decisions.waitsForItsOffer(event, event.payload().offeredAt())) {
                        cases.accepted(event.payload());
                    }
                })
                .on(OrderCompleted.class, event -> {
                    if (!decisions.waitsForItsOffer(event, event.payload().offeredAt())) {
                        cases.completed(event.payload().orderId(), event.payload().teamCode());
                    }
                })
                .on(OrderReopened.class, event -> cases.reopened(event.payload()))
                .on(OrderApproved.class, decisions::heard)
                .on(OrderRejected.class, decisions::heard)
                .on(OrderAssigned.class, decisions::heard)
                .on(OrderEscalated.class, decisions::heard)
                .on(OrderUnserved.class, decisions::heard);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.consume(records, handlers);
    }
}
