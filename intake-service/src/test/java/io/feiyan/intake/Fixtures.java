package io.feiyan.intake;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.feiyan.events.HouseholdTag;
import io.feiyan.events.ProjectUpdated;
import io.feiyan.events.TeamUpdated;
import io.feiyan.events.Tier;
import io.feiyan.intake.domain.Project;
import io.feiyan.intake.domain.Team;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.TestIdNumbers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What intake's tests set up: residents through the API, the catalogue and teams as team-service's events. */
final class Fixtures {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String CHANGBULING = "371322206201";

    private Fixtures() {
    }

    static Map<String, Object> residentBody(String village, HouseholdTag... tags) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "吴秀英");
        body.put("phone", "13805391234");
        body.put("idNumber", TestIdNumbers.next());
        body.put("villageCode", village);
        body.put("householdTags", List.of(tags));
        body.put("guardian", Map.of("name", "吴建国", "phone", "13905395678", "relation", "son"));
        return body;
    }

    static UUID registerResident(String village, HouseholdTag... tags) {
        String id = Auth.volunteerOf(village).contentType(ContentType.JSON).body(residentBody(village, tags))
                .post("/api/residents").then().statusCode(201).extract().path("residentId");
        return UUID.fromString(id);
    }

    private static boolean catalogueGiven;

    /**
     * team-service's catalogue and directory reach intake: opera, offered by the county's art light cavalry. Once a
     * run: the module's tests share one database.
     */
    static synchronized void givenTheCatalogue(EventProbe probe) {
        if (catalogueGiven) {
            return;
        }
        probe.publish(new ProjectUpdated("culture-opera", "Peking opera", "CULTURE",
                List.of(HouseholdTag.EMPTY_NEST_ELDERLY), true));
        probe.publish(new TeamUpdated("art-light-cavalry", "文艺轻骑兵", Tier.COUNTY, "371322",
                List.of("culture-opera"), 20, true));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(
                () -> Project.findById("culture-opera") != null && Team.findById("art-light-cavalry") != null));
        catalogueGiven = true;
    }

    /** Waits until intake shows the order in this status: events from other services take a moment. */
    static void awaitStatus(String orderId, String status) {
        await().atMost(WAIT).untilAsserted(() -> Auth.volunteer().get("/api/orders/{id}", orderId)
                .then().body("status", equalTo(status)));
    }

    /** An order placed by Changbuling's volunteer {@link Auth#VOLUNTEER}, for a resident of Changbuling. */
    static String placeProxyOrder(UUID resident) {
        return Auth.volunteer().contentType(ContentType.JSON).body(proxyOrder(resident)).post("/api/orders")
                .then().statusCode(201).extract().path("orderId");
    }

    static Map<String, Object> proxyOrder(UUID resident) {
        Map<String, Object> body = new HashMap<>();
        body.put("residentId", resident.toString());
        body.put("projectCode", "culture-opera");
        body.put("urgency", "ROUTINE");
        body.put("channel", "PROXY");
        body.put("residentConsent", true);
        return body;
    }
}
