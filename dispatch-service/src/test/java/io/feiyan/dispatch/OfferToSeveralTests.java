package io.feiyan.dispatch;

import static io.feiyan.testkit.EventProbe.keyed;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCancelled;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderDeclined.DeclineReason;
import io.feiyan.events.OrderEscalated.EscalationReason;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.events.Urgency;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Urgent orders offered at once to several teams of a tier (抢单), on the real broker and database: by default critical
 * and urgent orders, to at most three teams; the first to accept takes it.
 */
@FeiyanTest
class OfferToSeveralTests {
    @InjectEventProbe
    EventProbe probe;

    @Test
    void givenFourCapableTeamsWithRoom_thenAnUrgentOrderIsOfferedToThreeAtOnce_andARoutineOneToOne() {
        Place place = new Place(probe, 801);
        place.project("visit");
        for (String team : List.of("a", "b", "c", "d")) {
            place.team(team, Tier.VILLAGE, 5, "visit");
        }
        place.team("town", Tier.TOWN, 5, "visit");

        OrderAssigned urgent = place.assigned(place.order("visit", Urgency.URGENT));
        assertEquals(3, urgent.offeredTo().size(), urgent.offeredTo().toString());
        assertEquals(urgent.teamCode(), urgent.offeredTo().get(0), "the team the rule would choose alone comes first");
        assertEquals(Tier.VILLAGE, urgent.tier());
        Auth.countyCentre().get("/api/cases/{id}", urgent.orderId()).then()
                .body("status", equalTo("ASSIGNED")).body("offeredTo", equalTo(urgent.offeredTo()));

        OrderAssigned routine = place.assigned(place.order("visit", Urgency.ROUTINE));
        assertNull(routine.offeredTo(), "a routine order is offered to one team");
        assertEquals(List.of(place.code("d")), routine.offeredTeams(), "the one team not holding the urgent offer");
    }

    @Test
    void givenOneOfSeveralAccepts_thenItTakesTheCase_andTheOthersPlacesAreFree() {
        Place place = new Place(probe, 802);
        place.project("nursing");
        place.team("a", Tier.VILLAGE, 1, "nursing");
        place.team("b", Tier.VILLAGE, 1, "nursing");
        UUID order = place.order("nursing", Urgency.URGENT);
        OrderAssigned offered = place.assigned(order);
        assertEquals(List.of(place.code("a"), place.code("b")), offered.offeredTo());

        probe.publish(new OrderAccepted(order, place.code("b"), Instant.now()));
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", order).then()
                .body("status", equalTo("ACCEPTED")).body("teamCode", equalTo(place.code("b")))
                .body("offeredTo", empty()));

