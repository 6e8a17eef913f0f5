package io.feiyan.intake;

import static io.feiyan.intake.Fixtures.CHANGBULING;
import static io.feiyan.intake.Fixtures.WAIT;
import static io.feiyan.intake.Fixtures.awaitStatus;
import static io.feiyan.intake.Fixtures.registerResident;
import static io.feiyan.testkit.EventProbe.keyed;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.Channel;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCancelled;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Tier;
import io.feiyan.events.TimeOrderedIds;
import io.feiyan.events.Urgency;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.feiyan.intake.domain.OrderStep;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Intake's own orders heard back from its topics — as after a restore, when the orders placed and cancelled since the
 * backup are in no table and come back only from the topics, read again in no set order with the other services' steps.
 */
@FeiyanTest
class HeardOrdersTests {
    @InjectEventProbe
    EventProbe probe;

    @BeforeEach
    void givenTheCatalogue() {
        Fixtures.givenTheCatalogue(probe);
    }

    @Test
    void givenAnOrderHeardAfterItsTeamAcceptedIt_thenItComesBackAccepted_withItsTimeline_butNoDescription() {
        UUID resident = registerResident(CHANGBULING);
        UUID orderId = TimeOrderedIds.next();
        Instant t = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        UUID accepted = probe.publish(new OrderAccepted(orderId, "art-light-cavalry", t.plusSeconds(120)));
        probe.publish(new OrderAssigned(orderId, "art-light-cavalry", Tier.COUNTY, "culture-opera",
                t.plus(Duration.ofHours(24)), t.plus(Duration.ofDays(7)), null, null, t.plusSeconds(60)));
        await().atMost(WAIT).until(() -> stepTaken(accepted));

        probe.publish(placed(orderId, resident, t));

        awaitStatus(orderId.toString(), "ACCEPTED");
        Auth.volunteer().get("/api/orders/{id}", orderId).then().statusCode(200)
                .body("residentId", equalTo(resident.toString())).body("projectCode", equalTo("culture-opera"))
                .body("description", nullValue())
                .body("timeline.size()", equalTo(3));
    }

    @Test
    void givenACancellationHeardOfAnOrderTheDatabaseHasOpen_thenTheOrderIsCancelled() {
        UUID resident = registerResident(CHANGBULING);
        UUID orderId = TimeOrderedIds.next();
        Instant t = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        probe.publish(placed(orderId, resident, t));
        awaitStatus(orderId.toString(), "PLACED");

        probe.publish(new OrderCancelled(orderId, OrderCancelled.CancelReason.NO_LONGER_NEEDED, t.plusSeconds(30)));

        awaitStatus(orderId.toString(), "CANCELLED");
    }

    @Test
    void givenAnOrderForAResidentTheDatabaseDoesNotHold_thenItIsDeadLetteredSayingWhatToDo() {
        UUID orderId = TimeOrderedIds.next();
        probe.publish(placed(orderId, UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MILLIS)));

        ConsumerRecord<String, String> dead = probe.await("deadletter.intake-service", keyed(orderId), WAIT);
        String reason = EventProbe.header(dead, "dead-letter-reason");
        assertTrue(reason.contains("cannot come back without its resident"), reason);
        Auth.volunteer().get("/api/orders/{id}", orderId).then().statusCode(404);
    }

    private static OrderPlaced placed(UUID orderId, UUID resident, Instant at) {
        return new OrderPlaced(orderId, resident, "culture-opera", "CULTURE", false, CHANGBULING, Urgency.ROUTINE,
                Channel.PROXY, Auth.VOLUNTEER, null, null, at, null);
    }

    private static boolean stepTaken(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> OrderStep.findById(eventId) != null);
    }
}
