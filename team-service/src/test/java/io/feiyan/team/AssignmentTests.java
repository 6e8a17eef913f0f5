package io.feiyan.team;

import static io.feiyan.testkit.EventProbe.header;
import static io.feiyan.testkit.EventProbe.keyed;
import static io.feiyan.testkit.EventProbe.payload;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.feiyan.events.CloudEvents;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCancelled;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.feiyan.testkit.Published;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@FeiyanTest
class AssignmentTests {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @InjectEventProbe
    EventProbe probe;

    @Test
    void givenAnAssignment_whenTheTeamAcceptsThenCompletes_thenOrderAcceptedAndOrderCompletedArePublished() {
        UUID orderId = UUID.randomUUID();
        probe.publish(assigned(orderId));
        awaitAssignment(orderId, "OFFERED");

        Auth.lead("art-troupe").post("/api/assignments/{id}/accept", orderId)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        ConsumerRecord<String, String> accepted = probe.await(Topics.ORDERS_ACCEPTED, keyed(orderId), WAIT);
        assertEquals("art-troupe", payload(accepted, OrderAccepted.class).teamCode());
        assertEquals("feiyan.order.accepted.v1", header(accepted, CloudEvents.TYPE));
        assertEquals(orderId.toString(), header(accepted, CloudEvents.SUBJECT));

        Auth.lead("art-troupe").contentType(ContentType.JSON).body(Map.of("volunteerHours", 2.5))
                .post("/api/assignments/{id}/complete", orderId)
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
        ConsumerRecord<String, String> completed = probe.await(Topics.ORDERS_COMPLETED, keyed(orderId), WAIT);
        assertEquals(new BigDecimal("2.5"), payload(completed, OrderCompleted.class).volunteerHours());
    }

    @Test
    void givenANeedInTheResidentsOwnWords_thenItsAssignmentNamesNoProject_andTheTeamCanAcceptIt() {
        UUID orderId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        probe.publish(new OrderAssigned(orderId, "art-troupe", Tier.COUNTY, null, now.plus(Duration.ofHours(24)),
                now.plus(Duration.ofDays(7)), "OP-1", null, now));
        awaitAssignment(orderId, "OFFERED");

        Auth.lead("art-troupe").post("/api/assignments/{id}/accept", orderId)
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("projectCode", nullValue());
    }

    @Test
    void completingAnOrderNotYetAcceptedIsAConflictAndPublishesNothing() {
        UUID orderId = UUID.randomUUID();
        probe.publish(assigned(orderId));
        awaitAssignment(orderId, "OFFERED");

        Auth.lead("art-troupe").contentType(ContentType.JSON).body(Map.of("volunteerHours", 1))
                .post("/api/assignments/{id}/complete", orderId)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/assignment-state"))
                .body("status", equalTo("OFFERED"));
        assertEquals(0, Published.about(probe, Topics.ORDERS_COMPLETED, orderId).size());
    }

    @Test
    void givenAnOfferNotYetAccepted_whenTheOrderIsCancelled_thenTheOfferIsCalledOffAndCannotBeAccepted() {
        UUID orderId = UUID.randomUUID();
        probe.publish(assigned(orderId));
        awaitAssignment(orderId, "OFFERED");

        probe.publish(new OrderCancelled(orderId, OrderCancelled.CancelReason.NO_LONGER_NEEDED, Instant.now()));
        awaitAssignment(orderId, "CANCELLED");
        Auth.lead("art-troupe").post("/api/assignments/{id}/accept", orderId).then().statusCode(409)
                .body("type", equalTo("https://feiyan.io/problems/assignment-state"));
    }

    @Test
    void givenAnOfferNotYetAccepted_whenDispatchEscalatesTheOrder_thenTheOfferIsCalledOff() {
        UUID orderId = UUID.randomUUID();
        probe.publish(assigned(orderId));
        awaitAssignment(orderId, "OFFERED");

        probe.publish(new OrderEscalated(orderId, Tier.VILLAGE, Tier.TOWN, OrderEscalated.EscalationReason.TIMEOUT,
                null, null, Instant.now().plusSeconds(1)));
        awaitAssignment(orderId, "CANCELLED");
    }

    @Test
    void givenTheCancellationArrivesBeforeTheAssignment_thenTheAssignmentArrivesCalledOff() {
        UUID orderId = UUID.randomUUID();
        probe.publish(new OrderCancelled(orderId, OrderCancelled.CancelReason.SOLVED_OTHERWISE, Instant.now()));
        probe.publish(assigned(orderId));
        awaitAssignment(orderId, "CANCELLED");
    }

