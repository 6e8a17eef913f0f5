package io.feiyan.feedback.domain;

import io.feiyan.events.OrderRated;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * The rating of a delivered order (评单): a score from 1 to 5 and whether the need was solved, given by the
 * resident or by a village volunteer on their behalf. The comment stays here: it may name people, so it
 * is never published.
 */
@Entity
public class Rating extends PanacheEntityBase {
    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;
    /** A score at or below this is dissatisfied, whatever the answer to "was it solved?". */
    public static final int DISSATISFIED_AT_MOST = 2;

    @Id
    public UUID orderId;
    public int score;
    public boolean solved;
    public String comment;
    /** The village volunteer who rated on the resident's behalf; null when the resident rated. */
    public String ratedByVolunteer;
    public Instant ratedAt;

    public static Rating of(Order order, int score, boolean solved, String comment, String volunteer, Instant now) {
        Rating rating = new Rating();
        rating.orderId = order.orderId;
        rating.score = score;
        rating.solved = solved;
        rating.comment = comment;
        rating.ratedByVolunteer = volunteer;
        rating.ratedAt = now;
        return rating;
    }

    /** The resident is not content: the village station visits them (回访). */
    public boolean isDissatisfied() {
        return score <= DISSATISFIED_AT_MOST || !solved;
    }

    public OrderRated ratedEvent() {
        return new OrderRated(orderId, score, ratedAt, solved, ratedByVolunteer);
    }

    /**
     * The rating as its event tells it, for a database restored from a backup taken before it: all but its comment,
     * which is never published. An older event without {@code solved} counts as solved, as its score alone said.
     */
    public static Rating of(OrderRated rated) {
        Rating rating = new Rating();
        rating.orderId = rated.orderId();
        rating.score = rated.score();
        rating.solved = !Boolean.FALSE.equals(rated.solved());
        rating.ratedByVolunteer = rated.ratedByVolunteer();
        rating.ratedAt = rated.ratedAt();
        return rating;
    }
}
