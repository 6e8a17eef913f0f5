package io.feiyan.feedback.metrics;

import io.feiyan.events.OfferWithdrawn;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderApproved;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderEvent;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.OrderRated;
import io.feiyan.events.OrderReopened;
import io.feiyan.events.OrderRejected;
import io.feiyan.events.OrderUnserved;
import io.feiyan.events.OrderCancelled;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The facts the metrics count, taken from the order topics and from nothing else: an order where and what
 * (OrderPlaced), and its counted steps. Each fact is keyed by its order or event id and inserted only if
 * new, so a fact seen twice, or events arriving in any order, leave the same rows: replaying the topics
 * into empty tables gives the same figures.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderFacts {
    /** The topics the facts come from. */
    public static final List<String> TOPICS = List.of(Topics.ORDERS_PLACED, Topics.ORDERS_APPROVED,
            Topics.ORDERS_REJECTED, Topics.ORDERS_ASSIGNED, Topics.ORDERS_ESCALATED, Topics.ORDERS_UNSERVED,
            Topics.ORDERS_ACCEPTED, Topics.ORDERS_COMPLETED, Topics.ORDERS_REOPENED, Topics.ORDERS_RATED,
            Topics.ORDERS_CANCELLED, Topics.ORDERS_WITHDRAWN);

    /** Held shared by each recording, and exclusively by a rebuild while it swaps its tables in. */
    static final long LOCK = 0x6665_6564_6261_636bL;
    /** Marks a transaction that holds {@link #LOCK} already: a batch of events takes it once. */
    private static final Object LOCK_HELD = new Object();

    /** Where facts go: the tables the figures are counted from, or the ones a rebuild fills before the swap. */
    enum Tables {
        LIVE("metric_order", "metric_step"),
        REBUILT("metric_order_rebuilt", "metric_step_rebuilt");

        final String orders;
        final String steps;

        Tables(String orders, String steps) {
            this.orders = orders;
            this.steps = steps;
        }
    }

    enum Step {
        APPROVED, REJECTED, ASSIGNED, ESCALATED, UNSERVED, ACCEPTED, COMPLETED, REOPENED, RATED, CANCELLED, WITHDRAWN
    }

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;

    OrderFacts(EntityManager entityManager, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.transactions = transactions;
    }

    public void record(IncomingEvent<? extends OrderEvent> event) {
        if (transactions.getResource(LOCK_HELD) == null) {
            entityManager.createNativeQuery("select pg_advisory_xact_lock_shared(?1)").setParameter(1, LOCK)
                    .getSingleResult();
            transactions.putResource(LOCK_HELD, Boolean.TRUE);
        }
        insert(event, Tables.LIVE);
    }

    /** Records without taking the lock, into the given tables: for the rebuild. */
    void insert(IncomingEvent<? extends OrderEvent> event, Tables tables) {
        UUID id = event.id();
        OrderEvent payload = event.payload();
        if (payload instanceof OrderPlaced placed) {
            entityManager.createNativeQuery("insert into " + tables.orders
                            + " (order_id, village_code, category, project_code, placed_at)"
                            + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                    .setParameter(1, placed.orderId())
                    .setParameter(2, placed.villageCode())
                    .setParameter(3, placed.category())
                    .setParameter(4, placed.projectCode())
                    .setParameter(5, placed.placedAt())
                    .executeUpdate();
        } else if (payload instanceof OrderApproved approved) {
            step(tables, id, approved, Step.APPROVED, null, approved.approvedAt(), null, null, Dispatched.NONE);
        } else if (payload instanceof OrderRejected rejected) {
            step(tables, id, rejected, Step.REJECTED, null, rejected.rejectedAt(), null, null, Dispatched.NONE);
        } else if (payload instanceof OrderAssigned assigned) {
            step(tables, id, assigned, Step.ASSIGNED, assigned.teamCode(), assigned.assignedAt(), assigned.acceptBy(),
                    null, new Dispatched(assigned.tier(), assigned.lowestCapableTier(), assigned.deadline(), null,
                            assigned.peerTeams(), assigned.askedAgain(), assigned.offeredTo()));
        } else if (payload instanceof OrderEscalated escalated) {
            step(tables, id, escalated, Step.ESCALATED, null, escalated.escalatedAt(), null, null,
                    new Dispatched(escalated.toTier(), null, null, escalated.reason().name(), null, null, null));
        } else if (payload instanceof OrderUnserved unserved) {
            step(tables, id, unserved, Step.UNSERVED, null, unserved.unservedAt(), null, null, Dispatched.NONE);
        } else if (payload instanceof OrderCancelled cancelled) {
            step(tables, id, cancelled, Step.CANCELLED, null, cancelled.cancelledAt(), null, null, Dispatched.NONE);
        } else if (payload instanceof OrderAccepted accepted) {
            step(tables, id, accepted, Step.ACCEPTED, accepted.teamCode(), accepted.acceptedAt(), null, null,
                    Dispatched.NONE);
        } else if (payload instanceof OrderCompleted completed) {
            step(tables, id, completed, Step.COMPLETED, completed.teamCode(), completed.completedAt(), null, null,
                    Dispatched.NONE);
        } else if (payload instanceof OrderReopened reopened) {
            step(tables, id, reopened, Step.REOPENED, null, reopened.reopenedAt(), null, null, Dispatched.NONE);
        } else if (payload instanceof OfferWithdrawn withdrawn) {
            step(tables, id, withdrawn, Step.WITHDRAWN, withdrawn.teamCode(), withdrawn.withdrawnAt(), null, null,
                    Dispatched.NONE);
        } else if (payload instanceof OrderRated rated) {
            step(tables, id, rated, Step.RATED, null, rated.ratedAt(), null, rated.score(), Dispatched.NONE);
        }
    }

    /**
     * What dispatch's measures need of an assignment (its tier, the lowest tier that could have served the order, its
     * deadline, its peers, whether it asked a team again, the teams it was offered to at once) or of an escalation
     * (the tier reached, and why).
     */
    private record Dispatched(Tier tier, Tier lowestTier, Instant deadline, String reason, List<String> peers,
            Boolean askedAgain, List<String> offeredTo) {
        static final Dispatched NONE = new Dispatched(null, null, null, null, null, null, null);
    }

    private void step(Tables tables, UUID eventId, OrderEvent event, Step step, String team, Instant at, Instant due,
            Integer score, Dispatched dispatched) {
        entityManager.createNativeQuery("insert into " + tables.steps
                        + " (event_id, order_id, step, team_code, at, due, score, tier, lowest_tier, deadline, reason,"
                        + " peers, asked_again, offered_to) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                        + " string_to_array(cast(?12 as text), ','), cast(cast(?13 as text) as boolean),"
                        + " string_to_array(cast(?14 as text), ',')) on conflict do nothing")
                .setParameter(1, eventId)
                .setParameter(2, event.orderId())
                .setParameter(3, step.name())
                .setParameter(4, team)
                .setParameter(5, at)
                .setParameter(6, due)
                .setParameter(7, score)
                .setParameter(8, dispatched.tier() == null ? null : dispatched.tier().name())
                .setParameter(9, dispatched.lowestTier() == null ? null : dispatched.lowestTier().name())
                .setParameter(10, dispatched.deadline())
                .setParameter(11, dispatched.reason())
                // team codes have no commas (team-service: letters, digits, - and _)
                .setParameter(12, dispatched.peers() == null ? null : String.join(",", dispatched.peers()))
                .setParameter(13, dispatched.askedAgain() == null ? null : dispatched.askedAgain().toString())
                .setParameter(14, dispatched.offeredTo() == null ? null : String.join(",", dispatched.offeredTo()))
                .executeUpdate();
    }
}
