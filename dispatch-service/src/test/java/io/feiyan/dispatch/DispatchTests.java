package io.feiyan.dispatch;

import static io.feiyan.testkit.EventProbe.header;
import static io.feiyan.testkit.EventProbe.keyed;
import static io.feiyan.testkit.EventProbe.payload;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.Channel;
import io.feiyan.events.CloudEvents;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderApproved;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCancelled;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined.DeclineReason;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderEscalated.EscalationReason;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.OrderReopened;
import io.feiyan.events.OrderUnserved;
import io.feiyan.events.Tier;
import io.feiyan.events.TimeOrderedIds;
import io.feiyan.events.Topics;
import io.feiyan.events.Urgency;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Routing wired to its events, on the real broker and database: the rule itself is tested situation by situation in
 * {@link io.feiyan.routing.RoutingTest}. Every test has a town of its own.
 */
@FeiyanTest
class DispatchTests {
    @InjectEventProbe
    EventProbe probe;

    @Test
    void givenATeamInTheResidentsVillage_thenTheOrderStaysInTheVillage() {
        Place place = new Place(probe, 201);
        place.project("visit");
        place.team("village", Tier.VILLAGE, 5, "visit");
        place.team("town", Tier.TOWN, 5, "visit");

        UUID order = place.order("visit", Urgency.URGENT);

        OrderAssigned assigned = place.assigned(order);
        assertEquals(place.code("village"), assigned.teamCode());
        assertEquals(Tier.VILLAGE, assigned.tier());
        assertEquals(Duration.ofHours(2), Duration.between(assigned.assignedAt(), assigned.acceptBy()));
        assertEquals(Duration.ofHours(24), Duration.between(assigned.assignedAt(), assigned.deadline()));
        assertEquals("/feiyan/dispatch-service", header(probe.await(Topics.ORDERS_ASSIGNED, keyed(order), Place.WAIT),
                CloudEvents.SOURCE));
        OrderApproved approved = payload(probe.await(Topics.ORDERS_APPROVED, keyed(order), Place.WAIT),
                OrderApproved.class);
        assertNull(approved.approvedBy(), "an order from the catalogue needs no review: approved at once");
        assertFalse(approved.approvedAt().isAfter(assigned.assignedAt()));
    }

    @Test
    void givenAPlacedOrder_thenTheEventsItCausesHaveIdsMadeFromItsOwn_soAppliedAgainItPublishesTheSameEvents() {
        Place place = new Place(probe, 214);
        place.project("visit");
        place.team("village", Tier.VILLAGE, 5, "visit");
        UUID order = UUID.randomUUID();
        UUID placed = UUID.randomUUID();

        probe.publish(new OrderPlaced(order, UUID.randomUUID(), place.code("visit"), "CAT214", false, place.village,
                Urgency.ROUTINE, Channel.PROXY, "V-1", null, null, Instant.now()), placed);

        Set<String> published = Set.of(
                header(probe.await(Topics.ORDERS_APPROVED, keyed(order), Place.WAIT), CloudEvents.ID),
                header(probe.await(Topics.ORDERS_ASSIGNED, keyed(order), Place.WAIT), CloudEvents.ID));
        assertEquals(Set.of(TimeOrderedIds.causedBy(placed, "dispatch-service", 0).toString(),
                TimeOrderedIds.causedBy(placed, "dispatch-service", 1).toString()), published);
    }

    @Test
    void aTeamThatNamesAProjectTwiceStillTakesItsOrders() {
        Place place = new Place(probe, 202);
        place.project("visit");
        place.team("village", Tier.VILLAGE, 5, "visit", "visit");

        assertEquals(place.code("village"), place.assigned(place.order("visit", Urgency.ROUTINE)).teamCode());
    }

    @Test
    void givenADecline_thenTheNextTeamOfTheTierGetsIt_andWhenNoneIsLeftTheTierAbove() {
        Place place = new Place(probe, 203);
        place.project("repair");
        place.team("a", Tier.VILLAGE, 5, "repair");
        place.team("b", Tier.VILLAGE, 5, "repair");
        place.team("town", Tier.TOWN, 5, "repair");
        UUID order = place.order("repair", Urgency.ROUTINE);
        String first = place.assigned(order).teamCode();

        probe.publish(new OrderDeclined(order, first, DeclineReason.OTHER, "our repairer is ill", Instant.now()));
        List<OrderAssigned> assignments = place.assignments(order, 2);
        String second = assignments.get(1).teamCode();
        assertTrue(!second.equals(first) && second.startsWith(place.prefix()), second);
        assertEquals(Tier.VILLAGE, assignments.get(1).tier());

        probe.publish(new OrderDeclined(order, second, DeclineReason.OTHER, "no spare parts", Instant.now()));
        OrderEscalated escalated = place.escalated(order);
        assertEquals(EscalationReason.DECLINED, escalated.reason());
        OrderAssigned third = place.assignments(order, 3).get(2);
        assertEquals(place.code("town"), third.teamCode());
        // served at the town, though its village had teams able to serve it: what dispatch's quality counts
        assertEquals(Tier.TOWN, third.tier());
        assertEquals(Tier.VILLAGE, third.lowestCapableTier());
        // the teams its work is shared among: at the village both, at the town the one
        assertEquals(List.of(place.code("a"), place.code("b")), assignments.get(0).peerTeams());
        assertEquals(List.of(place.code("town")), third.peerTeams());
    }

