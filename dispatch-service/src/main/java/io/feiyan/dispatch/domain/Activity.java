package io.feiyan.dispatch.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * An activity (统单): one visit of one team serving several residents of a village or a town ({@code placeCode}),
 * for one project. It holds one place at its team however many residents it serves. Read here, never written through
 * the entity: only the statements of {@code Activities} change it, each atomic on its row, so that routings running
 * at once never put more residents in it than a visit serves.
 */
@Entity
@Immutable
public class Activity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String teamCode;
    public String projectCode;
    public String placeCode;
    @Enumerated(EnumType.STRING)
    public ActivityStatus status;
    /** The time its team gave when it accepted; until then the earliest deadline of its orders. */
    public Instant takesPlace;
    /** Its open orders. */
    public int residents;
    /** Its team must accept by then, or its orders pass on. */
    public Instant acceptBy;
    public Instant createdAt;
    public Instant updatedAt;

    /** Whether the resident's village lies in the activity's place (the village itself, or its town). */
    public boolean holds(String villageCode) {
        return villageCode.startsWith(placeCode);
    }
}
