package io.feiyan.dispatch.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A decision on a case — assigned, escalated, declined, timed out, rejected, ... — by whom and why. */
@Entity
@Table(name = "case_decision")
public class Decision extends PanacheEntityBase {
    public enum Kind { APPROVED, ASSIGNED, DECLINED, TIMED_OUT, ESCALATED, UNSERVED, REJECTED, REOPENED, CALL_REQUESTED,
        /** An operator took it out of its activity. */
        SPLIT }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_decision_ids")
    @SequenceGenerator(name = "case_decision_ids", sequenceName = "case_decision_id_seq", allocationSize = 50)
    public Long id;
    public UUID orderId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String detail;
    /** The operator who decided; null when dispatch's rules did. */
    public String actor;
    public Instant decidedAt;

    public static void record(UUID orderId, Kind kind, String detail, String actor, Instant now) {
        Decision decision = new Decision();
        decision.orderId = orderId;
        decision.kind = kind;
        decision.detail = detail.length() > 500 ? detail.substring(0, 500) : detail;
        decision.actor = actor;
        decision.decidedAt = now;
        decision.persist();
    }
}
