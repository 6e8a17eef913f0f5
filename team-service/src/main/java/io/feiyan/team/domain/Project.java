package io.feiyan.team.domain;

import io.feiyan.events.ProjectUpdated;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A service project of the catalogue, such as Peking opera for the elderly, in a category such as CULTURE. */
@Entity
public class Project extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String category;
    public boolean active = true;

    public ProjectUpdated toEvent() {
        return new ProjectUpdated(code, name, category, active);
    }
}
