package io.feiyan.intake;

import static io.feiyan.intake.Fixtures.CHANGBULING;
import static io.feiyan.intake.Fixtures.WAIT;
import static io.feiyan.intake.Fixtures.proxyOrder;
import static io.feiyan.intake.Fixtures.registerResident;
import static io.feiyan.testkit.EventProbe.header;
import static io.feiyan.testkit.EventProbe.keyed;
import static io.feiyan.testkit.EventProbe.payload;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.Channel;
import io.feiyan.events.CloudEvents;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderCancelled;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.TeamUpdated;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.intake.domain.Order;
import io.feiyan.intake.domain.Team;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.feiyan.testkit.Published;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@FeiyanTest
class OrderTests {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @InjectEventProbe
    EventProbe probe;

    @BeforeEach
    void givenTheCatalogue() {
        Fixtures.givenTheCatalogue(probe);
    }

    @Test
    void givenAProxyOrder_whenPlaced_thenOrderPlacedIsPublishedKeyedByOrderIdWithNoPersonalData() {
        UUID resident = registerResident(CHANGBULING);
        Map<String, Object> body = proxyOrder(resident);
        body.put("description", "Grandma Wu has not heard Peking opera for years");
        String orderId = Auth.volunteer().contentType(ContentType.JSON).body(body)
                .post("/api/orders")
                .then().statusCode(201)
                .body("status", equalTo("PLACED"))
                .body("villageCode", equalTo(CHANGBULING))
                .body("category", equalTo("CULTURE"))
                .body("timeline.text", contains(
                        "Placed by 飞燕 volunteer V-3713-0042 on the resident's behalf, with the resident's consent"))
                .extract().path("orderId");

        ConsumerRecord<String, String> record = probe.await(Topics.ORDERS_PLACED, keyed(orderId), WAIT);
        assertEquals("feiyan.order.placed.v1", header(record, CloudEvents.TYPE));
        assertEquals(orderId, header(record, CloudEvents.SUBJECT));
        OrderPlaced placed = payload(record, OrderPlaced.class);
        assertEquals(resident, placed.residentId());
        assertEquals(Channel.PROXY, placed.channel());
        assertFalse(placed.needsReview());
        assertFalse(record.value().contains("吴") || record.value().contains("1380539")
                || record.value().contains("Grandma"), "no personal data leaves intake: " + record.value());
    }

