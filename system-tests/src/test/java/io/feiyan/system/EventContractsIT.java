package io.feiyan.system;

import static io.feiyan.testkit.EventProbe.header;
import static io.feiyan.testkit.EventProbe.keyed;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.analytics.AsyncApiConsumer;
import io.feiyan.events.CloudEvents;
import io.feiyan.events.EventType;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.EventProbe;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contracts analytics consumers rely on, checked against what the services really publish: the demo
 * county's reference data and orders that make every kind of order event happen.
 */
@ExtendWith(RunningFeiyan.class)
class EventContractsIT {
    private static final Duration WAIT = DemoCounty.WAIT;

    @BeforeAll
    static void everyKindOfEventHappens() {
        DemoCounty.awaitLoaded();
        String resident = DemoCounty.registerResident("钱奶奶", "13805393333");

        // opera: delivered, rated badly, and after the follow-up visit sent back to be done again
        String opera = DemoCounty.placeOrder(DemoCounty.ZHAO_LI, Map.of("residentId", resident,
                "projectCode", "culture-opera", "urgency", "URGENT", "residentConsent", true));
        String assignment = RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + opera;
        String lead = DemoCounty.token(DemoCounty.CAVALRY_LEAD);
        await().atMost(WAIT).until(() -> given().auth().oauth2(lead).post(assignment + "/accept").statusCode() == 200);
        given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("volunteerHours", 2)).post(assignment + "/complete").then().statusCode(200);
        String zhaoLi = DemoCounty.token(DemoCounty.ZHAO_LI);
        await().atMost(WAIT).until(() -> given().auth().oauth2(zhaoLi).contentType(ContentType.JSON)
                .body(Map.of("orderId", opera, "score", 1, "solved", false))
                .post(RunningFeiyan.url(FeiyanService.FEEDBACK) + "/api/ratings").statusCode() == 201);
        String followUp = given().auth().oauth2(zhaoLi).get(RunningFeiyan.url(FeiyanService.FEEDBACK)
                + "/api/follow-ups?size=100").then().extract()
                .path("items.find { it.orderId == '" + opera + "' }.id");
        given().auth().oauth2(zhaoLi).contentType(ContentType.JSON).body(Map.of("outcome", "REDO"))
                .post(RunningFeiyan.url(FeiyanService.FEEDBACK) + "/api/follow-ups/" + followUp + "/outcome")
                .then().statusCode(200);

        // an urgent visit offered to two teams at once: one takes it, the other's offer is withdrawn
        String team = RunningFeiyan.url(FeiyanService.TEAM);
        assertDoesNotThrow(() -> new OfferRace("304", "race-contracts").withTwoTeams().race(team, team));

        // a visit the village team has no room for
        String visit = DemoCounty.placeOrder(DemoCounty.ZHAO_LI, Map.of("residentId", resident,
                "projectCode", "elderly-visit", "urgency", "ROUTINE", "residentConsent", true));
        await().atMost(WAIT).until(() -> given().auth().oauth2(DemoCounty.token(Identity.teamLead("L-changbuling", "changbuling-feiyan")))
                .contentType(ContentType.JSON).body(Map.of("reasonCode", "NO_CAPACITY"))
                .post(RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + visit + "/decline")
                .statusCode() == 200);

        // legal advice the county's one legal-aid team turns down: no team is left that could take it, so it waits
        String advice = DemoCounty.placeOrder(DemoCounty.ZHAO_LI, Map.of("residentId", resident,
                "projectCode", "legal-consult", "urgency", "ROUTINE", "residentConsent", true));
        await().atMost(WAIT).until(() -> given().auth().oauth2(DemoCounty.token(Identity.teamLead("L-legal-aid",
                        "county-legal-aid")))
                .contentType(ContentType.JSON).body(Map.of("reasonCode", "RESIDENT_UNREACHABLE"))
                .post(RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + advice + "/decline")
                .statusCode() == 200);
        // the town's operator asks the village's 飞燕 volunteer to call her about it
        DemoCounty.as(DemoCounty.QUANYUAN_OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("note", "ask whether advice on the phone would do"))
                .post(RunningFeiyan.url(FeiyanService.DISPATCH) + "/api/cases/" + advice + "/call-request")
                .then().statusCode(200);

