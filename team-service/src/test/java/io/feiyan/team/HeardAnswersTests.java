package io.feiyan.team;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.Tier;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The team's own answers heard back from its topics — as after a restore, when the answers given since the backup are
 * in no table and come back only from the topics, read again in no set order with the offers they answer.
 */
@FeiyanTest
class HeardAnswersTests {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectEventProbe
    EventProbe probe;
    @Inject
    EntityManager entityManager;

    @Test
    void givenAnAcceptanceAndACompletionHeardBeforeTheirOffer_thenTheOfferIsRecordedCompleted_withItsHoursLedger() {
        UUID orderId = UUID.randomUUID();
        UUID volunteer = UUID.randomUUID();
        Instant offeredAt = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MILLIS);
        Instant acceptedAt = offeredAt.plus(Duration.ofMinutes(20));
        Instant completedAt = offeredAt.plus(Duration.ofHours(2));
        Instant scheduledFor = offeredAt.plus(Duration.ofHours(1));
        probe.publish(new OrderCompleted(orderId, "art-troupe", new BigDecimal("2.50"), completedAt, null, offeredAt,
                List.of(new OrderCompleted.HoursLine(null, new BigDecimal("2.50")))));
        probe.publish(new OrderAccepted(orderId, "art-troupe", acceptedAt, scheduledFor, null, offeredAt,
                List.of(volunteer)));
        await().atMost(WAIT).until(() -> waiting(orderId) == 2);

        probe.publish(offer(orderId, "art-troupe", offeredAt));

        await().atMost(WAIT).untilAsserted(() -> Auth.asAdmin().get("/api/assignments/{id}", orderId).then()
                .statusCode(200).body("status", equalTo("COMPLETED")).body("teamCode", equalTo("art-troupe"))
                .body("acceptedAt", equalTo(acceptedAt.toString()))
                .body("scheduledFor", equalTo(scheduledFor.toString()))
                .body("crew", equalTo(List.of(volunteer.toString())))
                .body("completedAt", equalTo(completedAt.toString()))
                .body("volunteerHours", equalTo(2.5f)));
        assertEquals(new BigDecimal("2.50"), QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select hours from unattributed_hours where order_id = ?1")
                .setParameter(1, orderId).getSingleResult()), "the team's line of the hours ledger, once");
        assertEquals(0, waiting(orderId), "nothing left waiting");
    }

    @Test
    void givenAnAnswerToAnOfferSinceReplaced_thenItIsHistory_andTheLatestOffersAnswerStands() {
        UUID orderId = UUID.randomUUID();
        Instant first = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MILLIS);
        Instant second = first.plus(Duration.ofMinutes(30));
        // the village team declined, the order went to the town's team, which accepted; read again latest first
        List<UUID> events = new ArrayList<>();
        events.add(probe.publish(offer(orderId, "art-troupe", second)));
        await().atMost(WAIT).untilAsserted(() -> Auth.asAdmin().get("/api/assignments/{id}", orderId).then()
                .statusCode(200).body("status", equalTo("OFFERED")));
        events.add(probe.publish(new OrderAccepted(orderId, "art-troupe", second.plusSeconds(60), null, null, second,
                List.of())));
        await().atMost(WAIT).untilAsserted(() -> Auth.asAdmin().get("/api/assignments/{id}", orderId).then()
                .body("status", equalTo("ACCEPTED")));
        events.add(probe.publish(new OrderDeclined(orderId, "village-team", OrderDeclined.DeclineReason.NO_CAPACITY,
                null, first.plusSeconds(60), first)));
        events.add(probe.publish(offer(orderId, "village-team", first)));
        await().atMost(WAIT).until(() -> taken(events) == events.size());

        Auth.asAdmin().get("/api/assignments/{id}", orderId).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("teamCode", equalTo("art-troupe"))
                .body("assignedAt", equalTo(second.toString()));
        assertEquals(0, waiting(orderId), "an answer to an offer replaced before it is heard does not wait");
    }

    private static OrderAssigned offer(UUID orderId, String team, Instant at) {
        return new OrderAssigned(orderId, team, Tier.COUNTY, "culture-opera", at.plus(Duration.ofHours(24)),
                at.plus(Duration.ofDays(7)), null, null, at);
    }

    /** The team's answers to the order waiting for their offer. */
    private long waiting(UUID orderId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from early_event where order_id = ?1").setParameter(1, orderId).getSingleResult())
                .longValue());
    }

    /** How many of these events the team has taken (its inbox). */
    private long taken(List<UUID> events) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from processed_event where event_id in (?1)").setParameter(1, events)
                .getSingleResult()).longValue());
    }
}