    @Test
    void aNeedSolvedOnTheSpot_isPlacedWithTheVolunteersHours_byARegisteredVolunteerOfAVillageWithA飞燕Team() {
        UUID resident = registerResident(CHANGBULING);
        UUID registryId = UUID.randomUUID();
        Identity zhao = new Identity("V-3713-0042", List.of("volunteer"), CHANGBULING, null, null, registryId);
        Map<String, Object> body = proxyOrder(resident);
        body.put("solvedOnTheSpot", Map.of("hours", 30));
        Auth.as(zhao).contentType(ContentType.JSON).body(body).post("/api/orders")
                .then().statusCode(400).body("field", equalTo("solvedOnTheSpot.hours"));
        body.put("solvedOnTheSpot", Map.of("hours", 1.5));
        Auth.volunteer().contentType(ContentType.JSON).body(body).post("/api/orders")
                .then().statusCode(422).body("type", endsWith("/not-a-registered-volunteer"));
        Auth.as(zhao).contentType(ContentType.JSON).body(body).post("/api/orders")
                .then().statusCode(422).body("type", endsWith("/no-village-team"));

        probe.publish(new TeamUpdated("changbuling-feiyan", "长埠岭村飞燕", Tier.VILLAGE, CHANGBULING,
                List.of("elderly-visit"), 5, true));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(
                () -> Team.findById("changbuling-feiyan") != null));
        String orderId = Auth.as(zhao).contentType(ContentType.JSON).body(body).post("/api/orders")
                .then().statusCode(201)
                .body("timeline[0].reason", equalTo("SOLVED_ON_THE_SPOT"))
                .body("timeline[0].hours", equalTo(1.5f))
                .extract().path("orderId");
        OrderPlaced placed = payload(probe.await(Topics.ORDERS_PLACED, keyed(orderId), WAIT), OrderPlaced.class);
        assertEquals(new OrderPlaced.SolvedOnTheSpot(registryId, new BigDecimal("1.5")), placed.solvedOnTheSpot());
    }

    @Test
    void aVolunteerPlacesWhatAResidentOfTheirVillageWroteToTheWeChatAccount_asAWeChatOrderNamingTheVolunteer() {
        UUID resident = registerResident(CHANGBULING);
        Map<String, Object> body = proxyOrder(resident);
        body.put("channel", "WECHAT");
        body.put("description", "家里的水管漏水了");

        String orderId = Auth.volunteer().contentType(ContentType.JSON).body(body).post("/api/orders")
                .then().statusCode(201)
                .body("channel", equalTo("WECHAT"))
                .body("volunteerId", equalTo(Auth.VOLUNTEER))
                .body("timeline[0].text", startsWith("Placed by 飞燕 volunteer " + Auth.VOLUNTEER
                        + " from what the resident wrote to the WeChat public account"))
                .extract().path("orderId");
        OrderPlaced placed = payload(probe.await(Topics.ORDERS_PLACED, keyed(orderId), WAIT), OrderPlaced.class);
        assertEquals(Channel.WECHAT, placed.channel());
        assertEquals(Auth.VOLUNTEER, placed.volunteerId());

        Auth.volunteerOf("371322107202").contentType(ContentType.JSON).body(body).post("/api/orders")
                .then().statusCode(403);
        body.remove("residentConsent");
        Auth.volunteer().contentType(ContentType.JSON).body(body).post("/api/orders")
                .then().statusCode(400).body("field", equalTo("residentConsent"));
        Auth.as(Identity.operator("OP-quanyuan-2", "371322206")).contentType(ContentType.JSON).body(body)
                .post("/api/orders")
                .then().statusCode(400).body("field", equalTo("channel"));
    }

    @Test
    void aProxyOrderNeedsTheResidentsConsentAndAPhoneOrderIsTakenByAnOperatorNamedByTheirToken() {
        UUID resident = registerResident(CHANGBULING);
        Map<String, Object> body = proxyOrder(resident);
        body.remove("residentConsent");
        Auth.volunteer().contentType(ContentType.JSON).body(body).post("/api/orders")
                .then().statusCode(400).body("field", equalTo("residentConsent"));

        Map<String, Object> phone = proxyOrder(resident);
        phone.put("channel", "PHONE");
        Auth.volunteer().contentType(ContentType.JSON).body(phone).post("/api/orders")
                .then().statusCode(400).body("field", equalTo("channel"))
                .body("errors[0].reason", startsWith("is PHONE for an operator"));

        Auth.as(Identity.operator("OP-quanyuan-2", "371322206")).contentType(ContentType.JSON).body(phone)
                .post("/api/orders")
                .then().statusCode(201)
                .body("volunteerId", nullValue())
                .body("timeline[0].text", equalTo("Taken on the phone by station operator OP-quanyuan-2"));
    }

    @Test
    void givenAFreeTextNeed_thenItIsPlacedForReviewAndItsWordsStayInIntake() {
        UUID resident = registerResident(CHANGBULING);
        String orderId = Auth.resident(resident).contentType(ContentType.JSON)
                .body(Map.of("category", "DAILY_LIFE",
                        "description", "The well pump in the yard stopped working", "urgency", "URGENT",
                        "channel", "APP", "preferredTo", Instant.now().plus(Duration.ofDays(2)).toString()))
                .post("/api/orders")
                .then().statusCode(201)
                .body("projectCode", nullValue())
                .body("description", equalTo("The well pump in the yard stopped working"))
                .body("timeline[0].text", equalTo(
                        "Placed by the resident in the app; a need in the resident's words, for review"))
                .extract().path("orderId");

        ConsumerRecord<String, String> record = probe.await(Topics.ORDERS_PLACED, keyed(orderId), WAIT);
        OrderPlaced placed = payload(record, OrderPlaced.class);
        assertTrue(placed.needsReview());
        assertNull(placed.projectCode());
        assertEquals("DAILY_LIFE", placed.category());
        assertFalse(record.value().contains("pump"), "the description stays in intake");
    }

    @Test
    void aFreeTextNeedNeedsItsWordsAndNoMoreThan4000OfThem() {
        UUID resident = registerResident(CHANGBULING);
        Auth.resident(resident).contentType(ContentType.JSON)
                .body(Map.of("residentId", resident.toString(), "category", "DAILY_LIFE", "urgency", "URGENT",
                        "channel", "APP"))
                .post("/api/orders").then().statusCode(400).body("field", equalTo("description"));
        Auth.resident(resident).contentType(ContentType.JSON)
                .body(Map.of("residentId", resident.toString(), "category", "DAILY_LIFE", "urgency", "URGENT",
                        "channel", "APP", "description", "x".repeat(4001)))
                .post("/api/orders").then().statusCode(400).body("field", equalTo("description"));
    }

    @Test
    void anOrderForAnUnregisteredResidentOrAProjectNotInTheCatalogueIsRefused() {
        Auth.volunteer().contentType(ContentType.JSON).body(proxyOrder(UUID.randomUUID())).post("/api/orders")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/unknown-resident"))
                .body("field", equalTo("residentId"));

        Map<String, Object> body = proxyOrder(registerResident(CHANGBULING));
        body.put("projectCode", "no-such-project");
        Auth.volunteer().contentType(ContentType.JSON).body(body).post("/api/orders")
                .then().statusCode(422)
                .body("type", equalTo("https://feiyan.io/problems/unknown-project"))
                .body("field", equalTo("projectCode"));
    }

    @Test
    void givenAnIdempotencyKey_whenThePostIsRetried_thenTheFirstOrderComesBackAndNothingNewIsPlaced() {
        UUID resident = registerResident(CHANGBULING);
        String key = UUID.randomUUID().toString();
        String first = Auth.volunteer().contentType(ContentType.JSON).header("Idempotency-Key", key).body(proxyOrder(resident))
                .post("/api/orders")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .extract().path("orderId");
        String second = Auth.volunteer().contentType(ContentType.JSON).header("Idempotency-Key", key).body(proxyOrder(resident))
                .post("/api/orders")
                .then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .extract().path("orderId");

        assertEquals(first, second);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Order.count("residentId", resident)));
    }

    @Test
    void givenAnOpenOrderForTheProject_thenASecondIsRefusedPointingAtIt_unlessItIsANewNeed() {
        UUID resident = registerResident(CHANGBULING);
        String first = Auth.volunteer().contentType(ContentType.JSON).body(proxyOrder(resident)).post("/api/orders")
                .then().statusCode(201).extract().path("orderId");

        Auth.volunteer().contentType(ContentType.JSON).body(proxyOrder(resident)).post("/api/orders")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/duplicate-order"))
                .body("existingOrderId", equalTo(first));

        Map<String, Object> again = proxyOrder(resident);
        again.put("newNeed", true);
        Auth.volunteer().contentType(ContentType.JSON).body(again).post("/api/orders").then().statusCode(201);
    }

    @Test
    void givenAResidentsOwnOpenOrder_thenTheirSecondForTheProjectIsRefused_theirIdTakenFromTheirToken() {
        UUID grandma = registerResident(CHANGBULING);
        Map<String, Object> own = Map.of("projectCode", "culture-opera", "urgency", "ROUTINE");
        String first = Auth.resident(grandma).contentType(ContentType.JSON).body(own).post("/api/orders")
                .then().statusCode(201).body("channel", equalTo("APP")).extract().path("orderId");

        Auth.resident(grandma).contentType(ContentType.JSON).body(own).post("/api/orders")
                .then().statusCode(409)
                .body("type", equalTo("https://feiyan.io/problems/duplicate-order"))
                .body("existingOrderId", equalTo(first));
    }

    @Test
    void givenBadFields_thenEveryReasonIsGivenAsProblemJsonAndNothingIsWritten() {
        UUID resident = registerResident(CHANGBULING);
        Map<String, Object> body = proxyOrder(resident);
        body.remove("residentConsent");
        body.put("villageCode", "371322206");
        Auth.volunteer().contentType(ContentType.JSON).body(body)
                .post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/invalid-request"))
                .body("field", equalTo("villageCode"))
                .body("errors.field", contains("villageCode", "residentConsent"));

        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Order.count("residentId", resident)));
    }

    @Test
    void givenAnOrderNotYetAccepted_whenCancelled_thenOrderCancelledIsPublishedAndCancellingAgainChangesNothing() {
        String orderId = Auth.volunteer().contentType(ContentType.JSON).body(proxyOrder(registerResident(CHANGBULING)))
                .post("/api/orders").then().statusCode(201).extract().path("orderId");
        Map<String, Object> cancellation = Map.of("reason", "SOLVED_OTHERWISE", "note", "her son fixed it");

        Auth.volunteer().contentType(ContentType.JSON).body(cancellation).post("/api/orders/{id}/cancel", orderId)
                .then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("timeline[1].text", equalTo("Cancelled: solved otherwise (her son fixed it)"));
        Auth.volunteer().contentType(ContentType.JSON).body(cancellation).post("/api/orders/{id}/cancel", orderId)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));

        assertEquals(OrderCancelled.CancelReason.SOLVED_OTHERWISE, payload(probe.await(Topics.ORDERS_CANCELLED,
                keyed(orderId), WAIT), OrderCancelled.class).reason());
        assertEquals(1, Published.about(probe, Topics.ORDERS_CANCELLED, orderId).size());
    }

    @Test
    void givenATeamHasAccepted_thenCancellingIsRefusedSayingWhy() {
        String orderId = Auth.volunteer().contentType(ContentType.JSON).body(proxyOrder(registerResident(CHANGBULING)))
                .post("/api/orders").then().statusCode(201).extract().path("orderId");
        probe.publish(new OrderAccepted(UUID.fromString(orderId), "art-light-cavalry", Instant.now()));
        Fixtures.awaitStatus(orderId, "ACCEPTED");

        Auth.volunteer().contentType(ContentType.JSON).body(Map.of("reason", "NO_LONGER_NEEDED"))
                .post("/api/orders/{id}/cancel", orderId)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/order-not-cancellable"))
                .body("detail", equalTo("a team has accepted this order and is getting ready to serve; "
                        + "ask the team or the village station to call it off"));
    }

    @Test
    void anUnknownOrderIs404ProblemJson() {
        Auth.volunteer().get("/api/orders/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/not-found"));
    }
}
