package io.feiyan.team.service;

import io.feiyan.events.OrderAssigned;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.platform.rest.Problem;
import io.feiyan.team.domain.Assignment;
import io.feiyan.team.domain.AssignmentStatus;
import io.feiyan.team.domain.IllegalAssignmentMove;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** A team's work: the orders dispatch gives it, which it accepts (接单) and completes. */
@ApplicationScoped
@Transactional
public class AssignmentService {
    private final Outbox outbox;
    private final EntityManager entityManager;

    AssignmentService(Outbox outbox, EntityManager entityManager) {
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    /**
     * Records an assignment from dispatch; a repeated assignment of the same order keeps the first. An
     * order withdrawn before its assignment arrived is recorded as called off.
     */
    public void record(OrderAssigned assigned) {
        if (Assignment.findById(assigned.orderId()) == null) {
            Assignment assignment = Assignment.offeredBy(assigned);
            if (isCancelled(assigned.orderId())) {
                assignment.cancel();
            }
            assignment.persist();
        }
    }

    /** The order was withdrawn in intake: an offer not yet accepted is called off. */
    public void cancel(UUID orderId) {
        entityManager.createNativeQuery("insert into cancelled_order (order_id) values (?1) on conflict do nothing")
                .setParameter(1, orderId).executeUpdate();
        Assignment assignment = Assignment.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (assignment != null) {
            assignment.cancel();
        }
    }

    private boolean isCancelled(UUID orderId) {
        return !entityManager.createNativeQuery("select 1 from cancelled_order where order_id = ?1")
                .setParameter(1, orderId).getResultList().isEmpty();
    }

    public Assignment accept(UUID orderId) {
        return move(orderId, assignment -> outbox.publish(assignment.accept(Instant.now())));
    }

    public Assignment complete(UUID orderId, BigDecimal volunteerHours) {
        return move(orderId, assignment -> outbox.publish(assignment.complete(volunteerHours, Instant.now())));
    }

    public Assignment get(UUID orderId) {
        Assignment assignment = Assignment.findById(orderId);
        if (assignment == null) {
            throw Problem.notFound("assignment", orderId).exception();
        }
        return assignment;
    }

    public List<Assignment> list(String teamCode, AssignmentStatus status) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (teamCode != null) {
            query.append(" and teamCode = :team");
            params.put("team", teamCode);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        return Assignment.list(query.toString(), Sort.descending("assignedAt"), params);
    }

    private Assignment move(UUID orderId, Function<Assignment, UUID> move) {
        Assignment assignment = Assignment.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (assignment == null) {
            throw Problem.notFound("assignment", orderId).exception();
        }
        try {
            move.apply(assignment);
        } catch (IllegalAssignmentMove e) {
            throw Problem.of(409, "assignment-state", "The assignment cannot make that move", e.getMessage())
                    .with("status", e.status()).exception();
        }
        return assignment;
    }
}
