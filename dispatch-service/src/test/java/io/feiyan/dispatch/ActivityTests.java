package io.feiyan.dispatch;

import static io.feiyan.testkit.EventProbe.keyed;
import static io.feiyan.testkit.EventProbe.payload;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.feiyan.dispatch.domain.Team;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderDeclined.DeclineReason;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.events.Urgency;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Activities (统单) wired to their events and the operators' hands, on the real broker and database: the rule of who
 * joins which is tested situation by situation in {@link io.feiyan.routing.GroupingTest}. Every test has a town of its
 * own.
 */
@FeiyanTest
class ActivityTests {
    @InjectEventProbe
    EventProbe probe;

    @Test
    void givenThreeRoutineOrdersOfOneVillage_thenTheyAreOneActivity_takingOnePlaceAtTheTeam() {
        Place place = new Place(probe, 901);
        place.project("opera", 30, Tier.VILLAGE);
        place.team("troupe", Tier.VILLAGE, 5, "opera");

        List<OrderAssigned> assigned = List.of(place.order("opera", Urgency.ROUTINE),
                place.order("opera", Urgency.ROUTINE), place.order("opera", Urgency.ROUTINE)).stream()
                .map(place::assigned).toList();

        UUID activity = assigned.get(0).activityId();
        assertNotNull(activity, "a project one visit serves many of is served in an activity");
        assertEquals(List.of(activity, activity, activity), assigned.stream().map(OrderAssigned::activityId).toList());
        assertEquals(List.of(place.code("troupe"), place.code("troupe"), place.code("troupe")),
                assigned.stream().map(OrderAssigned::teamCode).toList());
        assertEquals(1, openOrders(place.code("troupe")), "the team's capacity counts visits, not residents");
        Auth.countyCentre().get("/api/activities?region={town}", place.town).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].id", equalTo(activity.toString()))
                .body("[0].residents", equalTo(3)).body("[0].placeCode", equalTo(place.village))
                .body("[0].status", equalTo("PLANNED")).body("[0].orderIds.size()", equalTo(3));
    }

    @Test
    void anUrgentOrderNeverWaitsForAGroup() {
        Place place = new Place(probe, 902);
        place.project("opera", 30, Tier.VILLAGE);
        place.team("troupe", Tier.VILLAGE, 5, "opera");
        UUID routine = place.assigned(place.order("opera", Urgency.ROUTINE)).activityId();

        OrderAssigned urgent = place.assigned(place.order("opera", Urgency.URGENT));

        assertNotNull(routine);
        assertNull(urgent.activityId());
        assertEquals(2, openOrders(place.code("troupe")), "served alone, it takes a place of its own");
    }

    @Test
    void givenTheTeamIsFull_thenItStillTakesJoinersOfItsActivity() {
        Place place = new Place(probe, 903);
        place.project("opera", 30, Tier.VILLAGE);
        place.team("troupe", Tier.VILLAGE, 1, "opera");
        OrderAssigned first = place.assigned(place.order("opera", Urgency.ROUTINE));

        OrderAssigned joiner = place.assigned(place.order("opera", Urgency.ROUTINE));

        assertEquals(first.activityId(), joiner.activityId());
        assertEquals(place.code("troupe"), joiner.teamCode());
        assertEquals(Tier.VILLAGE, joiner.tier(), "no escalation: the village's team takes it in its visit");
        assertEquals(0, probe.published(Topics.ORDERS_ESCALATED).stream().filter(keyed(joiner.orderId())).count());
    }

    @Test
    void givenTheTeamDeclinesTheActivity_thenItsOrdersRegroupAtTheNextTeam() {
        Place place = new Place(probe, 904);
        place.project("opera", 30, Tier.VILLAGE);
        place.team("a", Tier.VILLAGE, 5, "opera");
        place.team("b", Tier.VILLAGE, 5, "opera");
        List<UUID> orders = List.of(place.order("opera", Urgency.ROUTINE), place.order("opera", Urgency.ROUTINE),
                place.order("opera", Urgency.ROUTINE));
        List<OrderAssigned> first = orders.stream().map(place::assigned).toList();
        String declining = first.get(0).teamCode();

        // team-service declines an activity as one: an OrderDeclined for each of its orders
        orders.forEach(order -> probe.publish(new OrderDeclined(order, declining, DeclineReason.NO_CAPACITY, null,
                Instant.now())));

        List<OrderAssigned> again = orders.stream().map(order -> place.assignments(order, 2).get(1)).toList();
        UUID regrouped = again.get(0).activityId();
        assertNotNull(regrouped);
        assertNotEquals(first.get(0).activityId(), regrouped);
        assertEquals(List.of(regrouped, regrouped, regrouped), again.stream().map(OrderAssigned::activityId).toList());
        String next = again.get(0).teamCode();
        assertNotEquals(declining, next);
        assertEquals(List.of(next, next, next), again.stream().map(OrderAssigned::teamCode).toList());
        await().atMost(Place.WAIT).untilAsserted(() -> assertEquals(0, openOrders(declining),
                "the declined activity's place is given back"));
        assertEquals(1, openOrders(next));
    }

    @Test
    void givenTheActivityIsHeld_thenItsTeamsPlaceIsGivenBackWithItsLastOrder() {
        Place place = new Place(probe, 905);
        place.project("opera", 30, Tier.VILLAGE);
        place.team("troupe", Tier.VILLAGE, 5, "opera");
        String team = place.code("troupe");
        UUID one = place.order("opera", Urgency.ROUTINE);
        UUID activity = place.assigned(one).activityId();
        UUID two = place.order("opera", Urgency.ROUTINE);
        place.assigned(two);
        Instant scheduled = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (UUID order : List.of(one, two)) {
            probe.publish(new OrderAccepted(order, team, Instant.now(), scheduled, activity));
        }
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre()
                .get("/api/activities?region={village}", place.village).then()
                .body("[0].status", equalTo("ACCEPTED")).body("[0].takesPlace", equalTo(scheduled.toString())));

        probe.publish(new OrderCompleted(one, team, BigDecimal.ONE, Instant.now(), activity));
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", one).then()
                .body("status", equalTo("COMPLETED")));
        assertEquals(1, openOrders(team), "the visit is still to serve its other resident");
        probe.publish(new OrderCompleted(two, team, BigDecimal.ONE, Instant.now(), activity));

        await().atMost(Place.WAIT).untilAsserted(() -> assertEquals(0, openOrders(team)));
        Auth.countyCentre().get("/api/activities?region={village}", place.village).then().body("size()", equalTo(0));
    }

    @Test
    void anOperatorAddsAQueuedCaseToAnActivity_whoseTeamTakesIt() {
        Place place = new Place(probe, 906);
        place.project("opera", 30, Tier.VILLAGE);
        place.team("troupe", Tier.VILLAGE, 1, "opera");
        UUID activity = place.assigned(place.order("opera", Urgency.ROUTINE)).activityId();
        UUID urgent = place.order("opera", Urgency.URGENT); // the team is full: it waits for an operator
        probe.first(1, Topics.ORDERS_UNSERVED, keyed(urgent), Place.WAIT);

        Auth.countyCentre().contentType(ContentType.JSON)
                .body(Map.of("activityId", activity, "reason", "the troupe can see her too"))
                .post("/api/cases/{id}/activity", urgent).then().statusCode(200)
                .body("activityId", equalTo(activity.toString())).body("status", equalTo("ASSIGNED"));

        OrderAssigned assigned = place.assigned(urgent);
        assertEquals(activity, assigned.activityId());
        assertEquals(place.code("troupe"), assigned.teamCode());
        assertEquals("OP-county-centre", assigned.assignedBy());
        assertEquals(1, openOrders(place.code("troupe")), "no place taken: the activity holds one");
        // a town's institute acts on the town's cases only
        UUID another = place.order("opera", Urgency.URGENT);
        probe.first(1, Topics.ORDERS_UNSERVED, keyed(another), Place.WAIT);
        Auth.operator("OP-other-town", "371322999").contentType(ContentType.JSON).body(Map.of("activityId", activity))
                .post("/api/cases/{id}/activity", another).then().statusCode(403);
    }

    @Test
    void anOperatorMergesOneActivityIntoAnother_andSplitsAnOrderOut() {
        Place place = new Place(probe, 907);
        place.project("opera", 2, Tier.VILLAGE);
        place.team("a", Tier.VILLAGE, 5, "opera");
        place.team("b", Tier.VILLAGE, 5, "opera");
        UUID one = place.order("opera", Urgency.ROUTINE);
        UUID first = place.assigned(one).activityId();
        UUID two = place.order("opera", Urgency.ROUTINE);
        assertEquals(first, place.assigned(two).activityId());
        UUID three = place.order("opera", Urgency.ROUTINE); // the visit serves two: another starts
        OrderAssigned third = place.assigned(three);
        UUID second = third.activityId();
        assertNotEquals(first, second);

        Auth.countyCentre().contentType(ContentType.JSON).body(Map.of("into", first))
                .post("/api/activities/{id}/merge", second).then().statusCode(200);

        OrderAssigned merged = place.assignments(three, 2).get(1);
        assertEquals(first, merged.activityId());
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre()
                .get("/api/activities?region={village}", place.village).then()
                .body("size()", equalTo(1)).body("[0].residents", equalTo(3)));
        await().atMost(Place.WAIT).untilAsserted(() -> assertEquals(1,
                openOrders(place.code("a")) + openOrders(place.code("b")), "the merged activity's place is freed"));

        Auth.countyCentre().contentType(ContentType.JSON).body(Map.of("orderIds", List.of(one), "reason", "away"))
                .post("/api/activities/{id}/split", first).then().statusCode(200);

        OrderAssigned split = place.assignments(one, 2).get(1);
        assertNotNull(split.activityId());
        assertNotEquals(first, split.activityId(), "never back into the activity it was taken out of");
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre()
                .get("/api/activities?region={village}", place.village).then()
                .body("size()", equalTo(2)).body("find { it.id == '" + first + "' }.residents", equalTo(2)));
    }

    @Test
    void givenAVolunteerAsksToAddHerResidentToAnActivity_thenItJoinsIt_thoughTheRuleWouldStartAnotherNearer() {
        Place place = new Place(probe, 908);
        place.project("opera", 30, Tier.VILLAGE);
        place.team("town", Tier.TOWN, 5, "opera");
        OrderAssigned atTown = place.assigned(place.order("opera", Urgency.ROUTINE));
        assertEquals(Tier.TOWN, atTown.tier());
        place.team("village", Tier.VILLAGE, 5, "opera");

        OrderAssigned asked = place.assigned(place.order("opera", Urgency.ROUTINE, atTown.activityId()));
        OrderAssigned byTheRule = place.assigned(place.order("opera", Urgency.ROUTINE));

        assertEquals(atTown.activityId(), asked.activityId());
        assertEquals(place.code("town"), asked.teamCode());
        assertEquals(place.code("village"), byTheRule.teamCode(), "the rule keeps a village's need in the village");
        assertNotEquals(atTown.activityId(), byTheRule.activityId());
    }

    private static int openOrders(String team) {
        return QuarkusTransaction.requiringNew().call(() -> Team.<Team>findById(team).openOrders);
    }
}
