package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.Project;
import io.feiyan.events.Tier;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * dispatch's copy of the catalogue as routing reads it, for every case it routes: held in memory, filled from the
 * database's copy ({@link Project}) on start and kept current by the catalogue's events
 * ({@code messaging/ReferenceDataEvents}), which write each project through to the database.
 */
@ApplicationScoped
public class Catalogue {
    /** What routing needs of a project. */
    public record Entry(String code, String category, boolean active, int perVisit, Tier gathersAt) {
        static Entry of(Project project) {
            return new Entry(project.code, project.category, project.active, project.perVisit, project.gathersAt);
        }
    }

    private final Map<String, Entry> byCode = new ConcurrentHashMap<>();

    @Transactional
    void load(@Observes StartupEvent startup) {
        // a project an event brought meanwhile is newer than the database's
        Project.<Project>listAll().forEach(project -> byCode.putIfAbsent(project.code, Entry.of(project)));
    }

    /** The catalogue changed the project: its latest state, as saved. */
    public void saved(Project project) {
        byCode.put(project.code, Entry.of(project));
    }

    /** The project, or null while the catalogue has not said it. */
    public Entry project(String code) {
        return byCode.get(code);
    }

    /** The codes of the category's active projects. */
    public Set<String> activeIn(String category) {
        return byCode.values().stream().filter(entry -> entry.active() && entry.category().equals(category))
                .map(Entry::code).collect(Collectors.toSet());
    }

    /** The categories of those of the projects that are active. */
    public Set<String> activeCategoriesOf(Collection<String> codes) {
        return codes.stream().map(byCode::get).filter(entry -> entry != null && entry.active())
                .map(Entry::category).collect(Collectors.toSet());
    }
}
