package io.feiyan.team;

import static io.feiyan.testkit.EventProbe.keyed;
import static io.feiyan.testkit.EventProbe.payload;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.events.Channel;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.events.Urgency;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.feiyan.testkit.Published;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An activity: one visit of a team serving several residents, which the team answers for as one. */
@FeiyanTest
class ActivityTests {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectEventProbe
    EventProbe probe;

    @Test
    void givenThreeOrdersInOneActivity_theInboxShowsOneOffer_andAcceptingItAcceptsEachWithTheActivityAndTheTime() {
        String team = "act-accept", village = "371322108201";
        String xu = teamWithVolunteer(team, village);
        UUID activity = UUID.randomUUID();
        List<UUID> orders = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        orders.forEach(order -> offerInActivity(order, team, village, activity));

        await().atMost(WAIT).untilAsserted(() -> Auth.asMemberOf(team).get("/api/assignments/inbox")
                .then().statusCode(200)
                .body("offered", empty())
                .body("activities", hasSize(1))
                .body("activities[0].activityId", equalTo(activity.toString()))
                .body("activities[0].status", equalTo("OFFERED"))
                .body("activities[0].projectCode", equalTo("act-opera"))
                .body("activities[0].placeCode", equalTo(village))
                .body("activities[0].residents", equalTo(3))
                .body("activities[0].orders.orderId", containsInAnyOrder(strings(orders)))
                .body("activities[0].orders.villageCode", contains(village, village, village)));

        Instant tuesday = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        Auth.lead(team).contentType(ContentType.JSON)
                .body(Map.of("volunteerIds", List.of(xu), "scheduledFor", tuesday.toString()))
                .post("/api/activities/{id}/accept", activity)
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("crew", contains(xu))
                .body("orders.status", contains("ACCEPTED", "ACCEPTED", "ACCEPTED"));

        for (UUID order : orders) {
            OrderAccepted accepted = payload(probe.await(Topics.ORDERS_ACCEPTED, keyed(order), WAIT),
                    OrderAccepted.class);
            assertEquals(activity, accepted.activityId());
            assertEquals(tuesday, accepted.scheduledFor());
            assertEquals(team, accepted.teamCode());
        }
        Auth.lead(team).post("/api/activities/{id}/accept", activity).then().statusCode(409)
                .body("type", equalTo("https://feiyan.io/problems/activity-state"));
    }

    @Test
    void givenAnAcceptedActivity_whenTheLeadCompletesItOnce_thenTheHoursAreInTheLedgerOnce_andEachOrderHasItsShare() {
        String team = "act-complete", village = "371322108202";
        String xu = teamWithVolunteer(team, village);
        UUID activity = UUID.randomUUID();
        List<UUID> orders = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        orders.forEach(order -> offerInActivity(order, team, village, activity));
        awaitActivity(team, activity, "OFFERED", 3);
        Auth.lead(team).post("/api/activities/{id}/accept", activity).then().statusCode(200);

        Auth.lead(team).contentType(ContentType.JSON)
                .body(Map.of("summary", "Peking opera on the village square",
                        "servedBy", List.of(Map.of("volunteerId", xu, "hours", 3.5))))
                .post("/api/activities/{id}/complete", activity)
                .then().statusCode(200).body("status", equalTo("COMPLETED")).body("volunteerHours", equalTo(3.5f));

        BigDecimal sum = BigDecimal.ZERO;
        for (UUID order : orders) {
            OrderCompleted completed = payload(probe.await(Topics.ORDERS_COMPLETED, keyed(order), WAIT),
                    OrderCompleted.class);
            assertEquals(activity, completed.activityId());
            sum = sum.add(completed.volunteerHours());
        }
        assertEquals(0, new BigDecimal("3.5").compareTo(sum), "the orders' hours add up to the hours given");
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        Auth.asMemberOf(team).queryParam("month", month).get("/api/teams/{code}/hours", team).then().statusCode(200)
                .body("total", equalTo(3.5f)).body("byVolunteer.hours", contains(3.5f));
        Auth.asMemberOf(team).get("/api/volunteers/{id}/hours", xu).then().statusCode(200)
                .body("total", equalTo(3.5f));
    }

