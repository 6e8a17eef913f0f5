package io.feiyan.dispatch;

import static io.feiyan.testkit.EventProbe.header;
import static io.feiyan.testkit.EventProbe.keyed;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.dispatch.service.CaseReactions;
import io.feiyan.events.Channel;
import io.feiyan.events.CloudEvents;
import io.feiyan.events.EventType;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.events.Urgency;
import io.feiyan.platform.messaging.DeadLetters;
import io.feiyan.platform.messaging.EventHandlers;
import io.feiyan.platform.messaging.Inbox;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.feiyan.testkit.Published;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A poll's records are one batch: a malformed record or an event whose rule breaks never takes its good neighbours
 * with it, a redelivered batch has no second effect, and what was set aside can be replayed once its cause is fixed.
 */
@FeiyanTest
class BatchTests {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @Inject
    Inbox inbox;
    @Inject
    DeadLetters deadLetters;
    @Inject
    CaseReactions cases;

    @InjectEventProbe
    EventProbe probe;
    /** Orders whose handling breaks a rule, until the test mends it. */
    final Set<UUID> broken = ConcurrentHashMap.newKeySet();
    long offset;

    @Test
    void givenABatchWithAPoisonMessageAndABrokenRuleBetweenGoodEvents_thenTheGoodTakeEffectOnce_andTheBadAreDeadLetteredOnce() {
        Place place = placeWithATeam(710);
        EventHandlers handlers = opening("batch-test-710");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        UUID breaksARule = UUID.randomUUID();
        broken.add(breaksARule);
        ConsumerRecord<String, String> firstRecord = placed(place, first);
        String poisonKey = "poison-" + UUID.randomUUID();
        List<ConsumerRecord<String, String>> batch = List.of(firstRecord, poison(poisonKey), placed(place, second),
                placed(place, breaksARule), placed(place, third), again(firstRecord));

        inbox.consume(batch, handlers);
        inbox.consume(batch, handlers); // the same batch delivered again, as after a crash before its offsets committed

        for (UUID good : List.of(first, second, third)) {
            assertNotNull(caseOf(good), "the good event took effect: " + good);
            assertEquals(1, Published.about(probe, Topics.ORDERS_APPROVED, good).size(),
                    "once: " + good);
        }
        assertNull(caseOf(breaksARule));
        List<DeadLetters.DeadLetter> letters = lettersOf("batch-test-710");
        assertEquals(2, letters.size(), "the poison message and the broken rule, once each: " + letters);
        DeadLetters.DeadLetter poison = letter(letters, poisonKey);
        DeadLetters.DeadLetter rule = letter(letters, breaksARule.toString());
        assertTrue(poison.reason().startsWith("payload is not a OrderPlaced"), poison.reason());
        assertEquals("a rule this order breaks", rule.reason());
        ConsumerRecord<String, String> sentAside = probe.await("deadletter.dispatch-service", keyed(poisonKey),
                Place.WAIT);
        assertEquals(poison.reason(), header(sentAside, "dead-letter-reason"));
        assertEquals(Topics.ORDERS_PLACED, header(sentAside, "dead-letter-topic"));
        assertEquals(1, Published.about(probe, "deadletter.dispatch-service", breaksARule).size());
    }

    @Test
    void givenADeadLetterWhoseCauseIsMended_whenAnAdminReplaysIt_thenItTakesEffectOnce_andAPoisonMessageComesBack() {
        Place place = placeWithATeam(711);
        EventHandlers handlers = opening("batch-test-711");
        UUID order = UUID.randomUUID();
        broken.add(order);
        String poisonKey = "poison-" + UUID.randomUUID();
        inbox.consume(List.of(placed(place, order), poison(poisonKey)), handlers);
        DeadLetters.DeadLetter rule = letter(lettersOf("batch-test-711"), order.toString());
        DeadLetters.DeadLetter poison = letter(lettersOf("batch-test-711"), poisonKey);

        broken.remove(order); // the cause is mended
        admin().post("/api/dead-letters/{id}/replay", rule.id()).then().statusCode(200)
                .body("replayedAt", org.hamcrest.Matchers.notNullValue());
        admin().post("/api/dead-letters/{id}/replay", rule.id()).then().statusCode(409);
        admin().post("/api/dead-letters/{id}/replay", poison.id()).then().statusCode(200)
                .body("times", equalTo(2)).body("replayedAt", org.hamcrest.Matchers.nullValue());

        assertNotNull(caseOf(order));
        assertEquals(1, Published.about(probe, Topics.ORDERS_APPROVED, order).size());
        assertEquals(2, Published.about(probe, "deadletter.dispatch-service", poisonKey).size(),
                "the poison message went back to the dead-letter topic");
        List<String> waiting = admin().get("/api/dead-letters").then().statusCode(200).extract().jsonPath()
                .getList("id");
        assertTrue(waiting.contains(poison.id().toString()) && !waiting.contains(rule.id().toString()), waiting.toString());
        Auth.countyCentre().get("/api/dead-letters").then().statusCode(403);
    }

    private Place placeWithATeam(int number) {
        Place place = new Place(probe, number);
        place.project("visit");
        place.team("village", Tier.VILLAGE, 10, "visit");
        return place;
    }

    /** A channel of this test's that opens cases as dispatch does, but breaks a rule for the orders in {@link #broken}. */
    private EventHandlers opening(String channel) {
        return inbox.once(channel).on(OrderPlaced.class, event -> {
            if (broken.contains(event.payload().orderId())) {
                throw new IllegalStateException("a rule this order breaks");
            }
            cases.open(event.payload());
        });
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return Auth.as(Identity.admin("ADM-dead-letters"));
    }

    private DispatchCase caseOf(UUID order) {
        return QuarkusTransaction.requiringNew().call(() -> DispatchCase.findById(order));
    }

    private List<DeadLetters.DeadLetter> lettersOf(String channel) {
        return deadLetters.list(false, 1_000).stream().filter(letter -> letter.channel().equals(channel)).toList();
    }

    private static DeadLetters.DeadLetter letter(List<DeadLetters.DeadLetter> letters, String key) {
        return letters.stream().filter(letter -> key.equals(letter.key())).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter keyed " + key + " in " + letters));
    }

    private ConsumerRecord<String, String> placed(Place place, UUID order) {
        OrderPlaced event = new OrderPlaced(order, UUID.randomUUID(), place.code("visit"), "CAT" + place.town, false,
                place.village, Urgency.ROUTINE, Channel.PROXY, "V-1", null, null, Instant.now());
        try {
            return record(order.toString(), EventProbe.JSON.writeValueAsString(event), UUID.randomUUID());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConsumerRecord<String, String> poison(String key) {
        return record(key, "{not json", UUID.randomUUID());
    }

    /** The same event (its id) delivered again, later in the partition. */
    private ConsumerRecord<String, String> again(ConsumerRecord<String, String> record) {
        return record(record.key(), record.value(), UUID.fromString(header(record, CloudEvents.ID)));
    }

    /** A record of orders.placed at the next offset of a partition no real consumer reads in these tests. */
    private ConsumerRecord<String, String> record(String key, String value, UUID eventId) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.ORDERS_PLACED, 99, offset++ + System.nanoTime(),
                key, value);
        Map<String, String> headers = CloudEvents.headers(eventId, EventType.ORDER_PLACED.ceType(),
                CloudEvents.source("test"), key, Instant.now());
        headers.forEach((name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
