package io.feiyan.team.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A line of the hours ledger that names no volunteer: a completion that gave its volunteer hours alone. The hours are
 * the team's all the same (its month is the sum of its completions' hours), though no one's star level grows by them.
 */
@Entity
public class UnattributedHours extends PanacheEntityBase {
    @Id
    public UUID orderId;
    public String teamCode;
    public String projectCode;
    public BigDecimal hours;
    public LocalDate servedOn;
    /** The activity the hours were given in, once for all its orders (the line is on its first); null for one order. */
    public UUID activityId;
}
