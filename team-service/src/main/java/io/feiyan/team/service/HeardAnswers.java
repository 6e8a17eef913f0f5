package io.feiyan.team.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.EventType;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderEvent;
import io.feiyan.platform.messaging.IncomingEvent;
import io.feiyan.team.domain.Assignment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The team's own answers — accepted, declined, completed — heard back from the topics team-service publishes them on.
 * Usually each is here already, and hearing it changes nothing. After a restore from a backup, the answers given since
 * the backup are in no table any more: they come back this way, with the hours ledger's lines of each completion.
 *
 * <p>An answer is applied to the offer it answers ({@code offeredAt}) and to no other. The offer and the answer are
 * read again from different topics, in no set order: an answer heard before its offer waits ({@code heard_answer})
 * until {@link Offers#record} records that offer; one to an offer already replaced by a later one is history, and is
 * dropped. Answers published before they named their offer ({@code offeredAt} null), and a need solved on the spot
 * (never offered), were applied when they were given.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class HeardAnswers {
    private final HoursLedger ledger;
    private final EntityManager entityManager;
    private final ObjectMapper json;

    HeardAnswers(HoursLedger ledger, EntityManager entityManager, ObjectMapper json) {
        this.ledger = ledger;
        this.entityManager = entityManager;
        this.json = json;
    }

    public void heard(IncomingEvent<? extends OrderEvent> event) {
        OrderEvent answer = event.payload();
        Instant offeredAt = offeredAt(answer);
        if (offeredAt == null) {
            return;
        }
        Assignment assignment = Assignment.findById(answer.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (assignment == null || assignment.isBeforeOffer(offeredAt)) {
            entityManager.createNativeQuery("""
                    insert into heard_answer (event_id, order_id, offered_at, answered_at, event_type, payload)
                    values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb)) on conflict do nothing""")
                    .setParameter(1, event.id()).setParameter(2, answer.orderId()).setParameter(3, offeredAt)
                    .setParameter(4, answer.occurredAt()).setParameter(5, EventType.of(answer).name())
                    .setParameter(6, event.json()).executeUpdate();
        } else if (assignment.isOffer(offeredAt)) {
            apply(assignment, answer);
        }
    }

    /**
     * The offer is recorded: the answers heard to it before are applied, in the order they were given; those to an
     * earlier offer are history.
     */
    void offered(Assignment assignment) {
        @SuppressWarnings("unchecked")
        List<Object[]> waiting = entityManager.createNativeQuery("""
                select event_id, offered_at, event_type, cast(payload as text) from heard_answer
                where order_id = ?1 order by answered_at""").setParameter(1, assignment.orderId).getResultList();
        for (Object[] row : waiting) {
            Instant offeredAt = (Instant) row[1];
            if (assignment.isOffer(offeredAt)) {
                apply(assignment, parse(EventType.valueOf((String) row[2]), (String) row[3]));
            }
            if (!assignment.isBeforeOffer(offeredAt)) {
                entityManager.createNativeQuery("delete from heard_answer where event_id = ?1")
                        .setParameter(1, (UUID) row[0]).executeUpdate();
            }
        }
    }

    private void apply(Assignment assignment, OrderEvent answer) {
        if (answer instanceof OrderAccepted accepted) {
            assignment.heard(accepted);
        } else if (answer instanceof OrderDeclined declined) {
            assignment.heard(declined);
        } else if (assignment.heard((OrderCompleted) answer) && ((OrderCompleted) answer).hoursLedger() != null) {
            ledger.write(assignment, (OrderCompleted) answer);
        }
    }

    private static Instant offeredAt(OrderEvent answer) {
        if (answer instanceof OrderAccepted accepted) {
            return accepted.offeredAt();
        }
        return answer instanceof OrderDeclined declined ? declined.offeredAt() : ((OrderCompleted) answer).offeredAt();
    }

    private OrderEvent parse(EventType type, String payload) {
        try {
            return (OrderEvent) json.readValue(payload, type.javaType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a heard answer kept as " + type + " cannot be read back", e);
        }
    }
}