        // a need in the resident's words that review turns down
        String need = DemoCounty.placeOrder(DemoCounty.QUANYUAN_OPERATOR, Map.of("residentId", resident,
                "category", "DAILY_LIFE", "description", "Wants the roof rebuilt", "urgency", "ROUTINE"));
        String theCase = RunningFeiyan.url(FeiyanService.DISPATCH) + "/api/cases/" + need;
        await().atMost(WAIT).untilAsserted(() -> DemoCounty.as(DemoCounty.QUANYUAN_OPERATOR).get(theCase).then().body("status", equalTo("IN_REVIEW")));
        DemoCounty.as(DemoCounty.QUANYUAN_OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", "a builder's job"))
                .post(theCase + "/reject").then().statusCode(200);

        // a need in the resident's words that review approves: a team gets it, though it names no project
        String fridge = DemoCounty.placeOrder(DemoCounty.QUANYUAN_OPERATOR, Map.of("residentId", resident,
                "category", "DAILY_LIFE", "description", "The fridge stopped cooling", "urgency", "URGENT"));
        String fridgeCase = RunningFeiyan.url(FeiyanService.DISPATCH) + "/api/cases/" + fridge;
        await().atMost(WAIT).untilAsserted(() -> DemoCounty.as(DemoCounty.QUANYUAN_OPERATOR).get(fridgeCase).then().body("status", equalTo("IN_REVIEW")));
        DemoCounty.as(DemoCounty.QUANYUAN_OPERATOR).contentType(ContentType.JSON).body(Map.of())
                .post(fridgeCase + "/approve").then().statusCode(200);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(DemoCounty.token(Identity.teamMember(
                        "M-quanyuan", "quanyuan-institute")))
                .get(RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + fridge).then().statusCode(200)
                .body("teamCode", equalTo("quanyuan-institute")).body("status", equalTo("OFFERED")));

        // a check-up the resident no longer needs
        String checkUp = DemoCounty.placeOrder(Identity.resident(UUID.fromString(resident)),
                Map.of("projectCode", "health-check", "urgency", "ROUTINE", "channel", "APP"));
        DemoCounty.as(DemoCounty.ZHAO_LI).contentType(ContentType.JSON).body(Map.of("reason", "NO_LONGER_NEEDED"))
                .post(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/orders/" + checkUp + "/cancel")
                .then().statusCode(200);

        EventProbe probe = RunningFeiyan.probe();
        probe.await(EventType.ORDER_REOPENED.topic(), keyed(opera), WAIT);
        probe.await(EventType.ORDER_DECLINED.topic(), keyed(visit), WAIT);
        probe.await(EventType.ORDER_REJECTED.topic(), keyed(need), WAIT);
        probe.await(EventType.ORDER_CANCELLED.topic(), keyed(checkUp), WAIT);
        probe.await(EventType.ORDER_UNSERVED.topic(), keyed(advice), WAIT);
        probe.await(EventType.ORDER_CALL_REQUESTED.topic(), keyed(advice), WAIT);
    }

    @Test
    void everyEventTheServicesPublishIsACloudEventValidAgainstItsSchema() {
        EventProbe probe = RunningFeiyan.probe();
        for (EventType type : EventType.values()) {
            List<ConsumerRecord<String, String>> records = probe.published(type.topic());
            assertFalse(records.isEmpty(), type.topic() + " has events");
            for (ConsumerRecord<String, String> record : records) {
                assertEquals(type.ceType(), header(record, CloudEvents.TYPE), type.topic());
                assertEquals(record.key(), header(record, CloudEvents.SUBJECT), type.topic());
                Contracts.assertMatchesSchema(type, record.value());
            }
        }
    }

    @Test
    void noServiceDeadLettersAnEventAnotherServicePublished() {
        EventProbe probe = RunningFeiyan.probe();
        for (FeiyanService service : FeiyanService.values()) {
            String deadLetters = "deadletter." + service.moduleName();
            assertEquals(List.of(), probe.published(deadLetters).stream()
                    .map(record -> header(record, "dead-letter-reason") + ": " + record.value()).toList(),
                    deadLetters);
        }
    }

    @Test
    void aConsumerWrittenFromTheAsyncApiDocumentAloneReadsEveryTopic() throws Exception {
        URI served = URI.create(RunningFeiyan.url(FeiyanService.FEEDBACK) + "/contracts/asyncapi.yaml");
        AsyncApiConsumer reader = AsyncApiConsumer.from(served);

        AsyncApiConsumer.Report report = reader.readAll(RunningFeiyan.system().kafkaBootstrapServers());

        assertEquals(new TreeSet<>(Arrays.stream(EventType.values()).map(EventType::topic).toList()),
                new TreeSet<>(report.messages().keySet()), "the document names every topic");
        report.messages().forEach((topic, count) -> assertTrue(count > 0, topic + " was read"));
        assertEquals(List.of(), report.problems());
    }
}
