package io.feiyan.dispatch.messaging;

import io.feiyan.dispatch.domain.Project;
import io.feiyan.dispatch.domain.Team;
import io.feiyan.dispatch.service.DispatchService;
import io.feiyan.events.ProjectUpdated;
import io.feiyan.events.TeamUpdated;
import io.feiyan.events.Topics;
import io.feiyan.platform.messaging.Inbox;
import io.feiyan.platform.messaging.RetryTransientFailures;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps dispatch's copy of the team directory and catalogue. Each change may let a waiting case be
 * routed, so the waiting cases are tried again.
 */
@ApplicationScoped
@RetryTransientFailures
public class ReferenceDataEvents {
    private final Inbox inbox;
    private final DispatchService dispatch;

    ReferenceDataEvents(Inbox inbox, DispatchService dispatch) {
        this.inbox = inbox;
        this.dispatch = dispatch;
    }

    @Incoming(Topics.TEAMS_DIRECTORY)
    @Blocking
    @Transactional
    public void onTeam(ConsumerRecord<String, String> record) {
        Team.save(inbox.read(record, TeamUpdated.class).payload());
        dispatch.retryWaiting();
    }

    @Incoming(Topics.CATALOGUE_PROJECTS)
    @Blocking
    @Transactional
    public void onProject(ConsumerRecord<String, String> record) {
        Project.save(inbox.read(record, ProjectUpdated.class).payload());
        dispatch.retryWaiting();
    }
}
