package io.feiyan.intake;

import static io.feiyan.intake.Fixtures.CHANGBULING;
import static io.feiyan.intake.Fixtures.WAIT;
import static io.feiyan.intake.Fixtures.awaitStatus;
import static io.feiyan.intake.Fixtures.placeProxyOrder;
import static io.feiyan.intake.Fixtures.registerResident;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderApproved;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCallRequested;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined.DeclineReason;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderRejected;
import io.feiyan.events.OrderReopened;
import io.feiyan.events.OrderUnserved;
import io.feiyan.events.TeamUpdated;
import io.feiyan.events.Tier;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@FeiyanTest
class TrackingTests {
    @InjectEventProbe
    EventProbe probe;

    @BeforeEach
    void givenTheCatalogue() {
        Fixtures.givenTheCatalogue(probe);
    }

    @Test
    void givenEventsArrivingOutOfOrderAndTwice_thenTheTimelineTellsEachStepOnceInTheOrderTheyHappened() {
        String orderId = placeProxyOrder(registerResident(CHANGBULING));
        UUID id = UUID.fromString(orderId);
        Instant t = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        Instant deadline = t.plus(Duration.ofDays(7));
        UUID acceptedEventId = UUID.randomUUID();

        probe.publish(new TeamUpdated("quanyuan-institute", "Quanyuan town volunteers", Tier.TOWN, "371322206",
                List.of(), 10, true));
        probe.publish(new TeamUpdated("changbuling-feiyan", "Changbuling 飞燕", Tier.VILLAGE, CHANGBULING,
                List.of(), 5, true));
        // the town's acceptance comes first, and twice; the village's refusal and the escalation after
        probe.publish(new OrderAccepted(id, "quanyuan-institute", t.plusSeconds(40)), acceptedEventId);
        probe.publish(new OrderAccepted(id, "quanyuan-institute", t.plusSeconds(40)), acceptedEventId);
        probe.publish(new OrderAssigned(id, "quanyuan-institute", Tier.TOWN, "culture-opera", t.plusSeconds(90),
                deadline, "OP-quanyuan-2", "the institute has a troupe", t.plusSeconds(30)));
        probe.publish(new OrderEscalated(id, Tier.VILLAGE, Tier.TOWN,
                OrderEscalated.EscalationReason.DECLINED, null, null, t.plusSeconds(20)));
        probe.publish(new OrderDeclined(id, "changbuling-feiyan", DeclineReason.OTHER,
                "no one in the village can sing opera",
                t.plusSeconds(10)));
        probe.publish(new OrderAssigned(id, "changbuling-feiyan", Tier.VILLAGE, "culture-opera", t.plusSeconds(60),
                deadline, null, null, t));
        probe.publish(new OrderApproved(id, "OP-quanyuan-1", t.minusMillis(1)));

        await().atMost(WAIT).untilAsserted(() -> Auth.volunteer().get("/api/orders/{id}", orderId)
                .then().statusCode(200)
                .body("timeline.step", contains("PLACED", "APPROVED", "ASSIGNED", "DECLINED", "ESCALATED", "ASSIGNED",
                        "ACCEPTED")));
        Auth.volunteer().get("/api/orders/{id}", orderId).then()
                .body("status", equalTo("ACCEPTED"))
                .body("timeline", hasSize(7))
                .body("timeline[1].text", equalTo("Approved at review by operator OP-quanyuan-1"))
                .body("timeline[2].text", equalTo("Assigned to Changbuling 飞燕 at village tier, "
                        + "to deliver by " + local(deadline)))
                .body("timeline[3].text", equalTo("Declined by Changbuling 飞燕: no one in the village can sing opera"))
                .body("timeline[4].text", equalTo("Escalated from village to town tier: every team there that could serve it declined"))
                .body("timeline[5].text", equalTo("Assigned by operator OP-quanyuan-2 to Quanyuan town volunteers at town tier, "
                        + "to deliver by " + local(deadline) + " (the institute has a troupe)"))
                .body("timeline[6].text", equalTo("Accepted by Quanyuan town volunteers"));
    }

