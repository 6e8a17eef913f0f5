package io.feiyan.dispatch;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.events.Channel;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderApproved;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderDeclined.DeclineReason;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.events.Urgency;
import io.feiyan.platform.messaging.CatchingUp;
import io.feiyan.platform.messaging.ConsumerPositions;
import io.feiyan.testkit.BehindItsGroup;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.feiyan.testkit.Published;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * After a restore, dispatch takes its own decisions back from its topics as facts, in whatever order they are read
 * again, and decides nothing of its own until it has caught up; then it decides what never came back.
 */
@FeiyanTest
class HeardDecisionsTests {
    @InjectEventProbe
    EventProbe probe;

    @Inject
    ConsumerPositions positions;

    @Inject
    CatchingUp catchingUp;

    @Inject
    EntityManager entityManager;

    @Test
    void givenDecisionsMadeSinceTheBackup_whenHeardBackBeforeTheirOrderAndAnswers_thenTheCaseStandsAsDecided() {
        Place place = new Place(probe, 431);
        place.project("visit");
        place.team("a", Tier.VILLAGE, 5, "visit");
        place.team("b", Tier.VILLAGE, 5, "visit");
        UUID order = UUID.randomUUID();
        Instant placedAt = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        Instant offeredToA = placedAt.plusSeconds(1);
        Instant offeredToB = placedAt.plusSeconds(2);

        try (BehindItsGroup restored = BehindItsGroup.open(probe, listener())) {
            // read again in another order than they were published: answers before their offers, all before the order
            List<UUID> events = List.of(
                    probe.publish(new OrderAccepted(order, place.code("b"), placedAt.plusSeconds(3), null, null,
                            offeredToB, List.of())),
                    probe.publish(offer(order, place, "b", offeredToB)),
                    probe.publish(new OrderDeclined(order, place.code("a"), DeclineReason.NO_CAPACITY, "full",
                            placedAt.plusMillis(1500), offeredToA)),
                    probe.publish(new OrderPlaced(order, UUID.randomUUID(), place.code("visit"), "CAT431", false,
                            place.village, Urgency.ROUTINE, Channel.PROXY, "V-1", null, null, placedAt)),
                    probe.publish(new OrderApproved(order, "op-431", placedAt.plusMillis(500))),
                    probe.publish(offer(order, place, "a", offeredToA)));
            await().atMost(Place.WAIT).until(() -> events.stream().allMatch(this::taken));

            Auth.countyCentre().get("/api/cases/{id}", order).then()
                    .body("status", equalTo("ACCEPTED")).body("teamCode", equalTo(place.code("b")))
                    .body("passedBy", hasItem(place.code("a")));
            assertEquals(0, earlyEvents(order), "every early event applied");
            assertEquals(String.join("\n", "APPROVED approved at review", "ASSIGNED " + place.code("a")
                    + " at village tier", "ASSIGNED " + place.code("b") + " at village tier"), history(order),
                    "every decision heard in the case's history, those since replaced too");
            assertEquals(1, openOrders(place.code("b")));
            assertEquals(0, openOrders(place.code("a")));
        }
        // caught up: nothing decided again, nothing published by dispatch of its own
        await().atMost(Place.WAIT).until(() -> !catchingUp.isCatchingUp());
        assertEquals(2, Published.about(probe, Topics.ORDERS_ASSIGNED, order).size(), "the two offers heard");
        assertEquals(1, Published.about(probe, Topics.ORDERS_APPROVED, order).size(), "the approval heard");
        Auth.countyCentre().get("/api/cases/{id}", order).then()
                .body("status", equalTo("ACCEPTED")).body("teamCode", equalTo(place.code("b")));
    }

    @Test
    void givenADecisionEarlierThanTheCasesLast_whenHeard_thenItIsHistory() {
        Place place = new Place(probe, 432);
        place.project("visit");
        place.team("a", Tier.VILLAGE, 5, "visit");
        place.team("b", Tier.VILLAGE, 5, "visit");
        UUID order = place.order("visit", Urgency.ROUTINE);
        OrderAssigned first = place.assigned(order);
        String other = first.teamCode().equals(place.code("a")) ? "b" : "a";

        try (BehindItsGroup restored = BehindItsGroup.open(probe, listener())) {
            UUID stale = probe.publish(offer(order, place, other, first.assignedAt().minusSeconds(1)));
            await().atMost(Place.WAIT).until(() -> taken(stale));
            Auth.countyCentre().get("/api/cases/{id}", order).then()
                    .body("status", equalTo("ASSIGNED")).body("teamCode", equalTo(first.teamCode()));
            assertEquals(0, openOrders(place.code(other)));
        }
    }

    @Test
    void givenAnOrderTakenAgainWhoseDecisionsNeverCameBack_thenItIsDecidedOnceCaughtUp_andNotBefore() {
        Place place = new Place(probe, 433);
        place.project("visit");
        place.team("village", Tier.VILLAGE, 5, "visit");
        UUID order;
        try (BehindItsGroup restored = BehindItsGroup.open(probe, listener())) {
            order = place.order("visit", Urgency.ROUTINE);
            UUID opened = order;
            await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", opened).then()
                    .statusCode(200).body("status", equalTo("IN_REVIEW")));
            assertEquals(0, Published.about(probe, Topics.ORDERS_APPROVED, order).size(), "not while catching up");
        }
        OrderAssigned assigned = place.assigned(order);
        assertEquals(place.code("village"), assigned.teamCode());
        assertEquals(1, Published.about(probe, Topics.ORDERS_APPROVED, order).size());
    }

    private static OrderAssigned offer(UUID order, Place place, String team, Instant at) {
        return new OrderAssigned(order, place.code(team), Tier.VILLAGE, place.code("visit"), at.plus(Duration.ofDays(1)),
                at.plus(Duration.ofDays(7)), null, null, at, Tier.VILLAGE, List.of(), false, (List<String>) null);
    }

    private BehindItsGroup.Listener listener() {
        return new BehindItsGroup.Listener(positions::onPartitionsAssigned, positions::onPartitionsRevoked);
    }

    /** The case's approvals and offers as the dashboard shows them: kind and detail, a line each, in order. */
    private String history(UUID order) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select string_agg(kind || ' ' || detail, E'\\n' order by decided_at) from case_decision"
                        + " where order_id = ?1 and kind in ('APPROVED', 'ASSIGNED')").setParameter(1, order)
                .getSingleResult().toString());
    }

    private long openOrders(String team) {
        return count("select open_orders from team where code = ?1", team);
    }

    private long earlyEvents(UUID order) {
        return count("select count(*) from early_event where order_id = ?1", order);
    }

    private boolean taken(UUID event) {
        return count("select count(*) from processed_event where event_id = ?1", event) == 1;
    }

    private long count(String query, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(query)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}
