package io.feiyan.dispatch.domain;

import io.feiyan.events.ProjectUpdated;
import io.feiyan.platform.directory.ProjectCopy;
import jakarta.persistence.Entity;

/** dispatch's copy of a catalogue project: an order for an active one is approved at once. */
@Entity
public class Project extends ProjectCopy {

    /** Takes the project's latest state; returns it. */
    public static Project save(ProjectUpdated update) {
        Project project = findById(update.projectCode());
        if (project == null) {
            project = new Project();
        }
        project.apply(update);
        project.persist();
        return project;
    }
}