    @Test
    void givenTheTeamDoesNotAcceptInTime_thenTheOrderGoesUpATierWithReasonTimeout() {
        Place place = new Place(probe, 204);
        place.project("check");
        place.team("village", Tier.VILLAGE, 5, "check");
        place.team("town", Tier.TOWN, 5, "check");

        UUID order = place.order("check", Urgency.CRITICAL); // 2 s to accept in tests

        assertEquals(place.code("village"), place.assigned(order).teamCode());
        OrderEscalated escalated = place.escalated(order);
        assertEquals(EscalationReason.TIMEOUT, escalated.reason());
        assertEquals(Tier.TOWN, escalated.toTier());
        assertEquals(place.code("town"), place.assignments(order, 2).get(1).teamCode());
    }

    @Test
    void givenTheOnlyTeamThatCouldServeLetsItsTimePass_thenItIsAskedAgain_ratherThanTheCaseWaitingForNobody() {
        Place place = new Place(probe, 211);
        place.project("nursing");
        place.team("county", Tier.COUNTY, 5, "nursing");

        UUID order = place.order("nursing", Urgency.CRITICAL); // 2 s to accept in tests

        List<OrderAssigned> offers = place.assignments(order, 2);
        assertEquals(List.of(place.code("county"), place.code("county")),
                offers.stream().map(OrderAssigned::teamCode).toList());
        assertTrue(offers.get(1).assignedAt().isAfter(offers.get(0).acceptBy().minusMillis(1)),
                "asked again once its time to accept had passed");
        assertEquals(List.of(false, true), offers.stream().map(OrderAssigned::askedAgain).toList(),
                "said, so that the response rate counts the team's offer once");
        assertEquals(0, probe.published(Topics.ORDERS_UNSERVED).stream().filter(keyed(order)).count());
        probe.publish(new OrderAccepted(order, place.code("county"), Instant.now()));
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", order).then()
                .body("status", equalTo("ACCEPTED")).body("unserved", equalTo(false)));
    }

    @Test
    void givenAnOperatorTookTheCaseFromATeam_thenTheRuleNeverAsksThatTeamAgain() {
        Place place = new Place(probe, 212);
        place.project("nursing");
        place.team("a", Tier.COUNTY, 5, "nursing");
        place.team("b", Tier.COUNTY, 5, "nursing");
        UUID order = place.order("nursing", Urgency.ROUTINE);
        String first = place.assigned(order).teamCode();
        String other = first.equals(place.code("a")) ? place.code("b") : place.code("a");

        Auth.countyCentre().contentType(ContentType.JSON).body(Map.of("teamCode", other, "reason", "nearer"))
                .post("/api/cases/{id}/assign", order).then().statusCode(200);
        probe.publish(new OrderDeclined(order, other, DeclineReason.OTHER, "the nurse is away", Instant.now()));

        // the team the operator took it from is not asked again: the case waits for an operator
        probe.first(1, Topics.ORDERS_UNSERVED, keyed(order), Place.WAIT);
        assertEquals(List.of(first, other), probe.published(Topics.ORDERS_ASSIGNED).stream().filter(keyed(order))
                .map(r -> payload(r, OrderAssigned.class).teamCode()).toList());
    }

    @Test
    void givenNoTeamAnywhereCanServe_thenTheCaseClimbsToTheCountyAndWaitsThereUnserved() {
        Place place = new Place(probe, 205);
        place.project("rare");

        UUID order = place.order("rare", Urgency.ROUTINE);

        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", order).then()
                .statusCode(200).body("status", equalTo("WAITING")).body("tier", equalTo("COUNTY"))
                .body("unserved", equalTo(true)));
        List<OrderEscalated> escalations = probe.first(2, Topics.ORDERS_ESCALATED, keyed(order), Place.WAIT)
                .stream().map(r -> payload(r, OrderEscalated.class)).toList();
        assertEquals(List.of(Tier.TOWN, Tier.COUNTY), escalations.stream().map(OrderEscalated::toTier).toList());
        // said once on the topic, for feedback to measure the wait
        OrderUnserved unserved = payload(probe.first(1, Topics.ORDERS_UNSERVED, keyed(order), Place.WAIT).get(0),
                OrderUnserved.class);
        assertEquals(order, unserved.orderId());

        // a county team appears: the unserved case is served
        place.team("county", Tier.COUNTY, 5, "rare");
        assertEquals(place.code("county"), place.assigned(order).teamCode());
        assertEquals(1, probe.published(Topics.ORDERS_UNSERVED).stream().filter(keyed(order)).count());
    }

    @Test
    void equallyLoadedTeamsTakeTurns() {
        Place place = new Place(probe, 206);
        place.project("visit");
        place.team("a", Tier.VILLAGE, 5, "visit");
        place.team("b", Tier.VILLAGE, 5, "visit");

        UUID first = place.order("visit", Urgency.ROUTINE);
        String firstTeam = place.assigned(first).teamCode();
        probe.publish(new OrderCompleted(first, firstTeam, BigDecimal.ONE, Instant.now()));
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", first).then()
                .body("status", equalTo("COMPLETED")));

        UUID second = place.order("visit", Urgency.ROUTINE);
        String secondTeam = place.assigned(second).teamCode();
        assertTrue(!secondTeam.equals(firstTeam), "both teams are free; the one that waited longer goes: " + secondTeam);
    }

    @Test
    void givenAnUnservedCase_whenTheFullVillageTeamCompletesAnOrder_thenTheCaseGoesBackToTheVillage() {
        Place place = new Place(probe, 210);
        place.project("visit");
        place.team("village", Tier.VILLAGE, 1, "visit");
        UUID first = place.order("visit", Urgency.ROUTINE);
        place.assigned(first);
        UUID second = place.order("visit", Urgency.ROUTINE);
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", second).then()
                .body("tier", equalTo("COUNTY")).body("unserved", equalTo(true)));

        probe.publish(new OrderAccepted(first, place.code("village"), Instant.now()));
        probe.publish(new OrderCompleted(first, place.code("village"), new BigDecimal("1"), Instant.now()));

        OrderAssigned assigned = place.assigned(second);
        assertEquals(place.code("village"), assigned.teamCode());
        assertEquals(Tier.VILLAGE, assigned.tier());
        Auth.countyCentre().get("/api/cases/{id}", second).then().body("unserved", equalTo(false)).body("tier", equalTo("VILLAGE"));
    }

    @Test
    void givenAnOrderPlacedAsTheFullTeamCompletesAnother_thenItTakesTheRoomMade_whicheverBatchHearsOfEach() {
        Place place = new Place(probe, 213);
        place.project("visit");
        place.team("village", Tier.VILLAGE, 1, "visit");
        UUID first = place.order("visit", Urgency.ROUTINE);
        place.assigned(first);
        probe.publish(new OrderAccepted(first, place.code("village"), Instant.now()));

        // often in one batch: the new case is left unserved, then the room is made, then it is routed again
        UUID second = place.order("visit", Urgency.ROUTINE);
        probe.publish(new OrderCompleted(first, place.code("village"), new BigDecimal("1"), Instant.now()));

        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", second).then()
                .body("teamCode", equalTo(place.code("village"))).body("unserved", equalTo(false)));
    }

    @Test
    void givenAWithdrawnOrder_thenTheCaseClosesAndFreesTheTeam() {
        Place place = new Place(probe, 207);
        place.project("visit");
        place.team("village", Tier.VILLAGE, 1, "visit");
        UUID order = place.order("visit", Urgency.ROUTINE);
        place.assigned(order);

        probe.publish(new OrderCancelled(order, OrderCancelled.CancelReason.NO_LONGER_NEEDED, Instant.now()));
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", order).then()
                .body("status", equalTo("CANCELLED")));

        assertEquals(place.code("village"), place.assigned(place.order("visit", Urgency.ROUTINE)).teamCode());
    }

    @Test
    void givenACompletedOrderReportedUnresolved_thenItIsDispatchedAgain() {
        Place place = new Place(probe, 208);
        place.project("pump");
        place.team("village", Tier.VILLAGE, 5, "pump");
        UUID order = place.order("pump", Urgency.ROUTINE);
        probe.publish(new OrderCompleted(order, place.assigned(order).teamCode(), BigDecimal.TEN, Instant.now()));
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", order).then()
                .body("status", equalTo("COMPLETED")));

        probe.publish(new OrderReopened(order, "the pump broke again the next day", Instant.now()));

        assertEquals(place.code("village"), place.assignments(order, 2).get(1).teamCode());
    }

    @Test
    void aReportFromATeamTheOrderHasLeftChangesNothing() {
        Place place = new Place(probe, 209);
        place.project("visit");
        place.team("a", Tier.VILLAGE, 5, "visit");
        place.team("b", Tier.VILLAGE, 5, "visit");
        UUID order = place.order("visit", Urgency.ROUTINE);
        String first = place.assigned(order).teamCode();
        probe.publish(new OrderDeclined(order, first, DeclineReason.OTHER, "busy", Instant.now()));
        String second = place.assignments(order, 2).get(1).teamCode();

        probe.publish(new OrderAccepted(order, first, Instant.now()));
        probe.publish(new OrderAccepted(order, second, Instant.now()));

        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", order).then()
                .body("status", equalTo("ACCEPTED")).body("teamCode", equalTo(second)));
    }
}
