package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.dispatch.domain.Decision;
import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderApproved;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderEvent;
import io.feiyan.events.OrderRejected;
import io.feiyan.events.OrderUnserved;
import io.feiyan.platform.messaging.CatchingUp;
import io.feiyan.platform.messaging.EarlyEvents;
import io.feiyan.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Dispatch's own decisions — approved, rejected, offered, escalated, unserved — heard back from the topics it publishes
 * them on. Usually each is on its case already, and hearing it changes nothing (it is not even looked at). After a
 * restore from a backup, the decisions made since the backup are on no case any more: they come back this way, as
 * facts. Dispatch does not work them out again — its rule would choose another team now that loads differ, and
 * publish that choice under the id the first had, which every consumer would drop as a repeat — so while it catches
 * up its rule decides nothing ({@link CaseRouting#route}) and the decisions it heard are applied instead.
 *
 * <p>A decision is applied when it is later than the case's last ({@link DispatchCase#holdsDecision}); an earlier
 * one is history. The decisions and the events they answer are read again from different topics, in no set order: a
 * decision heard before its order's OrderPlaced waits for it, and so does a team's answer heard before the offer it
 * answers ({@link EarlyEvents}). Each decision heard, applied or history, is written into the case's history
 * ({@link DecisionLog}) as when it was made, unless it is there.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class HeardDecisions {
    private final CatchingUp catchingUp;
    private final EarlyEvents early;
    private final CaseRouting routing;
    private final CaseReactions reactions;

    HeardDecisions(CatchingUp catchingUp, EarlyEvents early, CaseRouting routing, CaseReactions reactions) {
        this.catchingUp = catchingUp;
        this.early = early;
        this.routing = routing;
        this.reactions = reactions;
    }

    public void heard(IncomingEvent<? extends OrderEvent> event) {
        if (!catchingUp.isCatchingUp()) {
            return; // decided here since the restore, if any: on its case already
        }
        DispatchCase c = DispatchCase.findById(event.payload().orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            early.keep(event);
            return;
        }
        apply(c, event.payload());
    }

    /** The case was opened again: the decisions heard before its order are applied, oldest first. */
    void opened(DispatchCase c) {
        for (EarlyEvents.Early kept : early.takeFor(c.orderId)) {
            apply(c, kept.event());
        }
    }

    /**
     * Whether a team's answer to the offer made at {@code offeredAt} is one to an offer its case has not heard back
     * yet (while catching up after a restore, the answer read again before the offer): then it waits for the offer,
     * and is applied when the offer is.
     */
    public boolean waitsForItsOffer(IncomingEvent<? extends OrderEvent> answer, Instant offeredAt) {
        if (offeredAt == null || !catchingUp.isCatchingUp()) {
            return false;
        }
        DispatchCase c = DispatchCase.findById(answer.payload().orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (c != null && !c.isBeforeOffer(offeredAt)) {
            return false;
        }
        early.keep(answer, offeredAt);
        return true;
    }

    private void apply(DispatchCase c, OrderEvent decision) {
        intoHistory(decision);
        if (c.status == CaseStatus.CANCELLED || c.holdsDecision(decision.occurredAt())) {
            return;
        }
        if (decision instanceof OrderApproved approved) {
            c.heard(approved);
        } else if (decision instanceof OrderRejected rejected) {
            c.heard(rejected);
        } else if (decision instanceof OrderEscalated escalated) {
            c.heard(escalated);
        } else if (decision instanceof OrderUnserved unserved) {
            c.heard(unserved);
        } else if (decision instanceof OrderAssigned assigned) {
            routing.heard(c, assigned);
            answersTo(c, assigned);
        }
        routing.changed(c);
    }

    /**
     * The decision into the case's history, as when it was made, unless the history has it (its time and kind): one
     * the backup held, or one heard again. An approval without review, which the history never holds, stays out.
     */
    private static void intoHistory(OrderEvent decision) {
        if (decision instanceof OrderApproved approved && approved.approvedBy() == null) {
            return;
        }
        Decision.Kind kind = decision instanceof OrderApproved ? Decision.Kind.APPROVED
                : decision instanceof OrderRejected ? Decision.Kind.REJECTED
                : decision instanceof OrderAssigned ? Decision.Kind.ASSIGNED
                : decision instanceof OrderUnserved ? Decision.Kind.UNSERVED : Decision.Kind.ESCALATED;
        if (Decision.count("orderId = ?1 and kind = ?2 and decidedAt = ?3", decision.orderId(), kind,
                decision.occurredAt()) > 0) {
            return;
        }
        if (decision instanceof OrderApproved approved) {
            DecisionLog.approved(approved);
        } else if (decision instanceof OrderRejected rejected) {
            DecisionLog.rejected(rejected);
        } else if (decision instanceof OrderAssigned assigned) {
            DecisionLog.assigned(assigned);
        } else if (decision instanceof OrderUnserved unserved) {
            DecisionLog.unserved(unserved);
        } else if (((OrderEscalated) decision).reason() == OrderEscalated.EscalationReason.DEADLINE_PASSED) {
            DecisionLog.overdue((OrderEscalated) decision);
        } else {
            DecisionLog.escalated((OrderEscalated) decision);
        }
    }

    /** The answers heard to the offer before it are applied, in the order given; those to earlier offers are history. */
    private void answersTo(DispatchCase c, OrderAssigned offer) {
        for (EarlyEvents.Early kept : early.takeFor(c.orderId, offer.assignedAt())) {
            OrderEvent answer = kept.event();
            if (answer instanceof OrderAccepted accepted) {
                reactions.accepted(accepted);
            } else if (answer instanceof OrderDeclined declined) {
                reactions.declined(declined);
            } else if (answer instanceof OrderCompleted completed) {
                reactions.completed(completed.orderId(), completed.teamCode());
            }
        }
    }
}
