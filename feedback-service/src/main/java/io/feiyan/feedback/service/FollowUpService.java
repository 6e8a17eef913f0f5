package io.feiyan.feedback.service;

import io.feiyan.events.FollowUpDue;
import io.feiyan.feedback.domain.FollowUp;
import io.feiyan.feedback.domain.FollowUp.Outcome;
import io.feiyan.feedback.domain.FollowUp.Reason;
import io.feiyan.feedback.domain.Order;
import io.feiyan.feedback.domain.Rating;
import io.feiyan.platform.domain.IllegalMove;
import io.feiyan.platform.domain.NotFound;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.platform.rest.Page;
import io.feiyan.platform.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Follow-up visits (回访): opened by a dissatisfied rating or by a delivery left unrated, worked by the
 * resident's village station, closed with what the visit found. A redo reopens the order.
 */
@ApplicationScoped
@Transactional
public class FollowUpService {
    /** How far before the unrated time the sweep looks for deliveries: far longer than any sweep is late. */
    static final Duration LOOK_BACK = Duration.ofDays(7);

    private final Outbox outbox;
    private final EntityManager entityManager;
    private final FeedbackConfig config;

    FollowUpService(Outbox outbox, EntityManager entityManager, FeedbackConfig config) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.config = config;
    }

    /** A rating closes the order's unrated follow-up, and opens a follow-up of its own when dissatisfied. */
    void rated(Rating rating) {
        FollowUp.<FollowUp>find("orderId = ?1 and reason = ?2 and outcome is null", rating.orderId, Reason.UNRATED)
                .firstResultOptional()
                .ifPresent(unrated -> unrated.close(Outcome.RATED, null, null, rating.ratedAt));
        if (rating.isDissatisfied()) {
            FollowUp followUp = FollowUp.open(rating.orderId, Reason.DISSATISFIED, rating.ratedAt);
            followUp.persist();
            Order order = Order.findById(rating.orderId);
            if (order != null && order.villageCode != null) {
                outbox.publish(due(followUp.id, order.orderId, order.villageCode, Reason.DISSATISFIED,
                        followUp.openedAt));
            }
        }
    }

    /**
     * Opens a follow-up for every delivery of a known village unrated for longer than the configured time,
     * once per order (the unique key makes concurrent sweeps harmless), and closes those whose rating came
     * meanwhile (a rating committed while the last sweep ran). Returns how many it opened. It looks at the
     * deliveries of the {@link #LOOK_BACK} before that time only (by an index), however many there have been: a
     * sweep runs every minute, so each delivery is looked at many times within it.
     */
    public int openForUnrated() {
        Instant now = Instant.now();
        entityManager.createNativeQuery("""
                update follow_up f set outcome = 'RATED', closed_at = ?1
                where f.reason = 'UNRATED' and f.outcome is null
                and exists (select 1 from rating r where r.order_id = f.order_id)""")
                .setParameter(1, now)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> opened = entityManager.createNativeQuery("""
                with opened as (
                    insert into follow_up (id, order_id, reason, opened_at)
                    select gen_random_uuid(), o.order_id, 'UNRATED', ?2 from orders o
                    where o.completed_at < ?1 and o.completed_at >= ?3 and o.village_code is not null
                    and (o.reopened_at is null or o.completed_at > o.reopened_at)
                    and not exists (select 1 from rating r where r.order_id = o.order_id)
                    on conflict (order_id, reason) do nothing
                    returning id, order_id)
                select opened.id, opened.order_id, o.village_code from opened join orders o using (order_id)""")
                .setParameter(1, now.minus(config.unratedAfter()))
                .setParameter(2, now)
                .setParameter(3, now.minus(config.unratedAfter()).minus(LOOK_BACK))
                .getResultList();
        for (Object[] row : opened) {
            outbox.publish(due((UUID) row[0], (UUID) row[1], (String) row[2], Reason.UNRATED, now));
        }
        return opened.size();
    }

    /** The village's volunteers are told of each follow-up opened (notification-service). */
    private static FollowUpDue due(UUID followUpId, UUID orderId, String villageCode, Reason reason, Instant at) {
        return new FollowUpDue(orderId, followUpId, villageCode, FollowUpDue.Reason.valueOf(reason.name()), at);
    }

    public FollowUp record(UUID id, Outcome outcome, String visitedBy, String note, Caller caller) {
        FollowUp followUp = get(id, LockModeType.PESSIMISTIC_WRITE, caller);
        if (!followUp.isOpen()) {
            throw new IllegalMove("follow-up-closed", "The follow-up is closed",
                    "follow-up " + id + " was closed with outcome " + followUp.outcome)
                    .with("outcome", followUp.outcome);
        }
        followUp.close(outcome, visitedBy, note, Instant.now()).ifPresent(reopened -> {
            Order order = Order.findById(followUp.orderId, LockModeType.PESSIMISTIC_WRITE);
            order.reopen(reopened.reopenedAt());
            outbox.publish(reopened);
        });
        return followUp;
    }

    public FollowUp get(UUID id, Caller caller) {
        return get(id, LockModeType.NONE, caller);
    }

    /** The follow-ups of the residents of a region (a village, town or county), open or closed or both, oldest first. */
    public Page<FollowUp> list(String region, Boolean open, Page.Request page) {
        StringBuilder where = new StringBuilder(
                "orderId in (select o.orderId from Order o where o.villageCode like :region)");
        Parameters parameters = Parameters.with("region", region + "%");
        if (open != null) {
            where.append(open ? " and outcome is null" : " and outcome is not null");
        }
        PanacheQuery<FollowUp> query = FollowUp.find(where.toString(), Sort.by("openedAt").and("id"), parameters)
                .page(page.page(), page.size());
        return new Page<>(query.list(), page.page(), page.size(), query.count());
    }

    /** A follow-up, for the volunteers and operators whose region holds the resident's village. */
    private static FollowUp get(UUID id, LockModeType lock, Caller caller) {
        FollowUp followUp = FollowUp.findById(id, lock);
        if (followUp == null) {
            throw new NotFound("follow-up", id);
        }
        Order order = Order.findById(followUp.orderId);
        caller.require(caller.covers(order.villageCode), "the follow-up is for the stations of the resident's village");
        return followUp;
    }
}
