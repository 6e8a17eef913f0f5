package io.feiyan.intake;

import static io.feiyan.intake.Fixtures.CHANGBULING;
import static io.feiyan.intake.Fixtures.WAIT;
import static io.feiyan.intake.Fixtures.registerResident;
import static io.feiyan.testkit.EventProbe.header;
import static io.feiyan.testkit.EventProbe.keyed;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.CloudEvents;
import io.feiyan.events.Topics;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.feiyan.testkit.MetricsText;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** intake's metrics at /q/metrics, and the trace the order it places starts. */
@FeiyanTest
class ObservabilityTests {
    private static final String CLIENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";

    @InjectEventProbe
    EventProbe probe;

    @BeforeEach
    void givenTheCatalogue() {
        Fixtures.givenTheCatalogue(probe);
    }

    @Test
    void givenAnOrderPlaced_thenTheGaugeOfPlacedOrdersRises_andTheOutboxEmpties() {
        double placedBefore = metric("feiyan_orders", Map.of("status", "PLACED"));

        Fixtures.placeProxyOrder(registerResident(CHANGBULING));

        await().atMost(WAIT).until(() -> metric("feiyan_orders", Map.of("status", "PLACED")) >= placedBefore + 1);
        for (String status : new String[] {"ASSIGNED", "ACCEPTED", "COMPLETED", "RATED", "CANCELLED", "REJECTED"}) {
            assertTrue(metric("feiyan_orders", Map.of("status", status)) >= 0, status + " has its gauge");
        }
        await().atMost(WAIT).until(() -> metric("feiyan_outbox_unsent", Map.of()) == 0);
        assertEquals(0, metric("feiyan_outbox_oldest_unsent_seconds", Map.of()));
    }

    @Test
    void theOrderPlacedEventCarriesTheTraceOfTheRequestThatPlacedIt() {
        String order = Auth.volunteer().contentType(ContentType.JSON)
                .header("traceparent", "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01")
                .body(Fixtures.proxyOrder(registerResident(CHANGBULING))).post("/api/orders")
                .then().statusCode(201).extract().path("orderId");

        String traceparent = header(probe.await(Topics.ORDERS_PLACED, keyed(order), WAIT), CloudEvents.TRACEPARENT);
        String[] parts = traceparent.split("-");
        assertEquals(CLIENT_TRACE, parts[1], "the request's trace: " + traceparent);
        assertNotEquals(CLIENT_SPAN, parts[2], "intake's own span in it: " + traceparent);
    }

    private static double metric(String name, Map<String, String> labels) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return MetricsText.value(metrics, name, labels)
                .orElseThrow(() -> new AssertionError(name + labels + " is not in /q/metrics"));
    }
}
