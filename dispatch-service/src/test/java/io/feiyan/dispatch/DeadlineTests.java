package io.feiyan.dispatch;

import static io.feiyan.testkit.EventProbe.payload;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.dispatch.service.DeadlineSweeper;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderEscalated.EscalationReason;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.events.Urgency;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.feiyan.testkit.Published;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@FeiyanTest
class DeadlineTests {
    @InjectEventProbe
    EventProbe probe;

    @Inject
    DeadlineSweeper sweeper;

    @Inject
    EntityManager entityManager;

    @Test
    void givenSeveralSweepersRacingOverAnOverdueCase_thenItIsEscalatedExactlyOnce() throws Exception {
        Place place = new Place(probe, 401);
        place.project("visit");
        place.team("village", Tier.VILLAGE, 5, "visit");
        place.team("town", Tier.TOWN, 5, "visit");
        place.team("county", Tier.COUNTY, 5, "visit");
        UUID order = place.order("visit", Urgency.ROUTINE); // a day to accept
        place.assigned(order);

        // the deadline passes while four sweepers (as if four dispatch instances) and the scheduler race
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update dispatch_case set accept_by = now() - interval '1 minute' where order_id = ?1")
                .setParameter(1, order).executeUpdate());
        ExecutorService instances = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> sweeps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sweeps.add(sweeper::sweep);
        }
        for (Future<Integer> sweep : instances.invokeAll(sweeps)) {
            sweep.get();
        }
        instances.shutdown();

        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", order).then()
                .body("tier", equalTo("TOWN")).body("status", equalTo("ASSIGNED")));
        assertEquals(1, Published.about(probe, Topics.ORDERS_ESCALATED, order).size());
        assertEquals(2, Published.about(probe, Topics.ORDERS_ASSIGNED, order).size());
    }

    @Test
    void givenAnAcceptedCaseNotDeliveredByItsDeadline_thenTheTierAboveIsToldOnce_andTheTeamKeepsIt() {
        Place place = new Place(probe, 402);
        place.project("visit");
        place.team("village", Tier.VILLAGE, 5, "visit");
        UUID order = place.order("visit", Urgency.URGENT);
        OrderAssigned assigned = place.assigned(order);
        probe.publish(new OrderAccepted(order, assigned.teamCode(), Instant.now()));
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.countyCentre().get("/api/cases/{id}", order).then()
                .body("status", equalTo("ACCEPTED")));

        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update dispatch_case set deadline = now() - interval '1 minute' where order_id = ?1")
                .setParameter(1, order).executeUpdate());
        sweeper.sweep();
        sweeper.sweep();

        List<ConsumerRecord<String, String>> escalations = Published.about(probe, Topics.ORDERS_ESCALATED, order);
        assertEquals(1, escalations.size(), "told once");
        OrderEscalated overdue = payload(escalations.get(0), OrderEscalated.class);
        assertEquals(EscalationReason.DEADLINE_PASSED, overdue.reason());
        assertEquals(Tier.VILLAGE, overdue.fromTier());
        assertEquals(Tier.TOWN, overdue.toTier());
        Auth.countyCentre().get("/api/cases/{id}", order).then()
                .body("status", equalTo("ACCEPTED")).body("teamCode", equalTo(assigned.teamCode()));
    }
}
