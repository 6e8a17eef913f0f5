package io.feiyan.dispatch;

import static io.feiyan.embedded.EventProbe.header;
import static io.feiyan.embedded.EventProbe.keyed;
import static io.feiyan.embedded.EventProbe.payload;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.embedded.EventProbe;
import io.feiyan.events.Channel;
import io.feiyan.events.CloudEvents;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCancelled;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.ProjectUpdated;
import io.feiyan.events.TeamUpdated;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.events.Urgency;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DispatchTests {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String VILLAGE = "371322206201";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void givenOnlyACountyTeamOffersOpera_whenAVillageOrdersIt_thenItIsAssignedAtCountyTierWithTheDeadlineOfItsUrgency() {
        UUID orderId = UUID.randomUUID();
        try (EventProbe probe = new EventProbe(kafka)) {
            probe.publish(new ProjectUpdated("opera-1", "Peking opera", "CULTURE", List.of(), true));
            probe.publish(new TeamUpdated("village-visitors-1", "Village volunteers", Tier.VILLAGE, VILLAGE,
                    List.of(), 5, true));
            probe.publish(new TeamUpdated("cavalry-1", "文艺轻骑兵", Tier.COUNTY, "371322", List.of("opera-1"), 20, true));
            awaitTeams("cavalry-1");

            probe.publish(placed(orderId, "opera-1", Urgency.URGENT));

            ConsumerRecord<String, String> record = probe.await(Topics.ORDERS_ASSIGNED, keyed(orderId), WAIT);
            OrderAssigned assigned = payload(record, OrderAssigned.class);
            assertEquals("cavalry-1", assigned.teamCode());
            assertEquals(Tier.COUNTY, assigned.tier());
            assertEquals(Duration.ofHours(24), Duration.between(assigned.assignedAt(), assigned.deadline()));
            assertEquals("feiyan.order.assigned.v1", header(record, CloudEvents.TYPE));
            assertEquals("/feiyan/dispatch-service", header(record, CloudEvents.SOURCE));
        }
        given().get("/api/cases/{id}", orderId).then().statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("tier", equalTo("COUNTY"));
    }

    @Test
    void givenNoTeamOffersTheProjectYet_thenTheCaseWaitsAndIsAssignedOnceATeamAppears() {
        UUID orderId = UUID.randomUUID();
        try (EventProbe probe = new EventProbe(kafka)) {
            probe.publish(new ProjectUpdated("visit-2", "Home visit", "ELDERLY_CARE", List.of(), true));
            probe.publish(placed(orderId, "visit-2", Urgency.ROUTINE));
            await().atMost(WAIT).untilAsserted(() -> given().get("/api/cases/{id}", orderId)
                    .then().statusCode(200).body("status", equalTo("WAITING")));

            probe.publish(new TeamUpdated("town-2", "Town institute", Tier.TOWN, "371322206", List.of("visit-2"), 5,
                    true));

            OrderAssigned assigned = payload(probe.await(Topics.ORDERS_ASSIGNED, keyed(orderId), WAIT),
                    OrderAssigned.class);
            assertEquals("town-2", assigned.teamCode());
            assertEquals(Tier.TOWN, assigned.tier());
        }
    }

    @Test
    void givenARedeliveredOrderPlaced_thenTheOrderIsAssignedOnlyOnce() {
        UUID orderId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        try (EventProbe probe = new EventProbe(kafka)) {
            probe.publish(new ProjectUpdated("repair-3", "Repairs", "DAILY_LIFE", List.of(), true));
            probe.publish(new TeamUpdated("village-3", "Village repairers", Tier.VILLAGE, VILLAGE, List.of("repair-3"),
                    5, true));
            awaitTeams("village-3");

            probe.publish(placed(orderId, "repair-3", Urgency.ROUTINE), eventId);
            probe.publish(placed(orderId, "repair-3", Urgency.ROUTINE), eventId);

            assertEquals(1, probe.all(Topics.ORDERS_ASSIGNED, keyed(orderId), Duration.ofSeconds(5)).size());
        }
    }

    @Test
    void givenTheTeamAccepts_thenTheCaseFollows() {
        UUID orderId = UUID.randomUUID();
        try (EventProbe probe = new EventProbe(kafka)) {
            probe.publish(new ProjectUpdated("check-4", "Health check", "MEDICAL", List.of(), true));
            probe.publish(new TeamUpdated("town-4", "Town doctors", Tier.TOWN, "371322206", List.of("check-4"), 5,
                    true));
            awaitTeams("town-4");
            probe.publish(placed(orderId, "check-4", Urgency.CRITICAL));
            probe.await(Topics.ORDERS_ASSIGNED, keyed(orderId), WAIT);

            probe.publish(new OrderAccepted(orderId, "town-4", Instant.now()));
        }
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/cases/{id}", orderId)
                .then().statusCode(200).body("status", equalTo("ACCEPTED")));
    }

    @Test
    void givenAFreeTextNeed_thenTheCaseWaitsForReviewAndIsNotRouted() {
        UUID orderId = UUID.randomUUID();
        try (EventProbe probe = new EventProbe(kafka)) {
            probe.publish(new OrderPlaced(orderId, UUID.randomUUID(), null, "DAILY_LIFE", true, VILLAGE,
                    Urgency.ROUTINE, Channel.PHONE, null, null, null, Instant.now()));
            await().atMost(WAIT).untilAsserted(() -> given().get("/api/cases/{id}", orderId)
                    .then().statusCode(200).body("status", equalTo("IN_REVIEW")).body("category", equalTo("DAILY_LIFE")));
            assertEquals(0, probe.all(Topics.ORDERS_ASSIGNED, keyed(orderId), Duration.ofSeconds(2)).size());
        }
    }

    @Test
    void givenAnAssignedOrder_whenTheResidentCancels_thenTheCaseClosesAndFreesTheTeam() {
        UUID orderId = UUID.randomUUID();
        try (EventProbe probe = new EventProbe(kafka)) {
            probe.publish(new ProjectUpdated("visit-5", "Visit", "ELDERLY_CARE", List.of(), true));
            probe.publish(new TeamUpdated("village-5", "Visitors", Tier.VILLAGE, VILLAGE, List.of("visit-5"), 1, true));
            awaitTeams("village-5");
            probe.publish(placed(orderId, "visit-5", Urgency.ROUTINE));
            probe.await(Topics.ORDERS_ASSIGNED, keyed(orderId), WAIT);

            probe.publish(new OrderCancelled(orderId, OrderCancelled.CancelReason.NO_LONGER_NEEDED, Instant.now()));
            await().atMost(WAIT).untilAsserted(() -> given().get("/api/cases/{id}", orderId)
                    .then().body("status", equalTo("CANCELLED")));

            // the team's one place is free again
            UUID next = UUID.randomUUID();
            probe.publish(placed(next, "visit-5", Urgency.ROUTINE));
            assertEquals("village-5", payload(probe.await(Topics.ORDERS_ASSIGNED, keyed(next), WAIT),
                    OrderAssigned.class).teamCode());
        }
    }

    private static OrderPlaced placed(UUID orderId, String project, Urgency urgency) {
        return new OrderPlaced(orderId, UUID.randomUUID(), project, "CULTURE", false, VILLAGE, urgency, Channel.PROXY,
                "V-1", null, null, Instant.now());
    }

    private static void awaitTeams(String teamCode) {
        await().atMost(WAIT).until(() -> given().get("/api/teams").then().extract().jsonPath()
                .getList("code").contains(teamCode));
    }
}
