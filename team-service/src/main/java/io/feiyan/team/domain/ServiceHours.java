package io.feiyan.team.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A line of the hours ledger: a volunteer's hours serving one order. */
@Entity
@IdClass(ServiceHours.Key.class)
public class ServiceHours extends PanacheEntityBase {
    @Id
    public UUID orderId;
    @Id
    public UUID volunteerId;
    public String teamCode;
    public String projectCode;
    public BigDecimal hours;
    public LocalDate servedOn;
    /** The activity the hours were given in, once for all its orders (the line is on its first); null for one order. */
    public UUID activityId;

    /** The primary key: order and volunteer. */
    public static class Key implements Serializable {
        public UUID orderId;
        public UUID volunteerId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(orderId, key.orderId)
                    && Objects.equals(volunteerId, key.volunteerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, volunteerId);
        }
    }
}
