package io.feiyan.team.messaging;

import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Topics;
import io.feiyan.platform.messaging.Inbox;
import io.feiyan.platform.messaging.RetryTransientFailures;
import io.feiyan.team.service.MenuService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every placed order counts in the demand the centre drafts next month's menu from. */
@ApplicationScoped
@RetryTransientFailures
public class DemandEvents {
    private final Inbox inbox;
    private final MenuService menus;

    DemandEvents(Inbox inbox, MenuService menus) {
        this.inbox = inbox;
        this.menus = menus;
    }

    @Incoming(Topics.ORDERS_PLACED)
    @Blocking
    @Transactional
    public void onPlaced(ConsumerRecord<String, String> record) {
        inbox.receive(record, OrderPlaced.class).ifPresent(event -> menus.count(event.payload()));
    }
}
