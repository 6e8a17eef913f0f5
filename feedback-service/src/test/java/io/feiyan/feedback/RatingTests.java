package io.feiyan.feedback;

import static io.feiyan.embedded.EventProbe.header;
import static io.feiyan.embedded.EventProbe.keyed;
import static io.feiyan.embedded.EventProbe.payload;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.feiyan.embedded.EventProbe;
import io.feiyan.events.CloudEvents;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderRated;
import io.feiyan.events.Topics;
import io.feiyan.feedback.domain.CompletedOrder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RatingTests {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void givenACompletedOrder_whenRated_then201AndOrderRatedIsPublishedWithoutTheComment() {
        UUID orderId = completedOrder();

        given().contentType(ContentType.JSON)
                .body(Map.of("orderId", orderId.toString(), "score", 5, "comment", "Grandma Wu loved the opera"))
                .post("/api/ratings")
                .then().statusCode(201)
                .body("score", equalTo(5));

        try (EventProbe probe = new EventProbe(kafka)) {
            ConsumerRecord<String, String> record = probe.await(Topics.ORDERS_RATED, keyed(orderId), WAIT);
            assertEquals(5, payload(record, OrderRated.class).score());
            assertEquals("feiyan.order.rated.v1", header(record, CloudEvents.TYPE));
            assertFalse(record.value().contains("Grandma"), "no personal words leave feedback");
        }
    }

    @Test
    void anOrderCanBeRatedOnlyOnce() {
        UUID orderId = completedOrder();
        rate(orderId, 4).then().statusCode(201);

        rate(orderId, 1).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/already-rated"));
        given().get("/api/ratings/{id}", orderId).then().statusCode(200).body("score", equalTo(4));
    }

    @Test
    void anOrderNotYetDeliveredCannotBeRated() {
        rate(UUID.randomUUID(), 5).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/order-not-completed"));
    }

    @Test
    void aScoreOutsideOneToFiveIsRefused() {
        rate(UUID.randomUUID(), 6).then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("score"));
    }

    private UUID completedOrder() {
        UUID orderId = UUID.randomUUID();
        try (EventProbe probe = new EventProbe(kafka)) {
            probe.publish(new OrderCompleted(orderId, "art-light-cavalry", new BigDecimal("3"), Instant.now()));
        }
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> CompletedOrder.findById(orderId) != null));
        return orderId;
    }

    private static io.restassured.response.Response rate(UUID orderId, int score) {
        return given().contentType(ContentType.JSON).body(Map.of("orderId", orderId.toString(), "score", score))
                .post("/api/ratings");
    }
}
