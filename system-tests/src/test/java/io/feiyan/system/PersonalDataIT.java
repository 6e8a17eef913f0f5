package io.feiyan.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.EventType;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.TestIdNumbers;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Personal data stays in intake: a resident with a distinctive name, phones and ID number goes around the
 * whole loop — registered, read in full by her volunteer, her order (with her name and phone in its words)
 * reviewed, accepted, her contact details read by the serving team, delivered, rated with a comment that
 * names her — and then every record on every topic, every service's log and every metric is searched for
 * them.
 */
@ExtendWith(RunningFeiyan.class)
class PersonalDataIT {
    private static final Duration WAIT = DemoCounty.WAIT;
    private static final String NAME = "欧阳晓测";
    private static final String PHONE = "13912390871";
    private static final String GUARDIAN = "欧阳建测";
    private static final String GUARDIAN_PHONE = "13687650432";

    @Test
    void noNameNumberOrIdNumberReachesAnyTopicLogOrMetric() throws Exception {
        DemoCounty.awaitLoaded();
        String idNumber = TestIdNumbers.next();
        String resident = DemoCounty.as(DemoCounty.ZHAO_LI).contentType(ContentType.JSON)
                .body(Map.of("name", NAME, "phone", PHONE, "idNumber", idNumber, "villageCode",
                        DemoCounty.CHANGBULING_VILLAGE, "householdTags", List.of("EMPTY_NEST_ELDERLY"),
                        "guardian", Map.of("name", GUARDIAN, "phone", GUARDIAN_PHONE, "relation", "daughter")))
                .post(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/residents")
                .then().statusCode(201).extract().path("residentId");
        DemoCounty.as(DemoCounty.ZHAO_LI).get(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/residents/" + resident)
                .then().statusCode(200).body("phone", equalTo(PHONE));
        DemoCounty.as(DemoCounty.QUANYUAN_OPERATOR)
                .get(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/residents/" + resident)
                .then().statusCode(200).body("masked", equalTo(true));

        String words = NAME + " (" + PHONE + ", ID " + idNumber + ") ";
        String opera = DemoCounty.placeOrder(DemoCounty.ZHAO_LI, Map.of("residentId", resident,
                "projectCode", "culture-opera", "urgency", "URGENT", "residentConsent", true,
                "description", words + "would love to hear opera; call her daughter " + GUARDIAN_PHONE));
        String need = DemoCounty.placeOrder(DemoCounty.QUANYUAN_OPERATOR, Map.of("residentId", resident,
                "category", "DAILY_LIFE", "urgency", "URGENT", "description", words + "needs her well pump mended"));

        String assignment = RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + opera;
        var lead = DemoCounty.CAVALRY_LEAD;
        await().atMost(WAIT).until(() -> DemoCounty.as(lead).post(assignment + "/accept").statusCode() == 200);
        await().atMost(WAIT).untilAsserted(() -> DemoCounty.as(lead)
                .get(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/orders/" + opera + "/contact")
                .then().statusCode(200).body("phone", equalTo(PHONE)).body("guardianPhone", equalTo(GUARDIAN_PHONE)));
        DemoCounty.as(lead).contentType(ContentType.JSON).body(Map.of("volunteerHours", 2, "summary",
                "sang for " + NAME)).post(assignment + "/complete").then().statusCode(200);
        await().atMost(WAIT).until(() -> DemoCounty.as(DemoCounty.ZHAO_LI).contentType(ContentType.JSON)
                .body(Map.of("orderId", opera, "score", 2, "solved", false,
                        "comment", NAME + " says call " + PHONE + " next time"))
                .post(RunningFeiyan.url(FeiyanService.FEEDBACK) + "/api/ratings").statusCode() == 201);
        String theCase = RunningFeiyan.url(FeiyanService.DISPATCH) + "/api/cases/" + need;
        await().atMost(WAIT).until(() -> DemoCounty.as(DemoCounty.QUANYUAN_OPERATOR).contentType(ContentType.JSON)
                .body(Map.of()).post(theCase + "/approve").statusCode() == 200);

        // every showing of her full data is in intake's audit log
        DemoCounty.as(Identity.admin("ADM-audit"))
                .get(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/residents/" + resident + "/personal-data-reads")
                .then().statusCode(200)
                .body("why", hasItem("volunteer of the resident's village " + DemoCounty.CHANGBULING_VILLAGE))
                .body("why", hasItem("team art-light-cavalry serves the order"));

        List<String> secrets = List.of(NAME, PHONE, idNumber, GUARDIAN, GUARDIAN_PHONE);
        List<String> leaks = new ArrayList<>();
        Set<String> scannedOrders = new TreeSet<>();
        int records = 0;
        EventProbe probe = RunningFeiyan.probe();
        try (Admin admin = Admin.create(adminConfig())) {
            // the loop's last events have arrived before the topics are read
            probe.await(EventType.ORDER_RATED.topic(), EventProbe.keyed(opera), WAIT);
            probe.await(EventType.ORDER_ASSIGNED.topic(), EventProbe.keyed(need), WAIT);
            for (String topic : new TreeSet<>(admin.listTopics().names().get())) {
                for (ConsumerRecord<String, String> record : probe.published(topic)) {
                    records++;
                    StringBuilder text = new StringBuilder().append(record.key()).append(' ').append(record.value());
                    for (Header header : record.headers()) {
                        text.append(' ').append(new String(header.value(), StandardCharsets.UTF_8));
                    }
                    if (opera.equals(record.key()) || need.equals(record.key())) {
                        scannedOrders.add(topic);
                    }
                    find(secrets, text.toString(), "topic " + topic + " offset " + record.offset(), leaks);
                }
            }
        }
        for (FeiyanService service : FeiyanService.values()) {
            find(secrets, Files.readString(RunningFeiyan.system().log(service), StandardCharsets.UTF_8),
                    service.moduleName() + "'s log", leaks);
            // Prometheus metrics, where a service serves them
            find(secrets, given().get(RunningFeiyan.url(service) + "/q/metrics").asString(),
                    service.moduleName() + "'s /q/metrics", leaks);
        }
        for (String query : List.of("rates?by=village,team,project", "demand?by=village,category,project")) {
            find(secrets, DemoCounty.as(Identity.analyst("A-scan"))
                    .get(RunningFeiyan.url(FeiyanService.FEEDBACK) + "/api/metrics/" + query)
                    .then().statusCode(200).extract().asString(), "the metrics " + query, leaks);
        }

        assertEquals(List.of(), leaks, "personal data outside intake");
        // the scan did read her orders' events: placed, approved, assigned, accepted, completed and rated
        assertTrue(scannedOrders.containsAll(List.of(EventType.ORDER_PLACED.topic(), EventType.ORDER_APPROVED.topic(),
                EventType.ORDER_ASSIGNED.topic(), EventType.ORDER_ACCEPTED.topic(), EventType.ORDER_COMPLETED.topic(),
                EventType.ORDER_RATED.topic())), "topics holding her orders: " + scannedOrders);
        System.out.printf("Personal data scan: %d records on every topic, %d service logs, metrics: no leak%n",
                records, FeiyanService.values().length);
    }

    private static void find(List<String> secrets, String text, String where, List<String> leaks) {
        for (String secret : secrets) {
            if (text.contains(secret)) {
                leaks.add(secret + " in " + where);
            }
        }
    }

    private static Properties adminConfig() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RunningFeiyan.system().kafkaBootstrapServers());
        return config;
    }
}
