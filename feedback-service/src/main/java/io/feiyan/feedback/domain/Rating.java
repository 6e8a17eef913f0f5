package io.feiyan.feedback.domain;

import io.feiyan.events.OrderRated;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * The resident's rating of a delivered order (评单), from 1 to 5. The comment stays here: it may name
 * people, so it is never published.
 */
@Entity
public class Rating extends PanacheEntityBase {
    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    @Id
    public UUID orderId;
    public int score;
    public String comment;
    public Instant ratedAt;

    public static Rating of(CompletedOrder order, int score, String comment, Instant now) {
        Rating rating = new Rating();
        rating.orderId = order.orderId;
        rating.score = score;
        rating.comment = comment;
        rating.ratedAt = now;
        return rating;
    }

    public OrderRated ratedEvent() {
        return new OrderRated(orderId, score, ratedAt);
    }
}
