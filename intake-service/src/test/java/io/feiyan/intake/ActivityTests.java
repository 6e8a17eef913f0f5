package io.feiyan.intake;

import static io.feiyan.intake.Fixtures.WAIT;
import static io.feiyan.intake.Fixtures.proxyOrder;
import static io.feiyan.intake.Fixtures.registerResident;
import static io.feiyan.testkit.EventProbe.keyed;
import static io.feiyan.testkit.EventProbe.payload;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
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

/** Activities — one visit serving several residents — as intake tells them and lets a volunteer join them. */
@FeiyanTest
class ActivityTests {
    /** Tuesday 8 January 2030, 10:00 in the county. */
    private static final Instant TUESDAY_TEN = Instant.parse("2030-01-08T02:00:00Z");

    @InjectEventProbe
    EventProbe probe;

    @BeforeEach
    void givenTheCatalogue() {
        Fixtures.givenTheCatalogue(probe);
    }

    @Test
    void givenThreeOrdersAcceptedInOneActivity_thenEachTimelineSaysWithHowManyNeighboursWhereAndWhen() {
        String village = "371322206221";
        UUID activity = UUID.randomUUID();
        List<UUID> orders = List.of(place(village), place(village), place(village));
        orders.forEach(order -> acceptedInActivity(order, activity));

        await().atMost(WAIT).untilAsserted(() -> Auth.volunteerOf(village).get("/api/orders/{id}", orders.get(0))
                .then().statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("timeline.find { it.step == 'ACCEPTED' }.neighbours", equalTo(2))
                .body("timeline.find { it.step == 'ACCEPTED' }.place", equalTo(village))
                .body("timeline.find { it.step == 'ACCEPTED' }.scheduledFor", equalTo("2030-01-08T02:00:00Z"))
                .body("timeline.find { it.step == 'ACCEPTED' }.text", equalTo(
                        "Accepted by 文艺轻骑兵: with 2 neighbours in village " + village + ", Tue 8 Jan 10:00")));
    }

    @Test
    void aVillagesVolunteerSeesItsPlannedActivities_andAddsAResidentToOne_whichOrderPlacedAsksToJoin() {
        String village = "371322206222";
        UUID activity = UUID.randomUUID();
        List.of(place(village), place(village)).forEach(order -> acceptedInActivity(order, activity));

        await().atMost(WAIT).untilAsserted(() -> Auth.volunteerOf(village).queryParam("village", village)
                .get("/api/activities").then().statusCode(200)
                .body("", hasSize(1))
                .body("activityId", contains(activity.toString()))
                .body("projectCode", contains("culture-opera"))
                .body("teamCode", contains("art-light-cavalry"))
                .body("teamName", contains("文艺轻骑兵"))
                .body("scheduledFor", contains("2030-01-08T02:00:00Z"))
                .body("residents", contains(2)));
        Auth.volunteerOf("371322206223").queryParam("village", village).get("/api/activities")
                .then().statusCode(403);

        Map<String, Object> joining = proxyOrder(registerResident(village));
        joining.put("activityId", activity.toString());
        String orderId = Auth.volunteerOf(village).contentType(ContentType.JSON).body(joining).post("/api/orders")
                .then().statusCode(201).extract().path("orderId");

        OrderPlaced placed = payload(probe.await(Topics.ORDERS_PLACED, keyed(orderId), WAIT), OrderPlaced.class);
        assertEquals(activity, placed.joinActivity());
    }

    @Test
    void anOrderJoinsOnlyAPlannedActivity_andNeverACriticalOrUrgentOne() {
        String village = "371322206224";
        Map<String, Object> unknown = proxyOrder(registerResident(village));
        unknown.put("activityId", UUID.randomUUID().toString());
        Auth.volunteerOf(village).contentType(ContentType.JSON).body(unknown).post("/api/orders")
                .then().statusCode(422).body("type", equalTo("https://feiyan.io/problems/unknown-activity"))
                .body("field", equalTo("activityId"));

        Map<String, Object> urgent = proxyOrder(registerResident(village));
        urgent.put("activityId", UUID.randomUUID().toString());
        urgent.put("urgency", "URGENT");
        Auth.volunteerOf(village).contentType(ContentType.JSON).body(urgent).post("/api/orders")
                .then().statusCode(400).body("field", equalTo("activityId"));

        String alone = Auth.volunteerOf(village).contentType(ContentType.JSON)
                .body(proxyOrder(registerResident(village))).post("/api/orders")
                .then().statusCode(201).extract().path("orderId");
        assertNull(payload(probe.await(Topics.ORDERS_PLACED, keyed(alone), WAIT), OrderPlaced.class).joinActivity());
    }

    private static UUID place(String village) {
        return UUID.fromString(Auth.volunteerOf(village).contentType(ContentType.JSON)
                .body(proxyOrder(registerResident(village))).post("/api/orders")
                .then().statusCode(201).extract().path("orderId"));
    }

    /** The county's troupe is given the order in the activity, and accepts the activity for Tuesday at ten. */
    private void acceptedInActivity(UUID order, UUID activity) {
        Instant t = Instant.now().plusSeconds(1);
        probe.publish(new OrderAssigned(order, "art-light-cavalry", Tier.COUNTY, "culture-opera",
                t.plus(Duration.ofDays(1)), t.plus(Duration.ofDays(7)), null, null, t, Tier.COUNTY,
                List.of("art-light-cavalry"), null, activity));
        probe.publish(new OrderAccepted(order, "art-light-cavalry", t.plusSeconds(10), TUESDAY_TEN, activity));
    }
}
