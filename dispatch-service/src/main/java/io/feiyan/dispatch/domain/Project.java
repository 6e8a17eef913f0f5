package io.feiyan.dispatch.domain;

import io.feiyan.events.ProjectUpdated;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** dispatch's copy of a catalogue project: an order for an active one is approved at once. */
@Entity
public class Project extends PanacheEntityBase {
    @Id
    public String code;
    public String category;
    public boolean active;

    public static void save(ProjectUpdated update) {
        Project project = findById(update.projectCode());
        if (project == null) {
            project = new Project();
            project.code = update.projectCode();
        }
        project.category = update.category();
        project.active = update.active();
        project.persist();
    }
}
