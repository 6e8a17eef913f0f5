package io.feiyan.dispatch;

import static io.feiyan.testkit.EventProbe.keyed;
import static io.feiyan.testkit.EventProbe.payload;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.OrderApproved;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.events.Urgency;
import io.feiyan.servers.Identity;
import io.feiyan.servers.Tokens;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.feiyan.testkit.FeiyanTestResource;
import io.feiyan.testkit.Published;
import io.feiyan.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Who may do what (issue #7): operators only, each in their own region and tier. Anonymous callers get 401,
 * other roles and other regions 403, and a refused action changes nothing.
 */
@FeiyanTest
class AccessTests {
    private static final String UNAUTHORIZED = "https://feiyan.io/problems/unauthorized";
    private static final String FORBIDDEN = "https://feiyan.io/problems/forbidden";

    @Inject
    EntityManager entityManager;

    @TestHTTPResource("/api/dashboard/stream")
    URI stream;

    @InjectEventProbe
    EventProbe probe;

    @Test
    void anAnonymousCallerIsAskedWhoTheyAre_andOnlyThePageIsOpen() {
        UUID order = UUID.randomUUID();
        asksWhoIsCalling(given().get("/api/cases"));
        asksWhoIsCalling(given().get("/api/cases/{id}", order));
        asksWhoIsCalling(given().contentType(ContentType.JSON).body(Map.of()).post("/api/cases/{id}/approve", order));
        asksWhoIsCalling(given().contentType(ContentType.JSON).body(Map.of("reason", "no"))
                .post("/api/cases/{id}/reject", order));
        asksWhoIsCalling(given().get("/api/dashboard"));
        asksWhoIsCalling(given().get("/api/dashboard/stream"));
        asksWhoIsCalling(given().get("/api/teams"));
        given().get("/dashboard").then().statusCode(200);
    }

    @Test
    void volunteersTeamsAnalystsResidentsAndAdminsAreNotOperators() {
        UUID order = UUID.randomUUID();
        List<Identity> notOperators = List.of(Identity.volunteer("V-1", "371322206201"),
                Identity.teamMember("M-1", "art-light-cavalry"), Identity.teamLead("L-1", "art-light-cavalry"),
                Identity.analyst("A-1"), Identity.resident(UUID.randomUUID()), Identity.admin("ADM-1"));
        for (Identity who : notOperators) {
            refused(Auth.as(who).get("/api/cases"));
            refused(Auth.as(who).get("/api/cases/{id}", order));
            refused(Auth.as(who).contentType(ContentType.JSON).body(Map.of()).post("/api/cases/{id}/approve", order));
            refused(Auth.as(who).get("/api/dashboard"));
            refused(Auth.as(who).get("/api/dashboard/stream"));
        }
        // the team directory is for operators and admins
        Auth.as(Identity.admin("ADM-1")).get("/api/teams").then().statusCode(200);
        Auth.countyCentre().get("/api/teams").then().statusCode(200);
        refused(Auth.as(Identity.teamLead("L-1", "art-light-cavalry")).get("/api/teams"));
        refused(Auth.as(Identity.analyst("A-1")).get("/api/teams"));
    }

    @Test
    void givenACaseInATownsReviewQueue_anOperatorOfAnotherTownCanNeitherSeeNorDecideIt_andNothingChanges() {
        Place place = new Place(probe, 601);
        Place otherTown = new Place(probe, 602);
        UUID order = place.freeTextNeed(UUID.randomUUID());
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", order).then()
                .statusCode(200).body("status", equalTo("IN_REVIEW")).body("reviewQueue", equalTo(place.town)));

        String stranger = "OP-602";
        refused(Auth.operator(stranger, otherTown.town).get("/api/cases/{id}", order))
                .then().body("detail", containsString("outside your region"));
        refused(Auth.operator(stranger, otherTown.town).contentType(ContentType.JSON).body(Map.of())
                .post("/api/cases/{id}/approve", order));
        refused(Auth.operator(stranger, otherTown.town).contentType(ContentType.JSON)
                .body(Map.of("reason", "not in my town")).post("/api/cases/{id}/reject", order));
        refused(Auth.operator(stranger, otherTown.town).contentType(ContentType.JSON)
                .body(Map.of("reason", "up it goes")).post("/api/cases/{id}/escalate", order));
        refused(Auth.operator(stranger, otherTown.town).contentType(ContentType.JSON)
                .body(Map.of("teamCode", "art-light-cavalry")).post("/api/cases/{id}/assign", order));
        // the village station sees its village's case, but the review is the town institute's
        Auth.operator("OP-601-station", place.village).get("/api/cases/{id}", order).then().statusCode(200);
        refused(Auth.operator("OP-601-station", place.village).contentType(ContentType.JSON).body(Map.of())
                .post("/api/cases/{id}/approve", order))
                .then().body("detail", containsString("review queue of " + place.town));

        Auth.countyCentre().get("/api/cases/{id}", order).then()
                .body("status", equalTo("IN_REVIEW")).body("tier", equalTo("VILLAGE")).body("teamCode", nullValue());
        assertEquals(0, Published.about(probe, Topics.ORDERS_APPROVED, order).size());
        assertEquals(0, Published.about(probe, Topics.ORDERS_REJECTED, order).size());
        assertEquals(0, Published.about(probe, Topics.ORDERS_ESCALATED, order).size());

        // the town's own institute decides it, and is named as who did
        Auth.operator("OP-601", place.town).contentType(ContentType.JSON).body(Map.of())
                .post("/api/cases/{id}/approve", order).then().statusCode(200).body("status", equalTo("WAITING"));
        assertEquals("OP-601", payload(probe.await(Topics.ORDERS_APPROVED, keyed(order), Place.WAIT),
                OrderApproved.class).approvedBy());
    }

    @Test
    void aTownOperatorsListHoldsTheirTownsCases_andNotAnotherTowns() {
        Place mine = new Place(probe, 603);
        Place theirs = new Place(probe, 604);
        UUID own = mine.freeTextNeed(UUID.randomUUID());
        UUID other = theirs.freeTextNeed(UUID.randomUUID());
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().queryParam("status", "IN_REVIEW")
                .get("/api/cases").then().statusCode(200)
                .body("orderId", hasItem(own.toString())).body("orderId", hasItem(other.toString())));

        Auth.operator("OP-603", mine.town).get("/api/cases").then().statusCode(200)
                .body("orderId", hasItem(own.toString()))
                .body("orderId", not(hasItem(other.toString())))
                .body("villageCode", everyItem(startsWith(mine.town)));
        Auth.operator("OP-603", mine.town).queryParam("status", "IN_REVIEW").get("/api/cases").then().statusCode(200)
                .body("orderId", hasItem(own.toString()))
                .body("orderId", not(hasItem(other.toString())));
        Auth.countyCentre().queryParam("region", mine.town).get("/api/cases").then().statusCode(200)
                .body("orderId", hasItem(own.toString()))
                .body("orderId", not(hasItem(other.toString())));
        refused(Auth.operator("OP-603", mine.town).queryParam("region", theirs.town).get("/api/cases"));
    }

    @Test
    void aRegionThatIsNoCountyTownOrVillageCodeIsRefused_notAnsweredWithNothing() {
        for (String path : List.of("/api/cases", "/api/dashboard")) {
            Auth.countyCentre().queryParam("region", "abc").get(path).then().statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("errors[0].field", equalTo("region"));
        }
    }

    @Test
    void givenACaseInTheCountyCentresQueue_theCountyApprovesIt_andATownOperatorCannot() {
        Place place = new Place(probe, 605);
        UUID order = place.freeTextNeed(UUID.randomUUID());
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", order).then()
                .body("status", equalTo("IN_REVIEW")));
        // reviews are the town's (feiyan.dispatch.review.tier=TOWN); this one waits in the county centre's queue
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update dispatch_case set review_queue = ?1 where order_id = ?2")
                .setParameter(1, Auth.COUNTY).setParameter(2, order).executeUpdate());

        refused(Auth.operator("OP-605", place.town).contentType(ContentType.JSON).body(Map.of())
                .post("/api/cases/{id}/approve", order))
                .then().body("detail", containsString("review queue of " + Auth.COUNTY));
        refused(Auth.operator("OP-605", place.town).contentType(ContentType.JSON)
                .body(Map.of("reason", "not ours")).post("/api/cases/{id}/reject", order));
        Auth.countyCentre().get("/api/cases/{id}", order).then().body("status", equalTo("IN_REVIEW"));
        assertEquals(0, Published.about(probe, Topics.ORDERS_APPROVED, order).size());

        Auth.countyCentre().contentType(ContentType.JSON).body(Map.of()).post("/api/cases/{id}/approve", order)
                .then().statusCode(200);
        assertEquals("OP-county-centre", payload(probe.await(Topics.ORDERS_APPROVED, keyed(order), Place.WAIT),
                OrderApproved.class).approvedBy());
    }

    @Test
    void givenACaseThatClimbedToTheCounty_onlyTheCountyCentreAssignsIt() {
        Place place = new Place(probe, 606);
        place.project("rare");
        place.project("visit");
        place.team("county", Tier.COUNTY, 5, "visit"); // a county team, though not one offering the need
        UUID order = place.order("rare", Urgency.ROUTINE);
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", order).then()
                .body("status", equalTo("WAITING")).body("tier", equalTo("COUNTY")).body("unserved", equalTo(true)));

        refused(Auth.operator("OP-606", place.town).contentType(ContentType.JSON)
                .body(Map.of("teamCode", place.code("county"))).post("/api/cases/{id}/assign", order))
                .then().body("detail", containsString("county tier"));
        refused(Auth.operator("OP-606", place.town).contentType(ContentType.JSON)
                .body(Map.of("reason", "nobody can")).post("/api/cases/{id}/reject", order));
        Auth.operator("OP-606", place.town).get("/api/cases/{id}", order).then().statusCode(200) // theirs to see
                .body("status", equalTo("WAITING")).body("unserved", equalTo(true)).body("teamCode", nullValue());
        assertEquals(0, Published.about(probe, Topics.ORDERS_ASSIGNED, order).size());

        Auth.countyCentre().contentType(ContentType.JSON)
                .body(Map.of("teamCode", place.code("county"), "reason", "they will find a way"))
                .post("/api/cases/{id}/assign", order)
                .then().statusCode(200).body("status", equalTo("ASSIGNED")).body("teamCode", equalTo(place.code("county")));
        assertEquals("OP-county-centre", place.assigned(order).assignedBy());
    }

    @Test
    void aTownOperatorsDashboardHoldsOnlyTheirTownsCases() {
        Place mine = new Place(probe, 607);
        Place theirs = new Place(probe, 608);
        UUID own = mine.freeTextNeed(UUID.randomUUID());
        UUID other = theirs.freeTextNeed(UUID.randomUUID());
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/dashboard").then()
                .statusCode(200).body("region", equalTo(Auth.COUNTY))
                .body("review.orderId", hasItem(own.toString())).body("review.orderId", hasItem(other.toString())));

        Auth.operator("OP-607", mine.town).get("/api/dashboard").then().statusCode(200)
                .body("region", equalTo(mine.town))
                .body("review.orderId", hasItem(own.toString()))
                .body("review.orderId", not(hasItem(other.toString())))
                .body("review.villageCode", everyItem(startsWith(mine.town)))
                .body("counts.IN_REVIEW", equalTo(1));
        refused(Auth.operator("OP-607", mine.town).queryParam("region", theirs.town).get("/api/dashboard"));
        refused(Auth.operator("OP-607", mine.town).queryParam("region", Auth.COUNTY).get("/api/dashboard"));
        Auth.operator("OP-607", mine.town).queryParam("region", mine.village).get("/api/dashboard").then()
                .statusCode(200).body("region", equalTo(mine.village));
    }

    @Test
    void aTownOperatorsStreamTellsOfTheirTownsChanges_andNotAnotherTowns() throws Exception {
        Place mine = new Place(probe, 609);
        Place theirs = new Place(probe, 610);
        HttpResponse<Stream<String>> changes = openStream(TestTokens.of(Identity.operator("OP-609", mine.town)));
        assertEquals(200, changes.statusCode());
        List<String> heard = new CopyOnWriteArrayList<>();
        CompletableFuture.runAsync(() -> {
            try {
                changes.body().forEach(heard::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        try {
            UUID other = theirs.freeTextNeed(UUID.randomUUID());
            await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", other).then()
                    .statusCode(200));
            UUID own = mine.freeTextNeed(UUID.randomUUID());

            await().atMost(Place.WAIT).until(() -> heard.stream().anyMatch(line -> line.contains(own.toString())));
            assertTrue(heard.stream().noneMatch(line -> line.contains(other.toString())), String.join("\n", heard));
        } finally {
            changes.body().close();
        }
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() throws Exception {
        HttpResponse<Stream<String>> changes = openStream(shortLived(Identity.operator("OP-611", "371322611"),
                Duration.ofSeconds(3)));
        assertEquals(200, changes.statusCode());
        try {
            CompletableFuture.supplyAsync(() -> changes.body().count()).get(30, TimeUnit.SECONDS);
        } finally {
            changes.body().close();
        }
    }

    private HttpResponse<Stream<String>> openStream(String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    private static void asksWhoIsCalling(Response response) {
        response.then().statusCode(401).contentType(containsString("application/problem+json"))
                .body("type", equalTo(UNAUTHORIZED));
    }

    private static Response refused(Response response) {
        response.then().statusCode(403).contentType(containsString("application/problem+json"))
                .body("type", equalTo(FORBIDDEN));
        return response;
    }

    /** A token that expires soon, signed with the key the service trusts. */
    private static String shortLived(Identity who, Duration validFor) {
        Path keys = Path.of(ConfigProvider.getConfig().getValue(FeiyanTestResource.TOKEN_KEYS, String.class));
        return Tokens.in(keys).sign(who, validFor);
    }
}
