package io.feiyan.intake;

import static io.feiyan.intake.Fixtures.CHANGBULING;
import static io.feiyan.intake.Fixtures.awaitStatus;
import static io.feiyan.intake.Fixtures.placeProxyOrder;
import static io.feiyan.intake.Fixtures.proxyOrder;
import static io.feiyan.intake.Fixtures.registerResident;
import static io.feiyan.intake.Fixtures.residentBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.Tier;
import io.feiyan.intake.domain.Order;
import io.feiyan.intake.domain.PersonalDataRead;
import io.feiyan.intake.domain.Resident;
import io.feiyan.platform.security.VerifiedTokens;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.feiyan.testkit.TestTokens;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may see and do what in intake: residents, their volunteers and operators, the team serving an order. */
@FeiyanTest
class AccessTests {
    /** A village of another town than Changbuling's. */
    private static final String CAOCUN = "371322107202";
    private static final String FORBIDDEN = "https://feiyan.io/problems/forbidden";

    @InjectEventProbe
    EventProbe probe;
    @Inject
    JWTParser tokenParser;

    @BeforeEach
    void givenTheCatalogue() {
        Fixtures.givenTheCatalogue(probe);
    }

    @Test
    void withoutATokenNothingButTheMenuAnswers() {
        given().contentType(ContentType.JSON).body(residentBody(CHANGBULING)).post("/api/residents")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
        given().get("/api/orders").then().statusCode(401);
        given().get("/api/residents/{id}", registerResident(CHANGBULING)).then().statusCode(401);
        given().formParam("service_code", "culture-opera").post("/open311/v2/requests.json").then().statusCode(401);
        Auth.as(Identity.analyst("A-1")).get("/api/orders").then().statusCode(403);
        Auth.as(Identity.admin("ADM-1")).get("/api/residents").then().statusCode(403);
    }

    @Test
    void aTokenIsVerifiedOnceAndThenRemembered_butOnlyTheVerySameString() {
        assertInstanceOf(VerifiedTokens.class, ClientProxy.unwrap(tokenParser));
        String token = TestTokens.of(Identity.volunteer(Auth.VOLUNTEER, CHANGBULING));
        given().auth().oauth2(token).get("/api/me").then().statusCode(200);
        given().auth().oauth2(token).get("/api/me").then().statusCode(200);
        // the same claims under a signature that is not the signer's: verified, and refused
        String forged = token.substring(0, token.lastIndexOf('.') + 1)
                + new StringBuilder(token.substring(token.lastIndexOf('.') + 1)).reverse();
        given().auth().oauth2(forged).get("/api/me").then().statusCode(401);
    }

