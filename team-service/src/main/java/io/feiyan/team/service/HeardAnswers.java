package io.feiyan.team.service;

import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderEvent;
import io.feiyan.platform.messaging.EarlyEvents;
import io.feiyan.platform.messaging.IncomingEvent;
import io.feiyan.team.domain.Assignment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The team's own answers — accepted, declined, completed — heard back from the topics team-service publishes them on.
 * Usually each is here already, and hearing it changes nothing. After a restore from a backup, the answers given since
 * the backup are in no table any more: they come back this way, with the hours ledger's lines of each completion.
 *
 * <p>An answer is applied to the offer it answers ({@code offeredAt}) and to no other. The offer and the answer are
 * read again from different topics, in no set order: an answer heard before its offer waits ({@link EarlyEvents})
 * until {@link Offers#record} records that offer; one to an offer already replaced by a later one is history, and is
 * dropped. Answers published before they named their offer ({@code offeredAt} null), and a need solved on the spot
 * (never offered), were applied when they were given.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class HeardAnswers {
    private final HoursLedger ledger;
    private final EarlyEvents early;

    HeardAnswers(HoursLedger ledger, EarlyEvents early) {
        this.ledger = ledger;
        this.early = early;
    }

    public void heard(IncomingEvent<? extends OrderEvent> event) {
        OrderEvent answer = event.payload();
        Instant offeredAt = offeredAt(answer);
        if (offeredAt == null) {
            return;
        }
        Assignment assignment = Assignment.findById(answer.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (assignment == null || assignment.isBeforeOffer(offeredAt)) {
            early.keep(event, offeredAt);
        } else if (assignment.isOffer(offeredAt)) {
            apply(assignment, answer);
        }
    }

    /**
     * The offer is recorded: the answers heard to it before are applied, in the order they were given; those to an
     * earlier offer are history.
     */
    void offered(Assignment assignment) {
        for (EarlyEvents.Early kept : early.takeFor(assignment.orderId, assignment.assignedAt)) {
            if (assignment.isOffer(offeredAt(kept.event()))) {
                apply(assignment, kept.event());
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
}
