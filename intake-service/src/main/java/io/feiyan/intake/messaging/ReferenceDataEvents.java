package io.feiyan.intake.messaging;

import io.feiyan.events.MenuPublished;
import io.feiyan.events.ProjectUpdated;
import io.feiyan.events.TeamUpdated;
import io.feiyan.events.Topics;
import io.feiyan.intake.domain.MenuItem;
import io.feiyan.intake.domain.Project;
import io.feiyan.intake.domain.Team;
import io.feiyan.platform.messaging.Inbox;
import io.feiyan.platform.messaging.RetryTransientFailures;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps intake's copies of the catalogue, the monthly menus and the team directory. */
@ApplicationScoped
@RetryTransientFailures
public class ReferenceDataEvents {
    private final Inbox inbox;

    ReferenceDataEvents(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming(Topics.CATALOGUE_PROJECTS)
    @Blocking
    @Transactional
    public void onProject(ConsumerRecord<String, String> record) {
        Project.save(inbox.read(record, ProjectUpdated.class).payload());
    }

    @Incoming(Topics.CATALOGUE_MENUS)
    @Blocking
    @Transactional
    public void onMenu(ConsumerRecord<String, String> record) {
        MenuItem.save(inbox.read(record, MenuPublished.class).payload());
    }

    @Incoming(Topics.TEAMS_DIRECTORY)
    @Blocking
    @Transactional
    public void onTeam(ConsumerRecord<String, String> record) {
        Team.save(inbox.read(record, TeamUpdated.class).payload());
    }
}
