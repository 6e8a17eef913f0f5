package io.feiyan.notification.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names the texts give teams and projects, read for every notification sent: notification's copy of the directory's
 * and the catalogue's names, held in memory. Filled from the database on start and kept current by the reference-data
 * events ({@code messaging/ReferenceDataEvents}), which write each name to the database too.
 */
@ApplicationScoped
public class Names {
    private final EntityManager entityManager;
    private final Map<String, String> teams = new ConcurrentHashMap<>();
    private final Map<String, String> projects = new ConcurrentHashMap<>();

    Names(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    void load(@Observes StartupEvent startup) {
        // a name an event brought meanwhile is newer than the database's
        read("team_name").forEach(row -> teams.putIfAbsent((String) row[0], (String) row[1]));
        read("project_name").forEach(row -> projects.putIfAbsent((String) row[0], (String) row[1]));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> read(String table) {
        return entityManager.createNativeQuery("select code, name from " + table).getResultList();
    }

    /** The team's name, or its code while the directory has not said it. */
    public String team(String code) {
        return teams.getOrDefault(code, code);
    }

    /** The project's name, or its code while the catalogue has not said it. */
    public String project(String code) {
        return projects.getOrDefault(code, code);
    }

    /** The directory named the team (the latest name it said). */
    public void teamNamed(String code, String name) {
        teams.put(code, name);
    }

    /** The catalogue named the project (the latest name it said). */
    public void projectNamed(String code, String name) {
        projects.put(code, name);
    }
}
