package io.feiyan.feedback.service;

import io.feiyan.events.OrderRated;
import io.feiyan.feedback.domain.Order;
import io.feiyan.feedback.domain.Rating;
import io.feiyan.platform.domain.Conflict;
import io.feiyan.platform.domain.IllegalMove;
import io.feiyan.platform.domain.NotFound;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.platform.security.Caller;
import io.feiyan.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Rating delivered orders (评单): one rating per order, published as OrderRated. A dissatisfied rating
 * sends the village station to visit (回访).
 */
@ApplicationScoped
@Transactional
public class RatingService {
    private final Outbox outbox;
    private final FollowUpService followUps;

    RatingService(Outbox outbox, FollowUpService followUps) {
        this.outbox = outbox;
        this.followUps = followUps;
    }

    /** By the resident whose order it is, or a volunteer of the order's village on their behalf. */
    public Rating rate(UUID orderId, int score, boolean solved, String comment, Caller caller) {
        Order order = Order.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order != null) {
            caller.require(isResidentOrVolunteerOf(order, caller),
                    "only the resident, or a volunteer of their village, rates an order");
        }
        if (order == null || !order.isDelivered()) {
            throw new IllegalMove("order-not-completed", "The order has not been delivered yet",
                    "order " + orderId + " is not completed, or its completion has not reached feedback yet")
                    .with("orderId", orderId);
        }
        if (Rating.findById(orderId) != null) {
            throw new Conflict("already-rated", "The order is already rated",
                    "order " + orderId + " has its rating; an order is rated once").with("orderId", orderId);
        }
        String volunteer = caller.is(Roles.VOLUNTEER) ? caller.id() : null;
        Rating rating = Rating.of(order, score, solved, comment, volunteer, Instant.now());
        rating.persist();
        outbox.publish(rating.ratedEvent());
        followUps.rated(rating);
        return rating;
    }

    /**
     * A rating heard on its topic. Feedback published it, and holds it already, unless its database was restored
     * from a backup taken before the rating: then it is made again from the event, with what it brings about (a
     * follow-up visit when the resident is not content). Only its comment, never published, is not there.
     */
    public void heard(OrderRated rated) {
        if (Rating.findById(rated.orderId()) != null) {
            return; // as always but after a restore: the rating this service made and published
        }
        Order.findOrNew(rated.orderId()); // the order's other events may come after its rating, when taken again
        Rating rating = Rating.of(rated);
        rating.persist();
        followUps.rated(rating);
    }

    /** To the resident, and to the volunteers and operators of the order's village. */
    public Rating get(UUID orderId, Caller caller) {
        Rating rating = Rating.findById(orderId);
        if (rating == null) {
            throw new NotFound("rating of order", orderId);
        }
        Order order = Order.findById(orderId);
        caller.require(isResidentOrVolunteerOf(order, caller)
                || caller.is(Roles.OPERATOR) && caller.covers(order.villageCode),
                "a rating is for the resident and the stations of their village");
        return rating;
    }

    private static boolean isResidentOrVolunteerOf(Order order, Caller caller) {
        return caller.is(Roles.RESIDENT) && caller.resident().map(id -> id.equals(order.residentId)).orElse(false)
                || caller.is(Roles.VOLUNTEER) && caller.covers(order.villageCode);
    }
}
