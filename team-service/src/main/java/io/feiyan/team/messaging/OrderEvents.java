package io.feiyan.team.messaging;

import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCancelled;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderPlaced;
import io.feiyan.platform.messaging.EventHandlers;
import io.feiyan.platform.messaging.Inbox;
import io.feiyan.team.service.Activities;
import io.feiyan.team.service.HeardAnswers;
import io.feiyan.team.service.MenuDemand;
import io.feiyan.team.service.Offers;
import io.feiyan.team.service.ServiceRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Orders dispatch gives to teams become their assignments, and a withdrawn or escalated order calls its offer off;
 * every placed order counts in the demand the centre drafts next month's menu from; the teams' own answers are heard
 * back (after a restore, they bring back those given since the backup). One channel takes every order
 * topic team-service hears, a poll's records at a time.
 */
@ApplicationScoped
public class OrderEvents {
    static final String CHANNEL = "orders";

    private final Inbox inbox;
    private final EventHandlers handlers;

    OrderEvents(Inbox inbox, Offers offers, ServiceRecords serviceRecords, MenuDemand demand, Activities activities,
            HeardAnswers heardAnswers) {
        this.inbox = inbox;
        this.handlers = inbox.once(CHANNEL)
                .on(OrderAssigned.class, event -> {
                    offers.record(event.payload());
                    // an order joining an activity the team has accepted joins the planned visit
                    activities.joined(event.payload());
                })
                .on(OrderEscalated.class, event -> {
                    // an overdue delivery is the operators' to follow up: the team keeps the order
                    if (event.payload().reason() != OrderEscalated.EscalationReason.DEADLINE_PASSED) {
                        offers.passedOn(event.payload().orderId(), event.payload().escalatedAt());
                    }
                })
                .on(OrderCancelled.class, event -> offers.cancel(event.payload().orderId()))
                // the team's own answers, heard back: after a restore, those given since the backup
                .on(OrderAccepted.class, heardAnswers::heard)
                .on(OrderDeclined.class, heardAnswers::heard)
                .on(OrderCompleted.class, heardAnswers::heard)
                .on(OrderPlaced.class, event -> {
                    demand.count(event.payload());
                    if (event.payload().solvedOnTheSpot() != null) {
                        serviceRecords.solvedOnTheSpot(event.payload());
                    }
                });
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.consume(records, handlers);
    }
}