    @Test
    void givenAnOrderDeclinedAndNotYetReassigned_thenItIsPlacedAgain() {
        String orderId = placeProxyOrder(registerResident(CHANGBULING));
        UUID id = UUID.fromString(orderId);
        Instant t = Instant.now().plusSeconds(1);
        probe.publish(new OrderAssigned(id, "art-light-cavalry", Tier.COUNTY, "culture-opera",
                t.plus(Duration.ofDays(1)), t.plus(Duration.ofDays(7)), null, null, t));
        awaitStatus(orderId, "ASSIGNED");
        probe.publish(new OrderDeclined(id, "art-light-cavalry", DeclineReason.OTHER,
                "on tour this month", t.plusSeconds(5)));
        awaitStatus(orderId, "PLACED");
    }

    @Test
    void givenNoTeamCanTakeTheOrderNow_thenItIsPlacedAgain_andItsTimelineSaysWhy() {
        String orderId = placeProxyOrder(registerResident(CHANGBULING));
        UUID id = UUID.fromString(orderId);
        Instant t = Instant.now().plusSeconds(1);
        probe.publish(new OrderAssigned(id, "art-light-cavalry", Tier.COUNTY, "culture-opera",
                t.plus(Duration.ofMinutes(30)), t.plus(Duration.ofHours(2)), null, null, t));
        awaitStatus(orderId, "ASSIGNED");
        probe.publish(new OrderDeclined(id, "art-light-cavalry", DeclineReason.NO_CAPACITY, null, t.plusSeconds(5)));
        probe.publish(new OrderUnserved(id, t.plusSeconds(6)));
        await().atMost(WAIT).untilAsserted(() -> Auth.volunteer().get("/api/orders/{id}", orderId).then()
                .body("status", equalTo("PLACED"))
                .body("timeline.step", contains("PLACED", "ASSIGNED", "DECLINED", "UNSERVED"))
                .body("timeline[3].text", equalTo("No team in the county can take it now: it waits for a team with"
                        + " room, or for an operator")));

        // a team that had let its time pass, asked again: the step says so, for the app to tell
        Instant deadline = t.plus(Duration.ofHours(2));
        probe.publish(new OrderAssigned(id, "art-light-cavalry", Tier.COUNTY, "culture-opera",
                t.plus(Duration.ofHours(1)), deadline, null, null, t.plusSeconds(7), Tier.COUNTY,
                List.of("art-light-cavalry"), true));
        await().atMost(WAIT).untilAsserted(() -> Auth.volunteer().get("/api/orders/{id}", orderId).then()
                .body("status", equalTo("ASSIGNED"))
                .body("timeline[4].reason", equalTo("ASKED_AGAIN"))
                .body("timeline[4].text", startsWith("No other team left: asked again of ")));
    }

    @Test
    void givenAnOperatorAsksForACall_thenTheTimelineAsksTheVillagesVolunteer_andTheOrderStaysAsItWas() {
        String orderId = placeProxyOrder(registerResident(CHANGBULING));
        UUID id = UUID.fromString(orderId);
        Instant t = Instant.now().plusSeconds(1);
        probe.publish(new OrderUnserved(id, t));
        probe.publish(new OrderCallRequested(id, CHANGBULING, "OP-county-1",
                "no team can come this week: ask whether her son can drive her", t.plusSeconds(5)));
        await().atMost(WAIT).untilAsserted(() -> Auth.volunteer().get("/api/orders/{id}", orderId).then()
                .body("timeline.step", contains("PLACED", "UNSERVED", "CALL_REQUESTED"))
                .body("timeline[2].text", equalTo("Operator OP-county-1 asks the village's 飞燕 volunteer on duty to "
                        + "call the resident: no team can come this week: ask whether her son can drive her"))
                .body("timeline[2].note", equalTo("no team can come this week: ask whether her son can drive her"))
                .body("status", equalTo("PLACED")));
    }

