package io.feiyan.notification.messaging;

import io.feiyan.events.MenuPublished;
import io.feiyan.notification.domain.MenuItem;
import io.feiyan.platform.messaging.EventHandlers;
import io.feiyan.platform.messaging.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps notification's copy of the county's monthly menus, for the WeChat account's 菜单. */
@ApplicationScoped
public class MenuEvents {
    static final String CHANNEL = "menus";

    private final Inbox inbox;
    private final EventHandlers handlers;

    MenuEvents(Inbox inbox) {
        this.inbox = inbox;
        this.handlers = inbox.latestState(CHANNEL).on(MenuPublished.class, event -> MenuItem.save(event.payload()));
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.consume(records, handlers);
    }
}
