package io.feiyan.intake;

import static io.feiyan.embedded.EventProbe.header;
import static io.feiyan.embedded.EventProbe.keyed;
import static io.feiyan.embedded.EventProbe.payload;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.embedded.EventProbe;
import io.feiyan.events.Channel;
import io.feiyan.events.CloudEvents;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.ProjectUpdated;
import io.feiyan.events.TeamUpdated;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.events.Urgency;
import io.feiyan.intake.domain.Order;
import io.feiyan.intake.domain.Project;
import io.feiyan.intake.domain.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderTests {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String VILLAGE = "371322206201";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @BeforeEach
    void givenTheCatalogueAndTeamsArrivedFromTeamService() {
        try (EventProbe probe = new EventProbe(kafka)) {
            probe.publish(new ProjectUpdated("culture-opera", "Peking opera", "CULTURE", List.of(), true));
            probe.publish(new TeamUpdated("art-light-cavalry", "文艺轻骑兵", Tier.COUNTY, "371322",
                    List.of("culture-opera"), 20, true));
        }
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(
                () -> Project.findById("culture-opera") != null && Team.findById("art-light-cavalry") != null));
    }

    @Test
    void givenAProxyOrder_whenPlaced_then201AndOrderPlacedIsPublishedKeyedByTheOrderId() {
        UUID resident = UUID.randomUUID();
        String orderId = given().contentType(ContentType.JSON).body(proxyOrder(resident))
                .post("/api/orders")
                .then().statusCode(201)
                .body("status", equalTo("PLACED"))
                .body("timeline.text", contains("Placed by 飞燕 volunteer V-3713-0042 on the resident's behalf"))
                .extract().path("orderId");

        try (EventProbe probe = new EventProbe(kafka)) {
            ConsumerRecord<String, String> record = probe.await(Topics.ORDERS_PLACED, keyed(orderId), WAIT);
            assertEquals("feiyan.order.placed.v1", header(record, CloudEvents.TYPE));
            assertEquals("/feiyan/intake-service", header(record, CloudEvents.SOURCE));
            assertEquals(orderId, header(record, CloudEvents.SUBJECT));
            OrderPlaced placed = payload(record, OrderPlaced.class);
            assertEquals(resident, placed.residentId());
            assertEquals(Channel.PROXY, placed.channel());
            assertEquals("V-3713-0042", placed.volunteerId());
        }
    }

    @Test
    void givenAnIdempotencyKey_whenThePostIsRetried_thenTheFirstOrderComesBackAndNothingNewIsPlaced() {
        UUID resident = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(proxyOrder(resident))
                .post("/api/orders")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .extract().path("orderId");
        String second = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(proxyOrder(resident))
                .post("/api/orders")
                .then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .extract().path("orderId");

        assertEquals(first, second);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Order.count("residentId", resident)));
    }

    @Test
    void givenAnOrderWithBadFields_thenEveryReasonIsGivenAsProblemJsonAndNothingIsWritten() {
        UUID resident = UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(proxyOrder(resident));
        body.remove("volunteerId");
        body.put("villageCode", "371322206");
        given().contentType(ContentType.JSON).body(body)
                .post("/api/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/invalid-request"))
                .body("field", equalTo("villageCode"))
                .body("errors.field", contains("villageCode", "volunteerId"));

        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Order.count("residentId", resident)));
    }

    @Test
    void anOrderForAProjectNotInTheCatalogueIsRefused() {
        Map<String, Object> body = new HashMap<>(proxyOrder(UUID.randomUUID()));
        body.put("projectCode", "no-such-project");
        given().contentType(ContentType.JSON).body(body)
                .post("/api/orders")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/unknown-project"))
                .body("field", equalTo("projectCode"));
    }

    @Test
    void anUnknownOrderIs404ProblemJson() {
        given().get("/api/orders/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/not-found"));
    }

    @Test
    void givenEventsArrivingOutOfOrderAndTwice_thenTheTimelineHasEachStepOnceInTheOrderTheyHappened() {
        String orderId = given().contentType(ContentType.JSON).body(proxyOrder(UUID.randomUUID()))
                .post("/api/orders").then().statusCode(201).extract().path("orderId");
        UUID id = UUID.fromString(orderId);
        Instant assignedAt = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        Instant deadline = assignedAt.plus(Duration.ofDays(7));
        UUID acceptedEventId = UUID.randomUUID();

        try (EventProbe probe = new EventProbe(kafka)) {
            // the acceptance reaches intake before the assignment it follows, and is then delivered again
            probe.publish(new OrderAccepted(id, "art-light-cavalry", assignedAt.plusSeconds(60)), acceptedEventId);
            probe.publish(new OrderAccepted(id, "art-light-cavalry", assignedAt.plusSeconds(60)), acceptedEventId);
            awaitStatus(orderId, "ACCEPTED");
            probe.publish(new OrderAssigned(id, "art-light-cavalry", Tier.COUNTY, "culture-opera", deadline,
                    assignedAt));
        }

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/orders/{id}", orderId)
                .then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("timeline.step", contains("PLACED", "ASSIGNED", "ACCEPTED"))
                .body("timeline[1].text", equalTo(
                        "Reviewed and assigned to 文艺轻骑兵 at county tier, to deliver by "
                                + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(
                                        deadline.atZone(ZoneId.of("Asia/Shanghai"))) + " +08:00"))
                .body("timeline[2].text", equalTo("Accepted by 文艺轻骑兵")));
        given().get("/api/orders/{id}", orderId).then().body("timeline", hasSize(3));
    }

    private static void awaitStatus(String orderId, String status) {
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/orders/{id}", orderId)
                .then().body("status", equalTo(status)));
    }

    private static Map<String, Object> proxyOrder(UUID resident) {
        return Map.of("residentId", resident.toString(), "projectCode", "culture-opera", "villageCode", VILLAGE,
                "urgency", Urgency.ROUTINE.name(), "channel", "PROXY", "volunteerId", "V-3713-0042");
    }
}
