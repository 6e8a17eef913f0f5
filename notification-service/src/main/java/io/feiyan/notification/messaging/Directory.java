package io.feiyan.notification.messaging;

import io.feiyan.events.ProjectUpdated;
import io.feiyan.events.TeamUpdated;
import io.feiyan.platform.messaging.EventHandlers;
import io.feiyan.platform.messaging.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The names the texts give teams and projects, kept as the directory and the catalogue say (their latest state). */
@ApplicationScoped
public class Directory {
    static final String CHANNEL = "directory";

    private final Inbox inbox;
    private final EventHandlers handlers;
    private final EntityManager entityManager;

    Directory(Inbox inbox, EntityManager entityManager) {
        this.inbox = inbox;
        this.entityManager = entityManager;
        this.handlers = inbox.latestState(CHANNEL)
                .on(TeamUpdated.class, event -> name("team_name", event.payload().teamCode(), event.payload().name()))
                .on(ProjectUpdated.class,
                        event -> name("project_name", event.payload().projectCode(), event.payload().name()));
    }

    private void name(String table, String code, String name) {
        entityManager.createNativeQuery("insert into " + table + " (code, name) values (?1, ?2) "
                + "on conflict (code) do update set name = excluded.name")
                .setParameter(1, code).setParameter(2, name).executeUpdate();
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.consume(records, handlers);
    }
}
