package io.feiyan.system;

import static io.feiyan.testkit.EventProbe.header;
import static io.feiyan.testkit.EventProbe.keyed;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.feiyan.events.CloudEvents;
import io.feiyan.events.EventType;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.EventProbe;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One order's path through the four services is one trace: the request that places it starts the trace, each
 * service continues it from the traceparent header of the events it consumes, and what a team lead or a resident
 * does to the order later, in requests of their own, is published into the order's trace too.
 */
@ExtendWith(RunningFeiyan.class)
class TracingIT {
    private static final Duration WAIT = DemoCounty.WAIT;
    private static final List<EventType> THE_LOOP = List.of(EventType.ORDER_PLACED, EventType.ORDER_APPROVED,
            EventType.ORDER_ESCALATED, EventType.ORDER_ASSIGNED, EventType.ORDER_ACCEPTED, EventType.ORDER_COMPLETED,
            EventType.ORDER_RATED);

    @Test
    void everyEventOfAnOrder_onEveryTopic_carriesTheTraceOfTheRequestThatPlacedIt() {
        DemoCounty.awaitLoaded();
        String resident = DemoCounty.registerResident("孙奶奶", "13805394444");
        // placed by intake (a request), approved, escalated and assigned by dispatch (consuming), accepted and
        // completed by team-service (a team lead's requests), rated by feedback (the resident's request)
        String order = DemoCounty.placeOrder(DemoCounty.ZHAO_LI, Map.of("residentId", resident,
                "projectCode", "culture-opera", "urgency", "URGENT", "residentConsent", true));
        String assignment = RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + order;
        String lead = DemoCounty.token(DemoCounty.CAVALRY_LEAD);
        await().atMost(WAIT).until(() -> given().auth().oauth2(lead).post(assignment + "/accept").statusCode() == 200);
        given().auth().oauth2(lead).contentType(ContentType.JSON).body(Map.of("volunteerHours", 2))
                .post(assignment + "/complete").then().statusCode(200);
        String residentToken = DemoCounty.token(Identity.resident(UUID.fromString(resident)));
        await().atMost(WAIT).until(() -> given().auth().oauth2(residentToken).contentType(ContentType.JSON)
                .body(Map.of("orderId", order, "score", 5, "solved", true))
                .post(RunningFeiyan.url(FeiyanService.FEEDBACK) + "/api/ratings").statusCode() == 201);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(residentToken)
                .get(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/orders/" + order)
                .then().statusCode(200).body("status", equalTo("RATED")));

        Map<String, List<String>> traceparents = new LinkedHashMap<>();
        EventProbe probe = RunningFeiyan.probe();
        for (EventType type : THE_LOOP) {
            probe.await(type.topic(), keyed(order), WAIT);
            List<String> ofTheOrder = new ArrayList<>();
            for (ConsumerRecord<String, String> record : probe.published(type.topic())) {
                if (order.equals(record.key())) {
                    ofTheOrder.add(header(record, CloudEvents.TRACEPARENT));
                }
            }
            traceparents.put(type.topic(), ofTheOrder);
        }

        String placed = traceparents.get(EventType.ORDER_PLACED.topic()).get(0);
        assertNotNull(placed, "the placing request started a trace: " + traceparents);
        String traceId = traceId(placed);
        assertFalse(traceId.matches("0+"), placed);
        Set<String> spans = new TreeSet<>();
        traceparents.forEach((topic, values) -> values.forEach(traceparent -> {
            assertNotNull(traceparent, topic + " carries a traceparent: " + traceparents);
            assertEquals(traceId, traceId(traceparent), topic + " is in the order's trace: " + traceparents);
            spans.add(traceparent.split("-")[2]);
        }));
        assertEquals(2, traceparents.get(EventType.ORDER_ESCALATED.topic()).size(), "village to town to county");
        assertTrue(spans.size() >= 5, "each service publishes under spans of its own: " + traceparents);
    }

    @Test
    void thePackagedServicesLogOneJsonObjectPerLine() throws Exception {
        for (FeiyanService service : FeiyanService.values()) {
            List<String> lines = Files.readAllLines(RunningFeiyan.system().log(service), StandardCharsets.UTF_8);
            List<JsonNode> logged = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith("{")) {
                    logged.add(EventProbe.JSON.readTree(line));
                }
            }
            assertTrue(logged.stream().anyMatch(entry -> entry.path("message").asText().contains("started in")),
                    service.moduleName() + " logs JSON (the prod profile): " + lines.subList(0, Math.min(5, lines.size())));
            logged.forEach(entry -> assertTrue(entry.has("timestamp") && entry.has("level") && entry.has("loggerName"),
                    service.moduleName() + ": " + entry));
        }
    }

    private static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }
}
