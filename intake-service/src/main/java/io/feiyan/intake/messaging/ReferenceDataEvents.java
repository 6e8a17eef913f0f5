package io.feiyan.intake.messaging;

import io.feiyan.events.MenuPublished;
import io.feiyan.events.ProjectUpdated;
import io.feiyan.events.TeamUpdated;
import io.feiyan.intake.domain.MenuItem;
import io.feiyan.intake.domain.Project;
import io.feiyan.intake.domain.Team;
import io.feiyan.platform.messaging.EventHandlers;
import io.feiyan.platform.messaging.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps intake's copies of the catalogue, the monthly menus and the team directory. */
@ApplicationScoped
public class ReferenceDataEvents {
    static final String CHANNEL = "reference-data";

    private final Inbox inbox;
    private final EventHandlers handlers;

    ReferenceDataEvents(Inbox inbox) {
        this.inbox = inbox;
        this.handlers = inbox.latestState(CHANNEL)
                .on(ProjectUpdated.class, event -> Project.save(event.payload()))
                .on(MenuPublished.class, event -> MenuItem.save(event.payload()))
                .on(TeamUpdated.class, event -> Team.save(event.payload()));
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.consume(records, handlers);
    }
}
