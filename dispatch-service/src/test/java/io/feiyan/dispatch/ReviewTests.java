package io.feiyan.dispatch;

import static io.feiyan.testkit.EventProbe.keyed;
import static io.feiyan.testkit.EventProbe.payload;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.events.Channel;
import io.feiyan.events.OrderApproved;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.OrderRejected;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.events.Urgency;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.feiyan.testkit.Published;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Review (审核) and the operators' hand actions, each an event with who and why. */
@FeiyanTest
class ReviewTests {
    @InjectEventProbe
    EventProbe probe;

    @Test
    void givenANeedInTheResidentsWords_thenItWaitsForReview_andOnceApprovedGoesToATeamOfferingItsCategory() {
        Place place = new Place(probe, 301);
        place.project("pump-repair");
        place.team("village", Tier.VILLAGE, 5, "pump-repair");
        UUID order = place.freeTextNeed(UUID.randomUUID());
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", order).then()
                .body("status", equalTo("IN_REVIEW")).body("reviewReason", equalTo("a need in the resident's words")));
        assertEquals(0, Published.about(probe, Topics.ORDERS_ASSIGNED, order).size());

        assertEquals(0, Published.about(probe, Topics.ORDERS_APPROVED, order).size());

        Auth.operator("OP-301", place.town).contentType(ContentType.JSON).body(Map.of())
                .post("/api/cases/{id}/approve", order)
                .then().statusCode(200);

        assertEquals("OP-301", payload(probe.await(Topics.ORDERS_APPROVED, keyed(order), Place.WAIT),
                OrderApproved.class).approvedBy());
        assertEquals(place.code("village"), place.assigned(order).teamCode());
    }

    @Test
    void givenAReviewer_whenTheyReject_thenOrderRejectedCarriesTheReasonAndWho() {
        Place place = new Place(probe, 302);
        UUID order = place.freeTextNeed(UUID.randomUUID());
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", order).then()
                .body("status", equalTo("IN_REVIEW")));

        Auth.operator("OP-302", place.town).contentType(ContentType.JSON)
                .body(Map.of("reason", "needs a licensed electrician"))
                .post("/api/cases/{id}/reject", order)
                .then().statusCode(200).body("status", equalTo("REJECTED"));

        OrderRejected rejected = payload(probe.await(Topics.ORDERS_REJECTED, keyed(order), Place.WAIT), OrderRejected.class);
        assertEquals("needs a licensed electrician", rejected.reason());
        assertEquals("OP-302", rejected.rejectedBy());
        assertEquals(0, Published.about(probe, Topics.ORDERS_APPROVED, order).size(),
                "a rejected order is never approved");
        Auth.operator("OP-302", place.town).contentType(ContentType.JSON).body(Map.of())
                .post("/api/cases/{id}/approve", order)
                .then().statusCode(409).body("type", equalTo("https://feiyan.io/problems/case-state"));
    }

    @Test
    void givenAResidentWithThreeOpenOrders_thenTheFourthIsReviewedFirst() {
        Place place = new Place(probe, 303);
        place.project("visit");
        UUID resident = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            UUID order = place.freeTextNeed(resident);
            await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", order).then().statusCode(200));
        }
        UUID fourth = UUID.randomUUID();
        probe.publish(new OrderPlaced(fourth, resident, place.code("visit"), "CAT303", false,
                place.village, Urgency.ROUTINE, Channel.APP, null, null, null, Instant.now()));

        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", fourth).then()
                .body("status", equalTo("IN_REVIEW"))
                .body("reviewReason", equalTo("the resident already has 3 open orders")));
    }

    @Test
    void givenFourOrdersOfOneResidentPlacedAtOnce_thenTheOneHeardLastIsReviewed_whicheverBatchesHearThem() {
        Place place = new Place(probe, 309);
        place.project("visit");
        place.team("village", Tier.VILLAGE, 5, "visit");
        UUID resident = UUID.randomUUID();
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // often in one batch: the cases opened before a count are not written yet
            UUID order = UUID.randomUUID();
            orders.add(order);
            probe.publish(new OrderPlaced(order, resident, place.code("visit"), "CAT309", false,
                    place.village, Urgency.ROUTINE, Channel.APP, null, null, null, Instant.now()));
        }

        List<String> statuses = new ArrayList<>();
        await().atMost(Place.WAIT).untilAsserted(() -> {
            statuses.clear();
            for (UUID order : orders) {
                statuses.add(Auth.countyCentre().get("/api/cases/{id}", order).then().statusCode(200)
                        .extract().path("status"));
            }
        });
        assertEquals(1, statuses.stream().filter("IN_REVIEW"::equals).count(), "reviewed: " + statuses);
    }

    @Test
    void anOperatorCanAssignToANamedTeamAndEscalate_eachAnEventWithWhoAndWhy() {
        Place place = new Place(probe, 304);
        place.project("visit");
        place.team("village", Tier.VILLAGE, 5, "visit");
        place.team("town", Tier.TOWN, 5, "visit");
        place.team("county", Tier.COUNTY, 5, "visit");
        UUID order = place.order("visit", Urgency.ROUTINE);
        place.assigned(order);

        // the case is at village tier: the town's institute acts on it
        Auth.operator("OP-304", place.town).contentType(ContentType.JSON)
                .body(Map.of("teamCode", place.code("county"), "reason", "they have a van"))
                .post("/api/cases/{id}/assign", order)
                .then().statusCode(200).body("teamCode", equalTo(place.code("county"))).body("tier", equalTo("COUNTY"));
        OrderAssigned byHand = place.assignments(order, 2).get(1);
        assertEquals("OP-304", byHand.assignedBy());
        assertEquals("they have a van", byHand.note());

        UUID other = place.order("visit", Urgency.ROUTINE);
        assertEquals(Tier.VILLAGE, place.assigned(other).tier());
        Auth.operator("OP-304", place.town).contentType(ContentType.JSON)
                .body(Map.of("reason", "the village team is too busy"))
                .post("/api/cases/{id}/escalate", other)
                .then().statusCode(200).body("tier", equalTo("TOWN"));
        OrderEscalated escalated = place.escalated(other);
        assertEquals(OrderEscalated.EscalationReason.OPERATOR, escalated.reason());
        assertEquals("OP-304", escalated.escalatedBy());
        assertEquals("the village team is too busy", escalated.note());
        assertEquals(place.code("town"), place.assignments(other, 2).get(1).teamCode());
    }

    @Test
    void anActionNeedsItsReason_andTheOperatorIsTheTokensNotTheBodys() {
        Auth.countyCentre().contentType(ContentType.JSON).body(Map.of()).post("/api/cases/{id}/reject", UUID.randomUUID())
                .then().statusCode(400).body("field", equalTo("reason"));
        Auth.countyCentre().contentType(ContentType.JSON).body(Map.of("operator", "OP-someone-else", "reason", "x"))
                .post("/api/cases/{id}/reject", UUID.randomUUID())
                .then().statusCode(400).body("field", equalTo("operator"));
        Auth.countyCentre().contentType(ContentType.JSON).body(Map.of()).post("/api/cases/{id}/approve", UUID.randomUUID())
                .then().statusCode(404);
    }
}
