package io.feiyan.feedback.service;

import io.feiyan.feedback.domain.Order;
import io.feiyan.feedback.domain.Rating;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.platform.rest.Problem;
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

    /** {@code volunteer} names the village volunteer rating on the resident's behalf; null when the resident rates. */
    public Rating rate(UUID orderId, int score, boolean solved, String comment, String volunteer) {
        Order order = Order.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null || !order.isDelivered()) {
            throw Problem.of(409, "order-not-completed", "The order has not been delivered yet",
                    "order " + orderId + " is not completed, or its completion has not reached feedback yet")
                    .with("orderId", orderId).exception();
        }
        if (Rating.findById(orderId) != null) {
            throw Problem.of(409, "already-rated", "The order is already rated",
                    "order " + orderId + " has its rating; an order is rated once").with("orderId", orderId).exception();
        }
        Rating rating = Rating.of(order, score, solved, comment, volunteer, Instant.now());
        rating.persist();
        outbox.publish(rating.ratedEvent());
        followUps.rated(rating);
        return rating;
    }

    public Rating get(UUID orderId) {
        Rating rating = Rating.findById(orderId);
        if (rating == null) {
            throw Problem.notFound("rating of order", orderId).exception();
        }
        return rating;
    }
}
