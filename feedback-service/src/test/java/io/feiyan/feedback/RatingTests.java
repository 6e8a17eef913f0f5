package io.feiyan.feedback;

import static io.feiyan.feedback.Auth.as;
import static io.feiyan.feedback.Auth.asResident;
import static io.feiyan.feedback.Auth.asVolunteerOf;
import static io.feiyan.testkit.EventProbe.header;
import static io.feiyan.testkit.EventProbe.keyed;
import static io.feiyan.testkit.EventProbe.payload;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.feiyan.events.CloudEvents;
import io.feiyan.events.OrderRated;
import io.feiyan.events.Topics;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@FeiyanTest
class RatingTests {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @InjectEventProbe
    EventProbe probe;

    private Scenario scenario;

    @BeforeEach
    void open() {
        scenario = new Scenario(probe);
    }

    @Test
    void givenADeliveredOrder_whenTheResidentRatesIt_then201AndOrderRatedIsPublishedWithoutTheComment() {
        UUID resident = UUID.randomUUID();
        UUID orderId = scenario.delivered(Scenario.newVillage(), resident);

        asResident(resident).contentType(ContentType.JSON)
                .body(Map.of("orderId", orderId.toString(), "score", 5, "solved", true,
                        "comment", "Grandma Wu loved the opera"))
                .post("/api/ratings")
                .then().statusCode(201)
                .body("score", equalTo(5))
                .body("solved", equalTo(true));

        ConsumerRecord<String, String> record = probe.await(Topics.ORDERS_RATED, keyed(orderId), Scenario.WAIT);
        assertEquals(5, payload(record, OrderRated.class).score());
        assertEquals(true, payload(record, OrderRated.class).solved(), "as the resident said: kept on its topic");
        assertEquals("feiyan.order.rated.v1", header(record, CloudEvents.TYPE));
        assertFalse(record.value().contains("Grandma"), "no personal words leave feedback");
    }

    @Test
    void aVolunteerOfTheResidentsVillageMayRateOnTheirBehalf_andTheRatingSaysWho() {
        String village = Scenario.newVillage();
        UUID orderId = scenario.delivered(village);

        as(Identity.volunteer("V-zhao-li", village)).contentType(ContentType.JSON)
                .body(Map.of("orderId", orderId.toString(), "score", 4, "solved", true))
                .post("/api/ratings")
                .then().statusCode(201).body("volunteerId", equalTo("V-zhao-li"));
        asVolunteerOf(village).get("/api/ratings/{id}", orderId).then().statusCode(200)
                .body("volunteerId", equalTo("V-zhao-li"));
    }

    @Test
    void givenARatingFeedbackDoesNotHold_asAfterARestore_whenItsEventIsHeard_thenItIsMadeAgainWithItsFollowUp() {
        String village = Scenario.newVillage();
        UUID orderId = scenario.delivered(village);
        Instant ratedAt = Instant.parse("2026-12-01T08:00:00Z");

        probe.publish(new OrderRated(orderId, 4, ratedAt, false, "V-zhao-li"));

        await().atMost(Scenario.WAIT).untilAsserted(() -> asVolunteerOf(village).get("/api/ratings/{id}", orderId)
                .then().statusCode(200)
                .body("score", equalTo(4))
                .body("solved", equalTo(false))
                .body("volunteerId", equalTo("V-zhao-li"))
                .body("ratedAt", equalTo("2026-12-01T08:00:00Z")));
        asVolunteerOf(village).get("/api/follow-ups?village=" + village).then().statusCode(200)
                .body("items.reason", equalTo(List.of("DISSATISFIED")));
    }

    @Test
    void givenARatingHeardBeforeTheRestOfItsOrder_asEventsTakenAgainComeInAnyOrder_thenItIsMadeAgainAllTheSame() {
        String village = Scenario.newVillage();
        UUID orderId = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-02T09:00:00Z");

        probe.publish(new OrderRated(orderId, 5, at, true, null));
        scenario.placed(orderId, village, "DAILY_LIFE", "daily-water-pipes", at.minusSeconds(7200));
        scenario.completed(orderId, "quanyuan-handymen", at.minusSeconds(3600));

        await().atMost(Scenario.WAIT).untilAsserted(() -> asVolunteerOf(village).get("/api/ratings/{id}", orderId)
                .then().statusCode(200).body("score", equalTo(5)).body("solved", equalTo(true)));
    }

    @Test
    void anotherResident_aVolunteerOfAnotherVillage_oraTeam_mayNotRate_andNothingChanges() {
        String village = Scenario.newVillage();
        UUID orderId = scenario.delivered(village);

        rate(asResident(UUID.randomUUID()), orderId, 1).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/forbidden"));
        rate(asVolunteerOf(Scenario.newVillage()), orderId, 1).then().statusCode(403);
        rate(as(Identity.teamLead("L-1", "quanyuan-handymen")), orderId, 5).then().statusCode(403);
        rate(given(), orderId, 1).then().statusCode(401);
        asVolunteerOf(village).get("/api/ratings/{id}", orderId).then().statusCode(404);
    }

    @Test
    void anOrderCanBeRatedOnlyOnce() {
        String village = Scenario.newVillage();
        UUID orderId = scenario.delivered(village);
        rate(asVolunteerOf(village), orderId, 4).then().statusCode(201);

        rate(asVolunteerOf(village), orderId, 1).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/already-rated"));
        asVolunteerOf(village).get("/api/ratings/{id}", orderId).then().statusCode(200).body("score", equalTo(4));
    }

    @Test
    void anOrderNotYetDeliveredCannotBeRated() {
        rate(asVolunteerOf(Scenario.newVillage()), UUID.randomUUID(), 5).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/order-not-completed"));
    }

    @Test
    void aScoreOutsideOneToFiveOrNoAnswerToSolvedIsRefused() {
        asVolunteerOf(Scenario.newVillage()).contentType(ContentType.JSON)
                .body(Map.of("orderId", UUID.randomUUID().toString(), "score", 6))
                .post("/api/ratings")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("score"))
                .body("errors.field", hasItem("solved"));
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsRefusedByName_andAnOversizedBodyOrOneThatIsNotJsonIsRefused() {
        asVolunteerOf(Scenario.newVillage()).contentType(ContentType.JSON)
                .body(Map.of("orderId", UUID.randomUUID().toString(), "score", 5, "solved", true, "scroe", 4))
                .post("/api/ratings")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("scroe"))
                .body("errors[0].reason", startsWith("is not a field of this request"));
        asVolunteerOf(Scenario.newVillage()).contentType(ContentType.JSON)
                .body(Map.of("orderId", UUID.randomUUID().toString(), "score", 5, "solved", true,
                        "comment", "x".repeat(300 * 1024)))
                .post("/api/ratings")
                .then().statusCode(413);
        asVolunteerOf(Scenario.newVillage()).contentType(ContentType.TEXT)
                .body("{\"orderId\": \"" + UUID.randomUUID() + "\", \"score\": 5, \"solved\": true}")
                .post("/api/ratings")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("detail", startsWith("this endpoint does not take a body of the request's Content-Type"));
    }

    private static Response rate(RequestSpecification as, UUID orderId, int score) {
        return as.contentType(ContentType.JSON)
                .body(Map.of("orderId", orderId.toString(), "score", score, "solved", true))
                .post("/api/ratings");
    }
}
