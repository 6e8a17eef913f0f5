package io.feiyan.intake.domain;

import io.feiyan.events.ProjectUpdated;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** intake's copy of a catalogue project, kept from team-service's ProjectUpdated events. */
@Entity
public class Project extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String category;
    public boolean active;

    public static void save(ProjectUpdated update) {
        Project project = findById(update.projectCode());
        if (project == null) {
            project = new Project();
            project.code = update.projectCode();
        }
        project.name = update.name();
        project.category = update.category();
        project.active = update.active();
        project.persist();
    }
}
