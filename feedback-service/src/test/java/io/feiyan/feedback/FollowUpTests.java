package io.feiyan.feedback;

import static io.feiyan.feedback.Auth.asVolunteerOf;
import static io.feiyan.testkit.EventProbe.keyed;
import static io.feiyan.testkit.EventProbe.payload;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.feiyan.events.FollowUpDue;
import io.feiyan.events.OrderReopened;
import io.feiyan.events.Topics;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Follow-up visits (回访): after a dissatisfied rating, and for deliveries left unrated (4 s in tests). */
@FeiyanTest
class FollowUpTests {
    @InjectEventProbe
    EventProbe probe;

    private Scenario scenario;

    /** A delivery this long ago, unrated, is past feiyan.feedback.unrated-after (3 days): the next sweep asks. */
    private static final Instant UNRATED_TOO_LONG = Instant.now().minus(Duration.ofDays(3)).minus(Duration.ofMinutes(1));

    @BeforeEach
    void open() {
        scenario = new Scenario(probe);
    }

    @Test
    void givenALowScore_thenTheResidentsVillageStationHasAFollowUpWithTheRating() {
        String village = Scenario.newVillage();
        UUID orderId = scenario.delivered(village);

        rate(village, orderId, 2, true);

        asVolunteerOf(village).get("/api/follow-ups?village=" + village).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].orderId", equalTo(orderId.toString()))
                .body("items[0].reason", equalTo("DISSATISFIED"))
                .body("items[0].villageCode", equalTo(village))
                .body("items[0].teamCode", equalTo("quanyuan-handymen"))
                .body("items[0].rating.score", equalTo(2));
        FollowUpDue due = payload(probe.await(Topics.ORDERS_FOLLOW_UP_DUE, keyed(orderId), Scenario.WAIT),
                FollowUpDue.class);
        assertEquals(List.of(village, FollowUpDue.Reason.DISSATISFIED), List.of(due.villageCode(), due.reason()));
    }

    @Test
    void givenAHighScoreButNotSolved_thenThatIsDissatisfiedToo() {
        String village = Scenario.newVillage();
        UUID orderId = scenario.delivered(village);

        rate(village, orderId, 5, false);

        asVolunteerOf(village).get("/api/follow-ups?village=" + village).then().statusCode(200)
                .body("items.reason", equalTo(List.of("DISSATISFIED")));
    }

    @Test
    void givenASatisfiedRating_thenNoFollowUpIsOpened() {
        String village = Scenario.newVillage();
        UUID orderId = scenario.delivered(village);

        rate(village, orderId, 4, true);

        asVolunteerOf(village).get("/api/follow-ups?village=" + village + "&status=all").then().statusCode(200)
                .body("items.reason", not(hasItem("DISSATISFIED")));
    }

    @Test
    void whenTheVisitFindsItUnresolved_thenTheOrderIsReopenedForDispatch_andTheFollowUpIsClosedOnce() {
        String village = Scenario.newVillage();
        UUID orderId = scenario.delivered(village);
        rate(village, orderId, 1, false);
        String followUp = asVolunteerOf(village).get("/api/follow-ups?village=" + village).then().extract().path("items[0].id");

        asVolunteerOf(village).contentType(ContentType.JSON)
                .body(Map.of("outcome", "REDO", "visitedBy", "V-zhao-li", "note", "Grandma Wu's tap still drips"))
                .post("/api/follow-ups/{id}/outcome", followUp)
                .then().statusCode(200)
                .body("outcome", equalTo("REDO"))
                .body("visitedBy", equalTo("V-zhao-li"));

        OrderReopened reopened = payload(probe.await(Topics.ORDERS_REOPENED, keyed(orderId), Scenario.WAIT),
                OrderReopened.class);
        assertEquals(orderId, reopened.orderId());
        assertFalse(reopened.reason().contains("Grandma"), "the visitor's note stays in feedback");

        asVolunteerOf(village).contentType(ContentType.JSON).body(Map.of("outcome", "RESOLVED", "visitedBy", "V-zhao-li"))
                .post("/api/follow-ups/{id}/outcome", followUp)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/follow-up-closed"));
        asVolunteerOf(village).get("/api/follow-ups?village=" + village).then().body("items", hasSize(0));
        asVolunteerOf(village).get("/api/follow-ups?village=" + village + "&status=closed").then()
                .body("items.find { it.reason == 'DISSATISFIED' }.outcome", equalTo("REDO"));
    }

    @Test
    void whenTheVisitFindsItResolvedAfterAll_thenTheFollowUpClosesAndTheOrderStaysDone() {
        String village = Scenario.newVillage();
        UUID orderId = scenario.delivered(village);
        rate(village, orderId, 2, true);
        String followUp = asVolunteerOf(village).get("/api/follow-ups?village=" + village).then().extract().path("items[0].id");

        asVolunteerOf(village).contentType(ContentType.JSON)
                .body(Map.of("outcome", "RESOLVED"))
                .post("/api/follow-ups/{id}/outcome", followUp)
                .then().statusCode(200).body("outcome", equalTo("RESOLVED")).body("closedAt", notNullValue())
                .body("visitedBy", equalTo("V-of-" + village));
    }

    @Test
    void givenADeliveryLeftUnrated_thenAFollowUpAsksInPerson_andARatingByTheVolunteerClosesIt() {
        String village = Scenario.newVillage();
        UUID orderId = scenario.delivered(village, UNRATED_TOO_LONG);

        await().atMost(Scenario.WAIT).untilAsserted(() -> asVolunteerOf(village).get("/api/follow-ups?village=" + village)
                .then().body("items.reason", equalTo(List.of("UNRATED"))));
        FollowUpDue due = payload(probe.await(Topics.ORDERS_FOLLOW_UP_DUE, keyed(orderId), Scenario.WAIT),
                FollowUpDue.class);
        assertEquals(List.of(village, FollowUpDue.Reason.UNRATED), List.of(due.villageCode(), due.reason()));

        asVolunteerOf(village).contentType(ContentType.JSON)
                .body(Map.of("orderId", orderId.toString(), "score", 5, "solved", true))
                .post("/api/ratings").then().statusCode(201);

        asVolunteerOf(village).get("/api/follow-ups?village=" + village).then().body("items", hasSize(0));
        asVolunteerOf(village).get("/api/follow-ups?village=" + village + "&status=closed").then()
                .body("items[0].reason", equalTo("UNRATED"))
                .body("items[0].outcome", equalTo("RATED"));
    }

    @Test
    void givenARedoAfterAnUnratedDelivery_thenTheOrderCanBeRatedOnlyOnceItIsDeliveredAgain() {
        String village = Scenario.newVillage();
        UUID orderId = scenario.delivered(village, UNRATED_TOO_LONG);
        await().atMost(Scenario.WAIT).untilAsserted(() -> asVolunteerOf(village).get("/api/follow-ups?village=" + village)
                .then().body("items.reason", equalTo(List.of("UNRATED"))));
        String followUp = asVolunteerOf(village).get("/api/follow-ups?village=" + village).then().extract().path("items[0].id");
        asVolunteerOf(village).contentType(ContentType.JSON).body(Map.of("outcome", "REDO", "visitedBy", "V-zhao-li"))
                .post("/api/follow-ups/{id}/outcome", followUp).then().statusCode(200);

        asVolunteerOf(village).contentType(ContentType.JSON)
                .body(Map.of("orderId", orderId.toString(), "score", 1, "solved", false))
                .post("/api/ratings").then().statusCode(409)
                .body("type", equalTo("https://feiyan.io/problems/order-not-completed"));

        scenario.completed(orderId, "quanyuan-handymen", Instant.now());
        await().atMost(Scenario.WAIT).until(() -> asVolunteerOf(village).contentType(ContentType.JSON)
                .body(Map.of("orderId", orderId.toString(), "score", 5, "solved", true))
                .post("/api/ratings").statusCode() == 201);
    }

    @Test
    void anOutcomeOtherThanResolvedOrRedo_orAnUnknownFollowUp_isRefused() {
        String village = Scenario.newVillage();
        asVolunteerOf(village).contentType(ContentType.JSON).body(Map.of("outcome", "MAYBE"))
                .post("/api/follow-ups/{id}/outcome", UUID.randomUUID())
                .then().statusCode(400).body("errors.field", hasItems("outcome"));
        asVolunteerOf(village).contentType(ContentType.JSON).body(Map.of("outcome", "REDO"))
                .post("/api/follow-ups/{id}/outcome", UUID.randomUUID())
                .then().statusCode(404);
        asVolunteerOf(village).get("/api/follow-ups?village=12&status=later").then().statusCode(400)
                .body("errors.field", hasItems("village", "status"));
    }

    @Test
    void onlyTheStationsOfTheResidentsVillageSeeAndCloseItsFollowUps() {
        String village = Scenario.newVillage();
        UUID orderId = scenario.delivered(village);
        rate(village, orderId, 1, false);
        String followUp = asVolunteerOf(village).get("/api/follow-ups").then().statusCode(200)
                .extract().path("items[0].id");
        String otherVillage = Scenario.newVillage();

        asVolunteerOf(otherVillage).get("/api/follow-ups?village=" + village).then().statusCode(403)
                .body("type", equalTo("https://feiyan.io/problems/forbidden"));
        asVolunteerOf(otherVillage).get("/api/follow-ups/{id}", followUp).then().statusCode(403);
        asVolunteerOf(otherVillage).contentType(ContentType.JSON).body(Map.of("outcome", "REDO"))
                .post("/api/follow-ups/{id}/outcome", followUp).then().statusCode(403);
        Auth.asAnalyst().get("/api/follow-ups?village=" + village).then().statusCode(403);
        given().get("/api/follow-ups?village=" + village).then().statusCode(401);

        // the town's operator sees the villages of the town
        Auth.as(Identity.operator("OP-town", village.substring(0, 9))).get("/api/follow-ups/{id}", followUp)
                .then().statusCode(200).body("outcome", nullValue());
    }

    private static void rate(String village, UUID orderId, int score, boolean solved) {
        asVolunteerOf(village).contentType(ContentType.JSON)
                .body(Map.of("orderId", orderId.toString(), "score", score, "solved", solved))
                .post("/api/ratings").then().statusCode(201);
    }
}