    @Test
    void givenAnOffer_whenTheTeamDeclines_thenOrderDeclinedSaysWhy_andDispatchesNextAssignmentReplacesIt() {
        UUID orderId = UUID.randomUUID();
        probe.publish(assigned(orderId));
        awaitAssignment(orderId, "OFFERED");

        Auth.lead("art-troupe").contentType(ContentType.JSON)
                .body(Map.of("reasonCode", "OTHER", "reason", "on tour this week"))
                .post("/api/assignments/{id}/decline", orderId)
                .then().statusCode(200).body("status", equalTo("DECLINED"));
        OrderDeclined declined = payload(probe.await(Topics.ORDERS_DECLINED, keyed(orderId), WAIT), OrderDeclined.class);
        assertEquals("art-troupe", declined.teamCode());
        assertEquals("on tour this week", declined.reason());

        Instant later = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        probe.publish(new OrderAssigned(orderId, "town-troupe", Tier.TOWN, "culture-opera", later.plusSeconds(3600),
                later.plus(Duration.ofDays(7)), null, null, later));
        await().atMost(WAIT).untilAsserted(() -> Auth.asAdmin().get("/api/assignments/{id}", orderId)
                .then().body("teamCode", equalTo("town-troupe")).body("status", equalTo("OFFERED")));
    }

    @Test
    void onlyTheAssignedTeamMayActOnAnAssignment_andActingTwiceIsAClearError() {
        UUID orderId = UUID.randomUUID();
        probe.publish(assigned(orderId));
        awaitAssignment(orderId, "OFFERED");
        Auth.lead("another-team").post("/api/assignments/{id}/accept", orderId)
                .then().statusCode(403).body("type", equalTo("https://feiyan.io/problems/not-your-assignment"));
        given().post("/api/assignments/{id}/accept", orderId).then().statusCode(401);
        Auth.asMemberOf("art-troupe").post("/api/assignments/{id}/accept", orderId).then().statusCode(403)
                .body("type", equalTo("https://feiyan.io/problems/forbidden"));
        Auth.asMemberOf("another-team").get("/api/assignments/{id}", orderId).then().statusCode(403);
        Auth.asMemberOf("art-troupe").get("/api/assignments/{id}", orderId).then().statusCode(200);
        Auth.lead("art-troupe").contentType(ContentType.JSON).body(Map.of("reasonCode", "OTHER"))
                .post("/api/assignments/{id}/decline", orderId).then().statusCode(400).body("field", equalTo("reason"));

        Auth.lead("art-troupe").post("/api/assignments/{id}/accept", orderId).then().statusCode(200);
        Auth.lead("art-troupe").post("/api/assignments/{id}/accept", orderId)
                .then().statusCode(409).body("status", equalTo("ACCEPTED"));
        Auth.asAdmin().get("/api/assignments/{id}", orderId).then().body("status", equalTo("ACCEPTED"));
    }

    @Test
    void hoursMustBePositive() {
        Auth.lead("art-troupe").contentType(ContentType.JSON).body(Map.of("volunteerHours", 0))
                .post("/api/assignments/{id}/complete", UUID.randomUUID())
                .then().statusCode(400)
                .body("field", equalTo("volunteerHours"));
    }

    @Test
    void givenAnUnreadableMessage_thenItGoesToTheDeadLetterTopicAndTheNextMessageIsStillProcessed() {
        UUID poisoned = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        probe.sendRaw(Topics.ORDERS_ASSIGNED, poisoned.toString(), "{not json",
                CloudEvents.headers(UUID.randomUUID(), "feiyan.order.assigned.v1", "/feiyan/test",
                        poisoned.toString(), Instant.now()));
        probe.publish(assigned(next));

        awaitAssignment(next, "OFFERED");
        ConsumerRecord<String, String> dead = probe.await("deadletter.team-service", keyed(poisoned), WAIT);
        assertEquals("{not json", dead.value());
        assertNotNull(header(dead, "dead-letter-reason"), "the reason travels with the dead letter");
        Auth.asAdmin().get("/api/assignments/{id}", poisoned).then().statusCode(404);
    }

    private static OrderAssigned assigned(UUID orderId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new OrderAssigned(orderId, "art-troupe", Tier.COUNTY, "culture-opera", now.plus(Duration.ofHours(24)),
                now.plus(Duration.ofDays(7)), null, null, now);
    }

    private static void awaitAssignment(UUID orderId, String status) {
        await().atMost(WAIT).untilAsserted(() -> Auth.asAdmin().get("/api/assignments/{id}", orderId)
                .then().statusCode(200).body("status", equalTo(status)));
    }
}