    @Test
    void givenAnAcceptedActivity_anOrderThatJoinsItLater_isAcceptedAtOnceWithTheSameCrewAndTime() {
        String team = "act-join", village = "371322108203";
        String xu = teamWithVolunteer(team, village);
        UUID activity = UUID.randomUUID();
        List.of(UUID.randomUUID(), UUID.randomUUID()).forEach(order -> offerInActivity(order, team, village, activity));
        awaitActivity(team, activity, "OFFERED", 2);
        Instant at = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        Auth.lead(team).contentType(ContentType.JSON)
                .body(Map.of("volunteerIds", List.of(xu), "scheduledFor", at.toString()))
                .post("/api/activities/{id}/accept", activity).then().statusCode(200);

        UUID late = UUID.randomUUID();
        offerInActivity(late, team, village, activity);

        OrderAccepted accepted = payload(probe.await(Topics.ORDERS_ACCEPTED, keyed(late), WAIT), OrderAccepted.class);
        assertEquals(activity, accepted.activityId());
        assertEquals(at, accepted.scheduledFor());
        Auth.asAdmin().get("/api/assignments/{id}", late).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("crew", contains(xu))
                .body("activityId", equalTo(activity.toString()));
        awaitActivity(team, activity, "ACCEPTED", 3);
    }

    @Test
    void anOrderOfAnActivityIsAnsweredForWithItsActivity_andOnlyByTheLeadOfItsTeam() {
        String team = "act-rules", village = "371322108204";
        teamWithVolunteer(team, village);
        UUID activity = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        offerInActivity(order, team, village, activity);
        offerInActivity(UUID.randomUUID(), team, village, activity);
        awaitActivity(team, activity, "OFFERED", 2);

        Auth.lead(team).post("/api/assignments/{id}/accept", order).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/in-an-activity"))
                .body("activityId", equalTo(activity.toString()));
        Auth.lead("act-other").post("/api/activities/{id}/accept", activity).then().statusCode(403)
                .body("type", equalTo("https://feiyan.io/problems/not-your-assignment"));
        Auth.asMemberOf(team).post("/api/activities/{id}/accept", activity).then().statusCode(403);
        Auth.asMemberOf("act-other").get("/api/activities/{id}", activity).then().statusCode(403);
        Auth.lead(team).post("/api/activities/{id}/accept", UUID.randomUUID()).then().statusCode(404);
        assertEquals(0, Published.about(probe, Topics.ORDERS_ACCEPTED, order).size());

        Auth.lead(team).contentType(ContentType.JSON).body(Map.of("reasonCode", "NO_CAPACITY"))
                .post("/api/activities/{id}/decline", activity)
                .then().statusCode(200).body("orders.status", contains("DECLINED", "DECLINED"));
        assertEquals(OrderDeclined.DeclineReason.NO_CAPACITY,
                payload(probe.await(Topics.ORDERS_DECLINED, keyed(order), WAIT), OrderDeclined.class).reasonCode());
    }

    /** A village team with the opera project in the catalogue, and a volunteer of it (returned). */
    private static String teamWithVolunteer(String team, String village) {
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Opera", "category", "CULTURE", "perVisit", 200, "gathersAt", "VILLAGE"))
                .put("/api/projects/act-opera").then().statusCode(200);
        Auth.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Team " + team, "tier", "VILLAGE",
                "regionCode", village, "projectCodes", List.of("act-opera"))).put("/api/teams/" + team)
                .then().statusCode(200);
        return Auth.asOperatorOf(village.substring(0, 9)).contentType(ContentType.JSON)
                .body(Map.of("name", "许凤", "phone", "13805391111", "villageCode", village, "teamCodes", List.of(team)))
                .post("/api/volunteers").then().statusCode(201).extract().path("volunteerId");
    }

    /** An order of the village placed, and dispatch's offer of it to the team in the activity. */
    private void offerInActivity(UUID orderId, String team, String village, UUID activity) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        probe.publish(new OrderPlaced(orderId, UUID.randomUUID(), "act-opera", "CULTURE", false, village,
                Urgency.ROUTINE, Channel.PROXY, "V-" + village, null, null, now));
        probe.publish(new OrderAssigned(orderId, team, Tier.VILLAGE, "act-opera", now.plus(Duration.ofHours(24)),
                now.plus(Duration.ofDays(7)), null, null, now, Tier.VILLAGE, List.of(team), null, activity));
    }

    private static void awaitActivity(String team, UUID activity, String status, int residents) {
        await().atMost(WAIT).untilAsserted(() -> Auth.asMemberOf(team).get("/api/activities/{id}", activity)
                .then().statusCode(200).body("status", equalTo(status)).body("residents", equalTo(residents)));
    }

    private static String[] strings(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
