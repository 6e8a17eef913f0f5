package io.feiyan.feedback;

import static org.awaitility.Awaitility.await;

import io.feiyan.events.Channel;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderApproved;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.OrderRated;
import io.feiyan.events.OrderReopened;
import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import io.feiyan.feedback.domain.Order;
import io.feiyan.testkit.EventProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Publishes the events of orders' lives as the other services would, for feedback to hear. */
final class Scenario {
    static final Duration WAIT = Duration.ofSeconds(30);

    private final EventProbe probe;

    Scenario(EventProbe probe) {
        this.probe = probe;
    }

    /** A county code of this test's own, so its figures are not mixed with other tests'. */
    static String newCounty() {
        return "9" + ThreadLocalRandom.current().nextInt(10_000, 100_000);
    }

    static String newVillage() {
        return newCounty() + "001001";
    }

    UUID placed(String village, String category, String project, Instant at) {
        UUID orderId = UUID.randomUUID();
        placed(orderId, UUID.randomUUID(), village, category, project, at);
        return orderId;
    }

    void placed(UUID orderId, String village, String category, String project, Instant at) {
        placed(orderId, UUID.randomUUID(), village, category, project, at);
    }

    void placed(UUID orderId, UUID resident, String village, String category, String project, Instant at) {
        probe.publish(new OrderPlaced(orderId, resident, project, category, project == null, village,
                Urgency.ROUTINE, Channel.PROXY, "V-test", null, null, at));
    }

    void approved(UUID orderId, Instant at) {
        probe.publish(new OrderApproved(orderId, null, at));
    }

    void assigned(UUID orderId, String team, Instant at, Duration toAccept) {
        probe.publish(new OrderAssigned(orderId, team, Tier.TOWN, null, at.plus(toAccept), at.plus(Duration.ofDays(7)),
                null, null, at));
    }

    void accepted(UUID orderId, String team, Instant at) {
        probe.publish(new OrderAccepted(orderId, team, at));
    }

    void completed(UUID orderId, String team, Instant at) {
        probe.publish(new OrderCompleted(orderId, team, new BigDecimal("2"), at));
    }

    void rated(UUID orderId, int score, Instant at) {
        probe.publish(new OrderRated(orderId, score, at));
    }

    void reopened(UUID orderId, Instant at) {
        probe.publish(new OrderReopened(orderId, "not resolved, found at the follow-up visit", at));
    }

    /** An order of the village placed and delivered just now, once feedback knows both. */
    UUID delivered(String village) {
        return delivered(village, UUID.randomUUID(), Instant.now());
    }

    /** An order of the village delivered at the time, once feedback knows both its placing and its delivery. */
    UUID delivered(String village, Instant at) {
        return delivered(village, UUID.randomUUID(), at);
    }

    UUID delivered(String village, UUID resident) {
        return delivered(village, resident, Instant.now());
    }

    private UUID delivered(String village, UUID resident, Instant at) {
        UUID orderId = UUID.randomUUID();
        placed(orderId, resident, village, "DAILY_LIFE", "daily-water-pipes", at.minus(Duration.ofHours(1)));
        completed(orderId, "quanyuan-handymen", at);
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            Order order = Order.findById(orderId);
            return order != null && order.isDelivered() && order.villageCode != null;
        }));
        return orderId;
    }
}
