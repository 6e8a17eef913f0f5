package io.feiyan.feedback.domain;

import io.feiyan.events.OrderReopened;
import io.feiyan.events.TimeOrderedIds;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A follow-up visit (回访) the resident's village station owes: after a dissatisfied rating, or to ask in
 * person about a delivered order left unrated. It ends with what the visit found.
 */
@Entity
public class FollowUp extends PanacheEntityBase {
    public enum Reason {
        /** Rated 2 or less, or "not solved". */
        DISSATISFIED,
        /** Delivered, and not rated within the configured time. */
        UNRATED
    }

    public enum Outcome {
        /** Resolved after all: nothing more to do. */
        RESOLVED,
        /** Not resolved: the order goes back to dispatch to be served again (OrderReopened). */
        REDO,
        /** The order was rated meanwhile (an unrated follow-up only); a dissatisfied rating opens its own. */
        RATED
    }

    @Id
    public UUID id;
    public UUID orderId;
    @Enumerated(EnumType.STRING)
    public Reason reason;
    public Instant openedAt;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public String visitedBy;
    public String note;
    public Instant closedAt;

    public static FollowUp open(UUID orderId, Reason reason, Instant now) {
        FollowUp followUp = new FollowUp();
        followUp.id = TimeOrderedIds.next();
        followUp.orderId = orderId;
        followUp.reason = reason;
        followUp.openedAt = now;
        return followUp;
    }

    public boolean isOpen() {
        return outcome == null;
    }

    /**
     * Records what the visit found; a redo sends the order back to dispatch. The event's reason is worded
     * from the follow-up, never from the visitor's note, which may name people.
     */
    public Optional<OrderReopened> close(Outcome found, String visitor, String visitNote, Instant now) {
        if (!isOpen()) {
            throw new IllegalStateException("follow-up " + id + " was closed already: " + outcome);
        }
        outcome = found;
        visitedBy = visitor;
        note = visitNote;
        closedAt = now;
        if (found != Outcome.REDO) {
            return Optional.empty();
        }
        return Optional.of(new OrderReopened(orderId, switch (reason) {
            case DISSATISFIED -> "not resolved, found at the follow-up visit after a dissatisfied rating";
            case UNRATED -> "not resolved, found at the follow-up visit to an unrated delivery";
        }, now));
    }
}
