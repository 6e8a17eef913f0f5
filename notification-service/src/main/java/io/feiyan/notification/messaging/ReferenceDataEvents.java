package io.feiyan.notification.messaging;

import io.feiyan.events.MenuPublished;
import io.feiyan.events.ProjectUpdated;
import io.feiyan.events.TeamUpdated;
import io.feiyan.notification.domain.MenuItem;
import io.feiyan.notification.service.Names;
import io.feiyan.platform.messaging.EventHandlers;
import io.feiyan.platform.messaging.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What notification keeps of the directory and the catalogue, as they say it (their latest state): the names the texts
 * give teams and projects (in its database and in memory: {@link Names}), and the county's monthly menus the WeChat
 * account's 菜单 answers with. Every instance reads them all, from the start, at every start.
 */
@ApplicationScoped
public class ReferenceDataEvents {
    static final String CHANNEL = "reference-data";

    private final Inbox inbox;
    private final EventHandlers handlers;
    private final EntityManager entityManager;
    private final Names names;

    ReferenceDataEvents(Inbox inbox, EntityManager entityManager, Names names) {
        this.inbox = inbox;
        this.entityManager = entityManager;
        this.names = names;
        this.handlers = inbox.latestState(CHANNEL)
                .on(TeamUpdated.class, event -> {
                    name("team_name", event.payload().teamCode(), event.payload().name());
                    names.teamNamed(event.payload().teamCode(), event.payload().name());
                })
                .on(ProjectUpdated.class, event -> {
                    name("project_name", event.payload().projectCode(), event.payload().name());
                    names.projectNamed(event.payload().projectCode(), event.payload().name());
                })
                .on(MenuPublished.class, event -> MenuItem.save(event.payload()));
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