    @Test
    void aVolunteerOfAnotherVillageCanNeitherSeeNorOrderNorCancel_andNothingChanges() {
        UUID grandma = registerResident(CHANGBULING);
        String orderId = placeProxyOrder(grandma);
        var stranger = Auth.volunteerOf(CAOCUN);

        stranger.get("/api/residents/{id}", grandma).then().statusCode(403).body("type", equalTo(FORBIDDEN));
        Auth.volunteerOf(CAOCUN).get("/api/orders/{id}", orderId).then().statusCode(403);
        Auth.volunteerOf(CAOCUN).get("/api/orders/{id}/contact", orderId).then().statusCode(403);
        Auth.volunteerOf(CAOCUN).queryParam("village", CHANGBULING).get("/api/orders").then().statusCode(403);
        Auth.volunteerOf(CAOCUN).get("/api/orders").then().statusCode(200)
                .body("items.orderId", not(hasItem(orderId)));
        Map<String, Object> another = proxyOrder(grandma);
        another.put("newNeed", true);
        Auth.volunteerOf(CAOCUN).contentType(ContentType.JSON).body(another).post("/api/orders")
                .then().statusCode(403).body("type", equalTo(FORBIDDEN));
        Auth.volunteerOf(CAOCUN).contentType(ContentType.JSON).body(Map.of("reason", "NO_LONGER_NEEDED"))
                .post("/api/orders/{id}/cancel", orderId).then().statusCode(403);
        Map<String, Object> newcomer = residentBody(CHANGBULING);
        Auth.volunteerOf(CAOCUN).contentType(ContentType.JSON).body(newcomer).post("/api/residents")
                .then().statusCode(403);

        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Order.count("residentId", grandma)));
        Auth.volunteer().get("/api/orders/{id}", orderId).then().body("status", equalTo("PLACED"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew()
                .call(() -> Resident.count("idNumber", newcomer.get("idNumber"))));
    }

    @Test
    void aResidentSeesOnlyTheirOwn() {
        UUID grandma = registerResident(CHANGBULING);
        UUID neighbour = registerResident(CHANGBULING);
        String theirs = placeProxyOrder(neighbour);

        Auth.resident(grandma).get("/api/residents/{id}", neighbour).then().statusCode(403);
        Auth.resident(grandma).get("/api/orders/{id}", theirs).then().statusCode(403);
        Auth.resident(grandma).get("/api/orders").then().statusCode(200).body("total", equalTo(0));
        Auth.resident(grandma).contentType(ContentType.JSON)
                .body(Map.of("residentId", neighbour.toString(), "projectCode", "culture-opera", "urgency", "ROUTINE"))
                .post("/api/orders").then().statusCode(403);
        Auth.resident(grandma).contentType(ContentType.JSON)
                .body(Map.of("projectCode", "culture-opera", "urgency", "ROUTINE"))
                .post("/api/orders").then().statusCode(201)
                .body("residentId", equalTo(grandma.toString())).body("channel", equalTo("APP"));
    }

    @Test
    void fullNumbersGoToTheResidentAndTheirVolunteers_operatorsSeeThemMasked_andEachShowingIsLogged() {
        UUID grandma = registerResident(CHANGBULING);

        Auth.operatorOf("371322206").get("/api/residents/{id}", grandma).then().statusCode(200)
                .body("masked", equalTo(true)).body("phone", equalTo("138****1234"));
        Auth.operatorOf("371322107").get("/api/residents/{id}", grandma).then().statusCode(403);
        Auth.resident(grandma).get("/api/residents/{id}", grandma).then().statusCode(200)
                .body("masked", equalTo(false)).body("phone", equalTo("13805391234"));
        Auth.volunteer().get("/api/residents/{id}", grandma).then().statusCode(200)
                .body("masked", equalTo(false)).body("guardian.phone", equalTo("13905395678"));

        Auth.resident(grandma).get("/api/residents/{id}/personal-data-reads", grandma).then().statusCode(200)
                .body("reader", contains(Auth.VOLUNTEER, "resident-" + grandma))
                .body("why", contains("volunteer of the resident's village " + CHANGBULING,
                        "the resident's own record"));
        Auth.volunteer().get("/api/residents/{id}/personal-data-reads", grandma).then().statusCode(403);
        Auth.as(Identity.admin("ADM-1")).get("/api/residents/{id}/personal-data-reads", grandma).then()
                .statusCode(200).body("size()", equalTo(2));
    }

    @Test
    void theTeamAnOrderIsWithReadsIt_andOnceItHasAcceptedItReachesTheResident_loggedForTheResident() {
        UUID grandma = registerResident(CHANGBULING);
        String orderId = placeProxyOrder(grandma);
        UUID id = UUID.fromString(orderId);
        var cavalry = Identity.teamMember("M-cavalry", "art-light-cavalry");
        Instant now = Instant.now();
        probe.publish(new OrderAssigned(id, "art-light-cavalry", Tier.COUNTY, "culture-opera",
                now.plus(Duration.ofHours(2)), now.plus(Duration.ofDays(3)), null, null, now));
        awaitStatus(orderId, "ASSIGNED");

        Auth.as(cavalry).get("/api/orders/{id}", orderId).then().statusCode(200)
                .body("projectCode", equalTo("culture-opera"));
        Auth.as(cavalry).get("/api/orders/{id}/contact", orderId).then().statusCode(403);
        Auth.as(Identity.teamMember("M-other", "quanyuan-institute")).get("/api/orders/{id}", orderId)
                .then().statusCode(403);

        probe.publish(new OrderAccepted(id, "art-light-cavalry", now.plusSeconds(1)));
        awaitStatus(orderId, "ACCEPTED");
        Auth.as(cavalry).get("/api/orders/{id}/contact", orderId).then().statusCode(200)
                .body("name", equalTo("吴秀英")).body("phone", equalTo("13805391234"))
                .body("guardianPhone", equalTo("13905395678"));

        PersonalDataRead read = QuarkusTransaction.requiringNew()
                .call(() -> PersonalDataRead.<PersonalDataRead>find("residentId", grandma).singleResult());
        assertEquals("M-cavalry", read.reader);
        assertEquals(id, read.orderId);
        assertEquals("team art-light-cavalry serves the order", read.why);
    }

    @Test
    void theNotifierReadsTheResidentsPhoneToTextThemOfTheirOrder_loggedWithWhy_andNoOneElseReadsItSo() {
        UUID grandma = registerResident(CHANGBULING);
        UUID neighbour = registerResident(CHANGBULING);
        String orderId = placeProxyOrder(grandma);
        String phoneForNotification = "/api/residents/{id}/phone-for-notification";

        Auth.as(Identity.notifier("notification-service")).queryParam("order", orderId)
                .queryParam("kind", "ORDER_ACCEPTED").get(phoneForNotification, grandma)
                .then().statusCode(200).body("phone", equalTo("13805391234"));

        PersonalDataRead read = QuarkusTransaction.requiringNew()
                .call(() -> PersonalDataRead.<PersonalDataRead>find("residentId", grandma).singleResult());
        assertEquals("notification-service", read.reader);
        assertEquals("notifier", read.readerRoles);
        assertEquals(UUID.fromString(orderId), read.orderId);
        assertEquals("to text them of order " + orderId + ": ORDER_ACCEPTED", read.why);

        for (Identity other : new Identity[] {Identity.volunteer(Auth.VOLUNTEER, CHANGBULING),
                Identity.teamLead("L-cavalry", "art-light-cavalry"), Identity.resident(grandma),
                Identity.operator("OP-1", "371322")}) {
            Auth.as(other).queryParam("order", orderId).queryParam("kind", "ORDER_ACCEPTED")
                    .get(phoneForNotification, grandma).then().statusCode(403).body("type", equalTo(FORBIDDEN));
        }
        // the order names whose phone it needs: not a neighbour's
        Auth.as(Identity.notifier("notification-service")).queryParam("order", orderId)
                .queryParam("kind", "ORDER_ACCEPTED").get(phoneForNotification, neighbour)
                .then().statusCode(403).body("type", equalTo(FORBIDDEN));
        Auth.as(Identity.notifier("notification-service")).queryParam("kind", "ORDER_ACCEPTED")
                .get(phoneForNotification, grandma).then().statusCode(400).body("field", equalTo("order"));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> PersonalDataRead.count(
                "residentId in ?1", List.of(grandma, neighbour))));
    }
}
