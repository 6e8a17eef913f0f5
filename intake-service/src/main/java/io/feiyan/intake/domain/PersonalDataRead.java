package io.feiyan.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** One showing of a resident's full personal data: who saw it, whose it was, when and why. Never changed. */
@Entity
public class PersonalDataRead extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant readAt;
    public String reader;
    public String readerRoles;
    public UUID residentId;
    /** The order the reader serves or follows, when the grounds are an order. */
    public UUID orderId;
    public String why;
}
