package io.feiyan.feedback;

import static org.awaitility.Awaitility.await;

import io.feiyan.feedback.domain.Order;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@FeiyanTest
class OrderEventsTests {
    @InjectEventProbe
    EventProbe probe;

    @Test
    void givenPlacedAndCompletedHeardAtTheSameMoment_thenFeedbackKeepsBothHalvesOfEveryOrder() {
        String village = Scenario.newVillage();
        List<UUID> orders = new ArrayList<>();
        Scenario scenario = new Scenario(probe);
        for (int i = 0; i < 40; i++) {
            UUID orderId = UUID.randomUUID();
            // completion first: the two topics are consumed concurrently, in no particular order
            scenario.completed(orderId, "quanyuan-handymen", Instant.now());
            scenario.placed(orderId, village, "DAILY_LIFE", "daily-water-pipes", Instant.now());
            orders.add(orderId);
        }

        await().atMost(Scenario.WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> orders.stream()
                .map(id -> Order.<Order>findById(id))
                .allMatch(order -> order != null && order.isDelivered() && village.equals(order.villageCode))));
    }
}