        // a's one place was given back when b took the order: the next urgent order is a's alone (b is full)
        OrderAssigned next = place.assigned(place.order("nursing", Urgency.URGENT));
        assertEquals(place.code("a"), next.teamCode());
        assertNull(next.offeredTo());
    }

    @Test
    void givenAnOrderOfferedToSeveralIsWithdrawn_thenEveryOfferedTeamHasItsPlaceBack() {
        Place place = new Place(probe, 805);
        place.project("visit");
        place.team("a", Tier.VILLAGE, 1, "visit");
        place.team("b", Tier.VILLAGE, 1, "visit");
        UUID order = place.order("visit", Urgency.URGENT);
        assertEquals(List.of(place.code("a"), place.code("b")), place.assigned(order).offeredTo());

        probe.publish(new OrderCancelled(order, OrderCancelled.CancelReason.NO_LONGER_NEEDED, Instant.now()));
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", order).then()
                .body("status", equalTo("CANCELLED")));

        assertEquals(List.of(place.code("a"), place.code("b")),
                place.assigned(place.order("visit", Urgency.URGENT)).offeredTo(), "both have their one place again");
    }

    @Test
    void givenOneOfSeveralDeclines_thenTheOthersKeepTheOffer_andOnlyWhenAllHaveDeclinedDoesTheCaseGoOn() {
        Place place = new Place(probe, 803);
        place.project("repair");
        place.team("a", Tier.VILLAGE, 5, "repair");
        place.team("b", Tier.VILLAGE, 5, "repair");
        place.team("town", Tier.TOWN, 5, "repair");
        UUID order = place.order("repair", Urgency.CRITICAL);
        List<String> offeredTo = place.assigned(order).offeredTo();
        assertEquals(List.of(place.code("a"), place.code("b")), offeredTo);

        probe.publish(new OrderDeclined(order, place.code("a"), DeclineReason.NO_CAPACITY, null, Instant.now()));
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", order).then()
                .body("status", equalTo("ASSIGNED")).body("teamCode", equalTo(place.code("b")))
                .body("passedBy", contains(place.code("a"))));
        assertEquals(1, probe.published(Topics.ORDERS_ASSIGNED).stream().filter(keyed(order)).count(),
                "b still holds the offer: the case is not routed on");

        probe.publish(new OrderDeclined(order, place.code("b"), DeclineReason.NO_CAPACITY, null, Instant.now()));
        assertEquals(EscalationReason.DECLINED, place.escalated(order).reason());
        assertEquals(place.code("town"), place.assignments(order, 2).get(1).teamCode());
    }

    @Test
    void givenACaseEveryTeamDeclined_whenAnOperatorOffersItToTwoNamedTeamsAtOnce_thenBothHoldTheOffer() {
        Place place = new Place(probe, 806);
        place.project("bathing");
        place.team("own", Tier.VILLAGE, 5, "bathing");
        // two teams of the town that do not list the project: an operator may name them all the same
        place.team("x", Tier.TOWN, 5);
        place.team("y", Tier.TOWN, 5);
        UUID order = place.order("bathing", Urgency.ROUTINE);
        place.assigned(order);
        probe.publish(new OrderDeclined(order, place.code("own"), DeclineReason.NO_CAPACITY, null, Instant.now()));
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", order).then()
                .body("unserved", equalTo(true)));

        Auth.countyCentre().contentType("application/json")
                .body(Map.of("teamCodes", List.of(place.code("x"), place.code("y")), "reason", "ask both"))
                .post("/api/cases/{id}/offer", order).then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("offeredTo", contains(place.code("x"), place.code("y")));
        OrderAssigned offered = place.assignments(order, 2).get(1);
        assertEquals(List.of(place.code("x"), place.code("y")), offered.offeredTo());
        assertEquals("OP-county-centre", offered.assignedBy());

        Auth.countyCentre().contentType("application/json").body(Map.of("teamCodes", List.of(place.code("x"))))
                .post("/api/cases/{id}/offer", order).then().statusCode(400)
                .body("errors[0].field", equalTo("teamCodes"));
        Auth.countyCentre().contentType("application/json")
                .body(Map.of("teamCodes", List.of(place.code("x"), "no-such-team")))
                .post("/api/cases/{id}/offer", order).then().statusCode(422).body("field", equalTo("teamCodes"));
    }

    @Test
    void givenNoneOfSeveralAcceptsInTime_thenTheCaseClimbsATier_passedByEach() {
        Place place = new Place(probe, 804);
        place.project("check");
        place.team("a", Tier.VILLAGE, 5, "check");
        place.team("b", Tier.VILLAGE, 5, "check");
        place.team("town", Tier.TOWN, 5, "check");

        UUID order = place.order("check", Urgency.CRITICAL); // 2 s to accept in tests

        assertEquals(2, place.assigned(order).offeredTo().size());
        assertEquals(EscalationReason.TIMEOUT, place.escalated(order).reason());
        OrderAssigned town = place.assignments(order, 2).get(1);
        assertEquals(place.code("town"), town.teamCode());
        assertNull(town.offeredTo(), "the only team of the town");
        Auth.countyCentre().get("/api/cases/{id}", order).then()
                .body("passedBy", hasItems(place.code("a"), place.code("b")));
    }
}
