package io.feiyan.team;

import static io.feiyan.testkit.EventProbe.keyed;
import static io.feiyan.testkit.EventProbe.payload;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.OfferWithdrawn;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.feiyan.testkit.Published;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** An order offered to several teams at once (抢单): the first to accept takes it, exactly once. */
@FeiyanTest
class OfferToSeveralTests {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectEventProbe
    EventProbe probe;

    @Test
    void givenTwoLeadsAcceptAtTheSameMoment_thenOneTakesIt_theOtherIsToldWho_andTheOtherOffersAreWithdrawn()
            throws Exception {
        String a = team("a");
        String b = team("b");
        String c = team("c");
        UUID orderId = UUID.randomUUID();
        probe.publish(offered(orderId, a, b, c));
        for (String team : List.of(a, b, c)) {
            await().atMost(WAIT).untilAsserted(() -> Auth.asMemberOf(team).get("/api/assignments/inbox").then()
                    .body("offered.orderId", equalTo(List.of(orderId.toString()))));
        }

        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Response> byA = CompletableFuture.supplyAsync(() -> acceptTogether(a, orderId, together));
        CompletableFuture<Response> byB = CompletableFuture.supplyAsync(() -> acceptTogether(b, orderId, together));
        List<Response> answers = List.of(byA.get(), byB.get());

        assertEquals(Set.of(200, 409), answers.stream().map(Response::statusCode).collect(Collectors.toSet()),
                "exactly one acceptance");
        int won = answers.get(0).statusCode() == 200 ? 0 : 1;
        String winner = List.of(a, b).get(won);
        String loser = List.of(a, b).get(1 - won);
        Response refused = answers.get(1 - won);
        assertEquals("https://feiyan.io/problems/taken", refused.jsonPath().getString("type"));
        assertEquals(winner, refused.jsonPath().getString("takenBy"));

        List<OrderAccepted> accepted = Published.about(probe, Topics.ORDERS_ACCEPTED, orderId).stream()
                .map(record -> payload(record, OrderAccepted.class)).toList();
        assertEquals(List.of(winner), accepted.stream().map(OrderAccepted::teamCode).toList());
        List<OfferWithdrawn> withdrawn = probe.first(2, Topics.ORDERS_WITHDRAWN, keyed(orderId), WAIT).stream()
                .map(record -> payload(record, OfferWithdrawn.class)).toList();
        assertEquals(Set.of(loser, c), withdrawn.stream().map(OfferWithdrawn::teamCode).collect(Collectors.toSet()));
        assertTrue(withdrawn.stream().allMatch(w -> w.takenBy().equals(winner)), withdrawn::toString);
        assertEquals(accepted.get(0).acceptedAt(), withdrawn.get(0).withdrawnAt(), "withdrawn as it was taken");

        Auth.asMemberOf(winner).get("/api/assignments/inbox").then()
                .body("offered", empty()).body("accepted.orderId", equalTo(List.of(orderId.toString())))
                .body("withdrawn", empty());
        for (String other : List.of(loser, c)) {
            Auth.asMemberOf(other).get("/api/assignments/inbox").then()
                    .body("offered", empty()).body("accepted", empty())
                    .body("withdrawn", hasSize(1))
                    .body("withdrawn[0].orderId", equalTo(orderId.toString()))
                    .body("withdrawn[0].takenBy", equalTo(winner));
        }
        // a team it was offered to sees who took it; a team it never was offered to sees nothing
        Auth.asMemberOf(loser).get("/api/assignments/{id}", orderId).then().statusCode(200)
                .body("teamCode", equalTo(winner)).body("status", equalTo("ACCEPTED"));
        Auth.asMemberOf(team("d")).get("/api/assignments/{id}", orderId).then().statusCode(403);
        // the order is the winner's alone to complete
        Auth.lead(loser).contentType(ContentType.JSON).body(Map.of("volunteerHours", 1))
                .post("/api/assignments/{id}/complete", orderId).then().statusCode(403);
    }

    @Test
    void givenOneOfSeveralDeclines_thenOnlyItsOfferIsOver_andTheOrderIsDeclinedWhenTheLastSaysNo() {
        String a = team("a");
        String b = team("b");
        UUID orderId = UUID.randomUUID();
        probe.publish(offered(orderId, a, b));
        await().atMost(WAIT).untilAsserted(() -> Auth.asMemberOf(b).get("/api/assignments/inbox").then()
                .body("offered.orderId", equalTo(List.of(orderId.toString()))));

        decline(a, orderId).then().statusCode(200).body("status", equalTo("OFFERED"))
                .body("teamCode", equalTo(b)); // the team still holding the offer, as dispatch has it
        Auth.asMemberOf(a).get("/api/assignments/inbox").then().body("offered", empty()).body("withdrawn", empty());
        Auth.asMemberOf(b).get("/api/assignments/inbox").then()
                .body("offered.orderId", equalTo(List.of(orderId.toString())));
        Auth.lead(a).post("/api/assignments/{id}/accept", orderId).then().statusCode(409)
                .body("type", equalTo("https://feiyan.io/problems/assignment-state"));

        decline(b, orderId).then().statusCode(200).body("status", equalTo("DECLINED"));
        List<String> decliners = probe.first(2, Topics.ORDERS_DECLINED, keyed(orderId), WAIT).stream()
                .map(record -> payload(record, OrderDeclined.class).teamCode()).toList();
        assertEquals(List.of(a, b), decliners);
        assertEquals(0, Published.about(probe, Topics.ORDERS_WITHDRAWN, orderId).size(), "nothing to withdraw");
    }

    private static Response acceptTogether(String team, UUID orderId, CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Auth.lead(team).post("/api/assignments/{id}/accept", orderId);
    }

    private static Response decline(String team, UUID orderId) {
        return Auth.lead(team).contentType(ContentType.JSON).body(Map.of("reasonCode", "NO_CAPACITY"))
                .post("/api/assignments/{id}/decline", orderId);
    }

    /** A team code of this test's own, so that its inbox holds this test's orders only. */
    private static String team(String name) {
        return "grab-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static OrderAssigned offered(UUID orderId, String... teams) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new OrderAssigned(orderId, teams[0], Tier.VILLAGE, "culture-opera", now.plus(Duration.ofHours(2)),
                now.plus(Duration.ofHours(24)), null, null, now, Tier.VILLAGE, List.of(teams), false, List.of(teams));
    }
}
