package io.feiyan.dispatch;

import static io.feiyan.testkit.EventProbe.keyed;
import static io.feiyan.testkit.EventProbe.payload;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.Channel;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderCallRequested;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderDeclined.DeclineReason;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.events.Urgency;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The operators' queue of cases that need a person, and what an operator does from it. */
@FeiyanTest
class QueueTests {
    @InjectEventProbe
    EventProbe probe;

    @Inject
    EntityManager entityManager;

    @Test
    void givenCasesNoRuleWillMove_theQueueSaysWhyAndSinceWhen_mostUrgentThenOldestFirst_andOnlyInTheRegion() {
        Place place = new Place(probe, 801);
        place.project("opera");
        place.team("cavalry", Tier.COUNTY, 5, "opera");
        place.project("visit");
        place.team("village", Tier.VILLAGE, 5, "visit");
        place.project("rare");

        // opera, which the county's one team offering it declines: no team that could take it is left
        UUID declined = place.order("opera", Urgency.ROUTINE);
        place.assigned(declined);
        probe.publish(new OrderDeclined(declined, place.code("cavalry"), DeclineReason.NO_CAPACITY, null,
                Instant.now()));
        // a critical need no team offers
        UUID unserved = place.order("rare", Urgency.CRITICAL);
        // a visit accepted and not delivered by its deadline, two hours ago
        UUID overdue = place.order("visit", Urgency.ROUTINE);
        place.assigned(overdue);
        probe.publish(new OrderAccepted(overdue, place.code("village"), Instant.now()));
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", overdue).then()
                .body("status", equalTo("ACCEPTED")));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update dispatch_case set deadline = now() - interval '2 hours' where order_id = ?1")
                .setParameter(1, overdue).executeUpdate());
        // a need in the resident's words placed an hour ago, still in review (feiyan.dispatch.queue.review-after=30m),
        // and one placed now, which has not waited long
        UUID longInReview = needInWords(place, Instant.now().minus(Duration.ofHours(1)));
        UUID newInReview = needInWords(place, Instant.now());
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", newInReview).then()
                .body("status", equalTo("IN_REVIEW")));

        await().atMost(Place.WAIT).untilAsserted(() -> Auth.operator("OP-801", place.town).get("/api/cases/queue")
                .then().statusCode(200)
                .body("orderId", contains(unserved.toString(), overdue.toString(), longInReview.toString(),
                        declined.toString()))
                .body("reason", contains("UNSERVED", "DEADLINE_PASSED", "REVIEW_WAITING", "DECLINED_BY_ALL")));
        Auth.operator("OP-801", place.town).get("/api/cases/queue").then()
                .body("find { it.orderId == '" + overdue + "' }.ageMinutes", greaterThanOrEqualTo(119))
                .body("find { it.orderId == '" + longInReview + "' }.ageMinutes", greaterThanOrEqualTo(59))
                .body("find { it.orderId == '" + longInReview + "' }.handledBy", equalTo(place.town))
                // the county's teams offering the need, those that declined it said so
                .body("find { it.orderId == '" + declined + "' }.teams.code", contains(place.code("cavalry")))
                .body("find { it.orderId == '" + declined + "' }.teams[0].declined", equalTo(true))
                .body("find { it.orderId == '" + declined + "' }.handledBy", equalTo(Auth.COUNTY))
                .body("find { it.orderId == '" + unserved + "' }.teams", equalTo(List.of()));
        // the same queue on the dashboard, live with it; none of it in another town's, nor at the village tier
        Auth.operator("OP-801", place.town).get("/api/dashboard").then()
                .body("queue.orderId", hasItem(declined.toString()));
        Auth.operator("OP-801", place.town).queryParam("tier", "VILLAGE").get("/api/dashboard").then()
                .body("queue.orderId", not(hasItem(declined.toString())));
        Auth.operator("OP-802", "371322802").get("/api/cases/queue").then().statusCode(200)
                .body("orderId", not(hasItem(declined.toString())));
        Auth.operator("OP-802", "371322802").queryParam("region", place.town).get("/api/cases/queue").then()
                .statusCode(403);

        // an operator offers the declined opera to a team they name: it leaves the queue
        Auth.countyCentre().contentType(ContentType.JSON)
                .body(Map.of("teamCode", place.code("village"), "reason", "they have a singer"))
                .post("/api/cases/{id}/assign", declined).then().statusCode(200);
        Auth.operator("OP-801", place.town).get("/api/cases/queue").then()
                .body("orderId", not(hasItem(declined.toString())))
                .body("orderId", hasItem(unserved.toString()));
    }

    @Test
    void anOperatorAsksTheVillagesVolunteerToCallTheResident_publishedAndLogged_onlyInTheirRegion() {
        Place place = new Place(probe, 802);
        place.project("rare");
        UUID order = place.order("rare", Urgency.URGENT);
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", order).then()
                .body("unserved", equalTo(true)));

        // an operator of another town may not; a note is needed
        Auth.operator("OP-801", "371322801").contentType(ContentType.JSON).body(Map.of("note", "call her"))
                .post("/api/cases/{id}/call-request", order).then().statusCode(403);
        Auth.operator("OP-802", place.town).contentType(ContentType.JSON).body(Map.of("note", " "))
                .post("/api/cases/{id}/call-request", order).then().statusCode(400).body("field", equalTo("note"));

        Auth.operator("OP-802", place.town).contentType(ContentType.JSON)
                .body(Map.of("note", "no team can come this week: ask whether her son can drive her"))
                .post("/api/cases/{id}/call-request", order).then().statusCode(200)
                .body("status", equalTo("WAITING"));

        OrderCallRequested requested = payload(probe.await(Topics.ORDERS_CALL_REQUESTED, keyed(order), Place.WAIT),
                OrderCallRequested.class);
        assertEquals(place.village, requested.villageCode());
        assertEquals("OP-802", requested.requestedBy());
        assertEquals("no team can come this week: ask whether her son can drive her", requested.note());
        assertEquals(1, probe.published(Topics.ORDERS_CALL_REQUESTED).stream().filter(keyed(order)).count(),
                "the refused requests published nothing");
        Auth.operator("OP-802", place.town).get("/api/dashboard").then()
                .body("recent.find { it.orderId == '" + order + "' && it.kind == 'CALL_REQUESTED' }.detail",
                        equalTo("the village's 飞燕 volunteer is asked to call the resident: "
                                + "no team can come this week: ask whether her son can drive her"))
                .body("recent.find { it.orderId == '" + order + "' && it.kind == 'CALL_REQUESTED' }.actor",
                        equalTo("OP-802"));
        // the case stays as it was: still in the queue
        Auth.operator("OP-802", place.town).get("/api/cases/queue").then()
                .body("find { it.orderId == '" + order + "' }.reason", equalTo("UNSERVED"));
        assertTrue(probe.published(Topics.ORDERS_ASSIGNED).stream().noneMatch(keyed(order)));
    }

    private UUID needInWords(Place place, Instant placedAt) {
        UUID order = UUID.randomUUID();
        probe.publish(new OrderPlaced(order, UUID.randomUUID(), null, "CAT801", true, place.village, Urgency.ROUTINE,
                Channel.PHONE, null, null, null, placedAt));
        return order;
    }
}
