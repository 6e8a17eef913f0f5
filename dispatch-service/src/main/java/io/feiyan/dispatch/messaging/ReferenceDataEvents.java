package io.feiyan.dispatch.messaging;

import io.feiyan.dispatch.domain.Project;
import io.feiyan.dispatch.domain.Team;
import io.feiyan.dispatch.service.CaseChanges;
import io.feiyan.dispatch.service.Catalogue;
import io.feiyan.dispatch.service.RoutingRetries;
import io.feiyan.events.ProjectUpdated;
import io.feiyan.events.TeamUpdated;
import io.feiyan.platform.messaging.EventHandlers;
import io.feiyan.platform.messaging.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps dispatch's copy of the team directory and catalogue (the catalogue in memory too: {@link Catalogue}). Each
 * change may let a waiting case be routed, so the waiting cases are tried again, once a batch.
 */
@ApplicationScoped
public class ReferenceDataEvents {
    static final String CHANNEL = "reference-data";

    private final Inbox inbox;
    private final EventHandlers handlers;

    ReferenceDataEvents(Inbox inbox, RoutingRetries retries, CaseChanges caseChanges, Catalogue catalogue) {
        this.inbox = inbox;
        this.handlers = inbox.latestState(CHANNEL)
                .on(TeamUpdated.class, event -> Team.save(event.payload()))
                .on(ProjectUpdated.class, event -> catalogue.saved(Project.save(event.payload())))
                .beforeEachBatch(caseChanges::batchBegins)
                .afterEachBatch(() -> {
                    retries.waiting();
                    caseChanges.batchEnds();
                });
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.consume(records, handlers);
    }
}
