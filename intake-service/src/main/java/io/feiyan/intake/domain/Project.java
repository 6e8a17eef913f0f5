package io.feiyan.intake.domain;

import io.feiyan.events.ProjectUpdated;
import io.feiyan.platform.directory.ProjectCopy;
import jakarta.persistence.Entity;

/** intake's copy of a catalogue project, kept from team-service's ProjectUpdated events: for orders and the menu. */
@Entity
public class Project extends ProjectCopy {

    public static void save(ProjectUpdated update) {
        Project project = findById(update.projectCode());
        if (project == null) {
            project = new Project();
        }
        project.apply(update);
        project.persist();
    }
}
