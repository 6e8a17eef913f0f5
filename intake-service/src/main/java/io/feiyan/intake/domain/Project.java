package io.feiyan.intake.domain;

import io.feiyan.events.ProjectUpdated;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** intake's copy of a catalogue project, kept from team-service's ProjectUpdated events, for orders and the menu. */
@Entity
public class Project extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String category;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> aimedAt = new ArrayList<>();
    public boolean active;

    public static void save(ProjectUpdated update) {
        Project project = findById(update.projectCode());
        if (project == null) {
            project = new Project();
            project.code = update.projectCode();
        }
        project.name = update.name();
        project.category = update.category();
        project.aimedAt = update.aimedAt().stream().map(Enum::name).collect(Collectors.toCollection(ArrayList::new));
        project.active = update.active();
        project.persist();
    }
}