    @Test
    void givenAnOrderOfferedToSeveralTeamsAtOnce_thenTheTimelineNamesThemAll_andThenTheOneThatTookIt() {
        String orderId = placeProxyOrder(registerResident(CHANGBULING));
        UUID id = UUID.fromString(orderId);
        Instant t = Instant.now().plusSeconds(1);
        List<String> teams = List.of("grab-a", "grab-b");
        probe.publish(new OrderAssigned(id, "grab-a", Tier.VILLAGE, "culture-opera", t.plus(Duration.ofHours(2)),
                t.plus(Duration.ofHours(24)), null, null, t, Tier.VILLAGE, teams, false, teams));
        probe.publish(new OrderAccepted(id, "grab-b", t.plusSeconds(60)));

        awaitStatus(orderId, "ACCEPTED");
        Auth.volunteer().get("/api/orders/{id}", orderId).then()
                .body("timeline[1].reason", equalTo("OFFERED_AT_ONCE"))
                .body("timeline[1].team", equalTo("grab-a, grab-b"))
                .body("timeline[1].text", startsWith("Offered at once (the first to accept takes it) to grab-a, grab-b"))
                .body("timeline[2].team", equalTo("grab-b"));
    }

    @Test
    void givenReviewSaysNo_thenTheOrderIsRejectedWithTheReason() {
        String orderId = placeProxyOrder(registerResident(CHANGBULING));
        probe.publish(new OrderRejected(UUID.fromString(orderId), "medical treatment needs a doctor, not volunteers",
                "OP-quanyuan-2", Instant.now().plusSeconds(1)));
        awaitStatus(orderId, "REJECTED");
        Auth.volunteer().get("/api/orders/{id}", orderId).then()
                .body("timeline[1].text", equalTo("Not accepted at review: medical treatment needs a doctor, not volunteers"));
    }

    @Test
    void givenACompletedOrderReportedUnresolved_thenItIsPlacedAgainAndTheTimelineSaysWhy() {
        String orderId = placeProxyOrder(registerResident(CHANGBULING));
        UUID id = UUID.fromString(orderId);
        Instant t = Instant.now().plusSeconds(1);
        probe.publish(new OrderCompleted(id, "art-light-cavalry", BigDecimal.ONE, t));
        awaitStatus(orderId, "COMPLETED");
        probe.publish(new OrderReopened(id, "the stage lights failed halfway", t.plusSeconds(60)));
        awaitStatus(orderId, "PLACED");
        Auth.volunteer().get("/api/orders/{id}", orderId).then().body("timeline[2].text",
                equalTo("Reported unresolved (the stage lights failed halfway): back to dispatch to be served again"));
    }

    @Test
    void ordersAreListedByResidentVillageAndStatus_newestFirst_paged() {
        String village = "371322107202";
        UUID resident = registerResident(village);
        UUID neighbour = registerResident(village);
        String first = placeIn(village, resident, false);
        String second = placeIn(village, resident, true);
        String theirs = placeIn(village, neighbour, false);

        Auth.volunteerOf(village).queryParam("resident", resident.toString()).get("/api/orders")
                .then().statusCode(200)
                .body("items.orderId", contains(second, first))
                .body("total", equalTo(2));
        Auth.resident(resident).get("/api/orders")
                .then().statusCode(200)
                .body("items.orderId", contains(second, first));
        Auth.operatorOf("371322107").queryParam("village", village).queryParam("size", 2).get("/api/orders")
                .then().body("items.orderId", contains(theirs, second)).body("total", equalTo(3));
        Auth.volunteerOf(village).queryParam("size", 2).queryParam("page", 1).get("/api/orders")
                .then().body("items.orderId", contains(first));
        Auth.volunteerOf(village).queryParam("status", "CANCELLED").get("/api/orders")
                .then().body("items", hasSize(0));
        Auth.volunteerOf(village).queryParam("status", "LOST").get("/api/orders")
                .then().statusCode(400).body("field", equalTo("status"));
    }

    /** An order placed by a volunteer of the village; a new need if the resident has the project open already. */
    private static String placeIn(String village, UUID resident, boolean newNeed) {
        Map<String, Object> body = Fixtures.proxyOrder(resident);
        body.put("newNeed", newNeed);
        return Auth.volunteerOf(village).contentType(ContentType.JSON).body(body).post("/api/orders")
                .then().statusCode(201).extract().path("orderId");
    }

    private static String local(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx").withZone(ZoneId.of("Asia/Shanghai")).format(instant);
    }
}
