package io.feiyan.feedback.service;

import io.feiyan.feedback.domain.CompletedOrder;
import io.feiyan.feedback.domain.Rating;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.platform.rest.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Rating delivered orders (评单): one rating per order, published as OrderRated. */
@ApplicationScoped
@Transactional
public class RatingService {
    private final Outbox outbox;

    RatingService(Outbox outbox) {
        this.outbox = outbox;
    }

    public Rating rate(UUID orderId, int score, String comment) {
        CompletedOrder order = CompletedOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw Problem.of(409, "order-not-completed", "The order has not been delivered yet",
                    "order " + orderId + " is not completed, or its completion has not reached feedback yet")
                    .with("orderId", orderId).exception();
        }
        if (Rating.findById(orderId) != null) {
            throw Problem.of(409, "already-rated", "The order is already rated",
                    "order " + orderId + " has its rating").with("orderId", orderId).exception();
        }
        Rating rating = Rating.of(order, score, comment, Instant.now());
        rating.persist();
        outbox.publish(rating.ratedEvent());
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
