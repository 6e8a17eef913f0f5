package io.feiyan.platform.directory;

import io.feiyan.events.ProjectUpdated;
import io.feiyan.events.Tier;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A service's own copy of a project of team-service's catalogue, kept from ProjectUpdated events. A
 * service that needs one maps it to a table of its own database by subclassing it as an entity.
 */
@MappedSuperclass
public abstract class ProjectCopy extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String category;
    /** The household situations the project is built for. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> aimedAt = new ArrayList<>();
    public boolean active;
    /** How many residents one visit can serve: 1, each alone. */
    public int perVisit = 1;
    /** Where the residents of one visit live: their village, or their town. */
    @Enumerated(EnumType.STRING)
    public Tier gathersAt = Tier.VILLAGE;

    /** Takes the project's latest state. */
    public void apply(ProjectUpdated update) {
        code = update.projectCode();
        name = update.name();
        category = update.category();
        aimedAt = update.aimedAt().stream().map(Enum::name).collect(Collectors.toCollection(ArrayList::new));
        active = update.active();
        perVisit = update.residentsPerVisit();
        gathersAt = update.gathersAtTier();
    }
}
