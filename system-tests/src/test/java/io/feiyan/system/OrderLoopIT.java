package io.feiyan.system;

import static io.feiyan.testkit.EventProbe.header;
import static io.feiyan.testkit.EventProbe.keyed;
import static io.feiyan.testkit.EventProbe.payload;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.CloudEvents;
import io.feiyan.events.EventType;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderRated;
import io.feiyan.events.Tier;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.servers.EmbeddedDatabase;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.Published;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The order loop across the four services as they ship: packaged applications in their own JVMs,
 * on one Kafka broker and one PostgreSQL server with a database each, with the demo county loaded.
 */
@ExtendWith(RunningFeiyan.class)
class OrderLoopIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CHANGBULING_VILLAGE = "371322206201";

    @Test
    void givenTheDemoCounty_anOperaOrderForAVillageGoesAroundTheWholeLoop() throws Exception {
        // a 飞燕 volunteer registers an elderly villager, then orders for her with her consent; the order is
        // retried until the catalogue has reached intake, which the idempotency key makes safe
        String residentId = DemoCounty.as(DemoCounty.ZHAO_LI).contentType(ContentType.JSON)
                .body(Map.of("name", "赵奶奶", "phone", "13805390000", "idNumber", "371322194809210043",
                        "villageCode", CHANGBULING_VILLAGE, "householdTags", List.of("EMPTY_NEST_ELDERLY")))
                .post(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/residents")
                .then().statusCode(201).extract().path("residentId");
        String key = UUID.randomUUID().toString();
        String orderId = await().atMost(WAIT).until(() -> DemoCounty.as(DemoCounty.ZHAO_LI).contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Map.of("residentId", residentId, "projectCode", "culture-opera", "urgency", "URGENT",
                        "channel", "PROXY", "residentConsent", true))
                .post(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/orders")
                .then().extract(), response -> response.statusCode() == 201).path("orderId");

        // no village or town team offers opera: the county's art light cavalry gets it
        await().atMost(WAIT).untilAsserted(() -> DemoCounty.as(DemoCounty.COUNTY_OPERATOR)
                .get(RunningFeiyan.url(FeiyanService.DISPATCH) + "/api/cases/" + orderId)
                .then().statusCode(200).body("status", equalTo("ASSIGNED"))
                .body("teamCode", equalTo("art-light-cavalry")).body("tier", equalTo("COUNTY")));

        String assignment = RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + orderId;
        String lead = DemoCounty.token(DemoCounty.CAVALRY_LEAD);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(lead).get(assignment).then().statusCode(200));
        given().auth().oauth2(lead).post(assignment + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(lead).contentType(ContentType.JSON).body(Map.of("volunteerHours", 3))
                .post(assignment + "/complete").then().statusCode(200).body("status", equalTo("COMPLETED"));

        String residentToken = DemoCounty.token(Identity.resident(UUID.fromString(residentId)));
        await().atMost(WAIT).until(() -> given().auth().oauth2(residentToken).contentType(ContentType.JSON)
                .body(Map.of("orderId", orderId, "score", 5, "solved", true))
                .post(RunningFeiyan.url(FeiyanService.FEEDBACK) + "/api/ratings").statusCode() == 201);

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(residentToken)
                .get(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/orders/" + orderId)
                .then().statusCode(200)
                .body("status", equalTo("RATED"))
                .body("timeline.step", contains("PLACED", "APPROVED", "ESCALATED", "ESCALATED", "ASSIGNED", "ACCEPTED",
                        "COMPLETED", "RATED")));

        // each service's own database holds its part (dispatch hears of the completion on a topic of its own)
        assertEquals("RATED", DemoCounty.queryOne(FeiyanService.INTAKE, "select status from orders where id = ?", orderId));
        await().atMost(WAIT).until(() -> "COMPLETED".equals(
                DemoCounty.queryOne(FeiyanService.DISPATCH, "select status from dispatch_case where order_id = ?", orderId)));
        assertEquals("COMPLETED 3.00",
                DemoCounty.queryOne(FeiyanService.TEAM, "select status || ' ' || volunteer_hours from assignment where order_id = ?",
                        orderId));
        assertEquals("5", DemoCounty.queryOne(FeiyanService.FEEDBACK, "select score from rating where order_id = ?", orderId));

        // and each topic carries its event, as a CloudEvent keyed by the order id
        EventProbe probe = RunningFeiyan.probe();
        assertCloudEvent(probe, EventType.ORDER_PLACED, "intake-service", orderId);
        assertCloudEvent(probe, EventType.ORDER_APPROVED, "dispatch-service", orderId);
        OrderAssigned assigned = payload(assertCloudEvent(probe, EventType.ORDER_ASSIGNED, "dispatch-service",
                orderId), OrderAssigned.class);
        assertEquals(Tier.COUNTY, assigned.tier());
        assertEquals(2, Published.about(probe, EventType.ORDER_ESCALATED.topic(), orderId,
                RunningFeiyan.system().jdbcUrl(FeiyanService.DISPATCH), EmbeddedDatabase.USER,
                EmbeddedDatabase.PASSWORD).size(),
                "village and town have no opera: up to the town, then the county");
        assertCloudEvent(probe, EventType.ORDER_ESCALATED, "dispatch-service", orderId);
        assertCloudEvent(probe, EventType.ORDER_ACCEPTED, "team-service", orderId);
        assertEquals(0, new BigDecimal("3").compareTo(payload(assertCloudEvent(probe, EventType.ORDER_COMPLETED,
                "team-service", orderId), OrderCompleted.class).volunteerHours()));
        assertEquals(5, payload(assertCloudEvent(probe, EventType.ORDER_RATED, "feedback-service", orderId),
                OrderRated.class).score());
    }

    @Test
    void aDemoAccountIsTheSamePersonAsTheRegistrysVolunteer_andEveryDemoVillageHasOneOnDuty() {
        DemoCounty.awaitLoaded();
        String zhaoLi = DemoCounty.token(DemoCounty.ZHAO_LI);
        String volunteer = given().auth().oauth2(zhaoLi).get(RunningFeiyan.url(FeiyanService.TEAM) + "/api/me")
                .then().statusCode(200).body("id", equalTo("V-zhao-li")).extract().path("volunteer");
        String admin = DemoCounty.token(Identity.admin("ADM-county-centre"));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin)
                .get(RunningFeiyan.url(FeiyanService.TEAM) + "/api/volunteers/" + volunteer).then().statusCode(200)
                .body("villageCode", equalTo(DemoCounty.CHANGBULING_VILLAGE))
                .body("teamCodes", contains("changbuling-feiyan")));
        String lead = given().auth().oauth2(DemoCounty.token(DemoCounty.CAVALRY_LEAD))
                .get(RunningFeiyan.url(FeiyanService.TEAM) + "/api/me").then().extract().path("volunteer");
        given().auth().oauth2(admin).get(RunningFeiyan.url(FeiyanService.TEAM) + "/api/volunteers/" + lead).then()
                .statusCode(200).body("teamCodes", contains("art-light-cavalry"));

        for (String village : List.of(DemoCounty.CHANGBULING_VILLAGE, "371322107202", "371322107203")) {
            given().auth().oauth2(admin).get(RunningFeiyan.url(FeiyanService.TEAM) + "/api/volunteers/on-duty?village="
                    + village).then().statusCode(200).body("villageCode", equalTo(village))
                    .body("volunteer.name", notNullValue());
        }
    }

    @Test
    void everyServiceKnowsTheCallerFromAKeycloakToken() {
        String token = DemoCounty.token(DemoCounty.QUANYUAN_OPERATOR);
        for (FeiyanService service : FeiyanService.values()) {
            given().auth().oauth2(token).get(RunningFeiyan.url(service) + "/api/me").then().statusCode(200)
                    .body("id", equalTo("OP-quanyuan-2")).body("region", equalTo("371322206"));
            given().get(RunningFeiyan.url(service) + "/api/me").then().statusCode(401);
        }
    }

    @Test
    void theReadmeWalkThroughWorksAsPrinted() throws Exception {
        DemoCounty.awaitLoaded();
        String script = walkThrough()
                .replace("http://localhost:8081", RunningFeiyan.url(FeiyanService.INTAKE))
                .replace("http://localhost:8082", RunningFeiyan.url(FeiyanService.DISPATCH))
                .replace("http://localhost:8083", RunningFeiyan.url(FeiyanService.TEAM))
                .replace("http://localhost:8084", RunningFeiyan.url(FeiyanService.FEEDBACK))
                .replace("source data/tokens.env", "source " + RunningFeiyan.system().tokensFile());

        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, bash.waitFor(), output);
        String[] lines = output.strip().split("\n");
        String lastAnswer = lines[lines.length - 1];
        assertTrue(lastAnswer.contains("\"status\":\"RATED\""), output);
        assertEquals(8, lastAnswer.split("\"step\":").length - 1, output);
        assertFalse(output.contains("/problems/"), "no step of the walk-through may fail: " + output);
    }

    /** The bash block under the README's "Walk-through" heading, exactly as a reader copies it. */
    private static String walkThrough() throws IOException {
        Path readme = RunningFeiyan.root().resolve("README.md");
        String text = Files.readString(readme);
        int section = text.indexOf("## Walk-through");
        int start = text.indexOf("```bash\n", section) + "```bash\n".length();
        return text.substring(start, text.indexOf("\n```", start));
    }

    private static ConsumerRecord<String, String> assertCloudEvent(EventProbe probe, EventType type, String source,
            String orderId) {
        ConsumerRecord<String, String> record = probe.await(type.topic(), keyed(orderId), WAIT);
        assertEquals(CloudEvents.SPEC_VERSION_1_0, header(record, CloudEvents.SPEC_VERSION));
        assertEquals(type.ceType(), header(record, CloudEvents.TYPE));
        assertEquals(CloudEvents.source(source), header(record, CloudEvents.SOURCE));
        assertEquals(orderId, header(record, CloudEvents.SUBJECT));
        assertEquals(CloudEvents.JSON, header(record, CloudEvents.CONTENT_TYPE));
        assertDoesNotThrow(() -> UUID.fromString(header(record, CloudEvents.ID)));
        assertDoesNotThrow(() -> Instant.parse(header(record, CloudEvents.TIME)));
        Contracts.assertMatchesSchema(type, record.value());
        return record;
    }
}
