package io.feiyan.dispatch;

import static io.feiyan.testkit.EventProbe.header;
import static io.feiyan.testkit.EventProbe.keyed;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.Channel;
import io.feiyan.events.CloudEvents;
import io.feiyan.events.EventType;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.events.Urgency;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.feiyan.testkit.MetricsText;
import io.feiyan.testkit.Published;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What operations sees of dispatch: its metrics at /q/metrics, and the trace each order's events carry. */
@FeiyanTest
class ObservabilityTests {
    @InjectEventProbe
    EventProbe probe;

    @Inject
    EntityManager entityManager;

    @Test
    void givenOrdersAssignedAndEscalated_thenTheCaseGaugesAndTheEscalationCounterRise() {
        Place place = new Place(probe, 701);
        place.project("visit");
        place.team("village", Tier.VILLAGE, 1, "visit");
        place.team("town", Tier.TOWN, 5, "visit");
        Map<String, String> toTown = Map.of("reason", "NO_TEAM_AVAILABLE", "to_tier", "TOWN");
        double escalationsBefore = metric("feiyan_escalations_total", toTown);

        UUID first = place.order("visit", Urgency.ROUTINE);
        place.assigned(first); // the village team's one place
        UUID second = place.order("visit", Urgency.ROUTINE);
        place.assigned(second); // up to the town: the village team is full

        // the gauge tells how many cases are assigned — ours among them — as the database has it at the moment: the
        // module's other cases may move meanwhile (a directory change routes waiting ones again), so the gauge is
        // compared with a count read around it, not with a count from before
        await().atMost(Place.WAIT).until(() -> {
            long before = casesAssigned();
            double gauge = metric("feiyan_cases", Map.of("status", "ASSIGNED"));
            return before == casesAssigned() && gauge == before;
        });
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from dispatch_case where status = 'ASSIGNED' and order_id in (?1, ?2)")
                .setParameter(1, first).setParameter(2, second).getSingleResult()).longValue()), "ours among them");
        await().atMost(Place.WAIT).until(() -> metric("feiyan_escalations_total", toTown) >= escalationsBefore + 1);
        // every status has its gauge, at 0 when no case is in it
        for (String status : new String[] {"IN_REVIEW", "WAITING", "ACCEPTED", "COMPLETED", "CANCELLED", "REJECTED"}) {
            assertTrue(metric("feiyan_cases", Map.of("status", status)) >= 0, status);
        }
    }

    private long casesAssigned() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from dispatch_case where status = 'ASSIGNED'").getSingleResult()).longValue());
    }

    @Test
    void theOutboxBacklogAndTheConsumersLagAreMetrics() {
        Place place = new Place(probe, 702);
        place.project("visit");
        place.team("village", Tier.VILLAGE, 5, "visit");
        place.assigned(place.order("visit", Urgency.ROUTINE));

        // the relay has sent everything: nothing waits, and nothing has waited for long
        await().atMost(Place.WAIT).until(() -> metric("feiyan_outbox_unsent", Map.of()) == 0);
        assertEquals(0, metric("feiyan_outbox_oldest_unsent_seconds", Map.of()));
        // the Kafka clients' own metrics: how far behind each consumer (one per channel: the order topics, the
        // reference data) is (NaN while it has fetched nothing in the window); per topic and partition too
        // (kafka_consumer_fetch_manager_records_lag), from the first refresh of the client's metrics after its
        // partitions are assigned
        assertTrue(MetricsText.value(scrape(), "kafka_consumer_fetch_manager_records_lag_max",
                Map.of("client_id", "kafka-consumer-orders")).isPresent());
        assertTrue(MetricsText.value(scrape(), "kafka_consumer_fetch_manager_records_lag_max",
                Map.of("client_id", "kafka-consumer-reference-data")).isPresent());
    }

    @Test
    void givenAMessageNoConsumerCanRead_thenTheDeadLetterCounterOfItsTopicRises() {
        Map<String, String> placed = Map.of("topic", Topics.ORDERS_PLACED);
        double before = metricOrZero("feiyan_dead_letters_total", placed);
        String poisoned = UUID.randomUUID().toString();

        probe.sendRaw(Topics.ORDERS_PLACED, poisoned, "{not json", Map.of(CloudEvents.TYPE, "feiyan.order.placed.v1"));

        probe.await("deadletter.dispatch-service", keyed(poisoned), Place.WAIT); // (its topic may not exist yet)
        await().atMost(Place.WAIT).until(() -> metricOrZero("feiyan_dead_letters_total", placed) >= before + 1);
    }

    @Test
    void noLabelOfAnyFeiyanMetricNamesAnOrderOrAPerson() {
        Place place = new Place(probe, 703);
        place.project("visit");
        place.team("village", Tier.VILLAGE, 5, "visit");
        UUID order = place.order("visit", Urgency.ROUTINE);
        place.assigned(order);

        String metrics = scrape();

        assertFalse(metrics.contains(order.toString()), "no order id in /q/metrics");
        for (String line : metrics.lines().filter(line -> line.startsWith("feiyan_")).toList()) {
            String labels = line.replaceFirst(" # .*", ""); // an exemplar names the trace of its last increment
            assertTrue(labels.matches("feiyan_[a-z_]+(\\{((status|reason|to_tier|topic)=\"[A-Za-z_.-]+\",?)*})? \\S+"),
                    line);
        }
    }

    @Test
    void givenAnOrderPlacedInATrace_thenWhatDispatchPublishesAboutItContinuesThatTrace() {
        Place place = new Place(probe, 704);
        place.project("visit");
        place.team("village", Tier.VILLAGE, 5, "visit");
        place.team("town", Tier.TOWN, 5, "visit");
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String intakeSpan = HexFormat.of().formatHex(randomBytes(8));
        UUID order = UUID.randomUUID();

        publishInTrace(placed(place, order), "00-" + traceId + "-" + intakeSpan + "-01");

        for (String topic : new String[] {Topics.ORDERS_APPROVED, Topics.ORDERS_ASSIGNED}) {
            String traceparent = header(probe.await(topic, keyed(order), Place.WAIT), CloudEvents.TRACEPARENT);
            assertNotNull(traceparent, topic + " carries a traceparent");
            assertEquals(traceId, traceIdOf(traceparent), topic + " is in the order's trace");
            assertNotEquals(intakeSpan, spanIdOf(traceparent), topic + ": a span of dispatch's own");
        }

        // an operator's request is a trace of its own; the escalation it causes stays in the order's trace
        Auth.operator("OP-704", place.town).contentType(ContentType.JSON).header("traceparent",
                "00-" + HexFormat.of().formatHex(randomBytes(16)) + "-" + intakeSpan + "-01")
                .body(Map.of("reason", "the village team is away")).post("/api/cases/{id}/escalate", order)
                .then().statusCode(200);
        ConsumerRecord<String, String> escalated = probe.await(Topics.ORDERS_ESCALATED, keyed(order), Place.WAIT);
        assertEquals(traceId, traceIdOf(header(escalated, CloudEvents.TRACEPARENT)));
        assertEquals(2, place.assignments(order, 2).size());
        Published.about(probe, Topics.ORDERS_ASSIGNED, order).forEach(assigned ->
                assertEquals(traceId, traceIdOf(header(assigned, CloudEvents.TRACEPARENT))));
    }

    @Test
    void givenAnOrderPlacedWithoutATrace_thenDispatchStartsOne_andAllItsEventsCarryIt() {
        Place place = new Place(probe, 705);
        place.project("visit");
        place.team("town", Tier.TOWN, 5, "visit");
        UUID order = place.order("visit", Urgency.ROUTINE); // no traceparent

        place.assigned(order);

        String approved = header(probe.await(Topics.ORDERS_APPROVED, keyed(order), Place.WAIT), CloudEvents.TRACEPARENT);
        String escalated = header(probe.await(Topics.ORDERS_ESCALATED, keyed(order), Place.WAIT), CloudEvents.TRACEPARENT);
        String assigned = header(probe.await(Topics.ORDERS_ASSIGNED, keyed(order), Place.WAIT), CloudEvents.TRACEPARENT);
        assertNotNull(approved);
        assertEquals(traceIdOf(approved), traceIdOf(escalated));
        assertEquals(traceIdOf(approved), traceIdOf(assigned));
    }

    private OrderPlaced placed(Place place, UUID order) {
        return new OrderPlaced(order, UUID.randomUUID(), place.code("visit"), "CAT704", false, place.village,
                Urgency.ROUTINE, Channel.PROXY, "V-1", null, null, Instant.now());
    }

    /** Publishes the event as intake's relay would, with the trace context it was placed in. */
    private void publishInTrace(OrderPlaced event, String traceparent) {
        Map<String, String> headers = new HashMap<>(CloudEvents.headers(UUID.randomUUID(),
                EventType.ORDER_PLACED.ceType(), CloudEvents.source("intake-service"), event.key(), Instant.now()));
        headers.put(CloudEvents.TRACEPARENT, traceparent);
        try {
            probe.sendRaw(Topics.ORDERS_PLACED, event.key(), EventProbe.JSON.writeValueAsString(event), headers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String traceIdOf(String traceparent) {
        return traceparent.split("-")[1];
    }

    private static String spanIdOf(String traceparent) {
        return traceparent.split("-")[2];
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the sample with that name whose labels include these; fails when there is none. */
    private static double metric(String name, Map<String, String> labels) {
        return MetricsText.value(scrape(), name, labels)
                .orElseThrow(() -> new AssertionError(name + labels + " is not in /q/metrics"));
    }

    private static double metricOrZero(String name, Map<String, String> labels) {
        return MetricsText.value(scrape(), name, labels).orElse(0.0);
    }
}
