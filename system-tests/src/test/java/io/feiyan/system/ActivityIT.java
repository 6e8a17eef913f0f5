package io.feiyan.system;

import static io.feiyan.testkit.EventProbe.keyed;
import static io.feiyan.testkit.EventProbe.payload;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.events.EventType;
import io.feiyan.events.OrderCompleted;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.TestIdNumbers;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One visit for many neighbours, across the services as they ship: three elders of one village order the opera, and
 * the county's troupe gets one offer with the three of them, accepts it once, and completes it once — its hours in
 * the ledger once — while each order keeps its own events, its own rating and a timeline that names the activity.
 */
@ExtendWith(RunningFeiyan.class)
class ActivityIT {
    /** A village of Quanyuan no other test orders from: only the county's art light cavalry offers it the opera. */
    private static final String VILLAGE = "371322206277";
    private static final Identity VOLUNTEER = Identity.volunteer("V-activity", VILLAGE);

    @Test
    void givenThreeNeighboursOrderingTheOpera_thenOneVisitServesThem_itsHoursCountedOnce_eachOrderRatedOnItsOwn() {
        DemoCounty.awaitLoaded();
        List<String> residents = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String resident = DemoCounty.as(VOLUNTEER).contentType(ContentType.JSON)
                    .body(Map.of("name", "听戏老人" + i, "phone", "1380539700" + i, "idNumber",
                            TestIdNumbers.next(), "villageCode", VILLAGE, "householdTags",
                            List.of("EMPTY_NEST_ELDERLY")))
                    .post(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/residents")
                    .then().statusCode(201).extract().<String>path("residentId");
            residents.add(resident);
            orders.add(DemoCounty.placeOrder(VOLUNTEER, Map.of("residentId", resident, "projectCode", "culture-opera",
                    "urgency", "ROUTINE", "residentConsent", true)));
        }

        // one offer to the troupe, with the three of them
        String team = RunningFeiyan.url(FeiyanService.TEAM);
        String activity = await().atMost(DemoCounty.WAIT).until(() -> DemoCounty.as(DemoCounty.CAVALRY_LEAD)
                .get(team + "/api/assignments/inbox").then().statusCode(200).extract()
                .<String>path("activities.find { it.orders*.orderId.containsAll(['" + String.join("','", orders)
                        + "']) }.activityId"), id -> id != null);
        DemoCounty.as(DemoCounty.CAVALRY_LEAD).get(team + "/api/activities/" + activity).then().statusCode(200)
                .body("residents", equalTo(3)).body("placeCode", equalTo(VILLAGE))
                .body("orders.orderId", hasItems(orders.toArray()));

        // accepted once: every order accepted, each timeline naming its two neighbours
        DemoCounty.as(DemoCounty.CAVALRY_LEAD).contentType(ContentType.JSON)
                .body(Map.of("scheduledFor", "2027-01-05T02:00:00Z"))
                .post(team + "/api/activities/" + activity + "/accept").then().statusCode(200);
        for (String order : orders) {
            await().atMost(DemoCounty.WAIT).untilAsserted(() -> DemoCounty.as(VOLUNTEER)
                    .get(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/orders/" + order).then().statusCode(200)
                    .body("status", equalTo("ACCEPTED"))
                    .body("timeline.find { it.step == 'ACCEPTED' }.neighbours", equalTo(2))
                    .body("timeline.find { it.step == 'ACCEPTED' }.place", equalTo(VILLAGE)));
        }

        // completed once: one entry in the ledger, every order completed with its share of the hours
        DemoCounty.as(DemoCounty.CAVALRY_LEAD).contentType(ContentType.JSON)
                .body(Map.of("volunteerHours", 3, "summary", "Peking opera for the village's elders"))
                .post(team + "/api/activities/" + activity + "/complete").then().statusCode(200);
        BigDecimal hours = BigDecimal.ZERO;
        for (String order : orders) {
            hours = hours.add(payload(RunningFeiyan.probe().await(EventType.ORDER_COMPLETED.topic(), keyed(order),
                    DemoCounty.WAIT), OrderCompleted.class).volunteerHours());
        }
        assertEquals(0, new BigDecimal("3").compareTo(hours), "the orders' hours add up to the visit's: " + hours);
        assertEquals("1 3.00", query(FeiyanService.TEAM, "select count(*) || ' ' || sum(hours)"
                + " from unattributed_hours where activity_id = ?", activity), "one entry in the hours ledger");

        // each rated on its own, by its own resident
        for (int i = 0; i < 3; i++) {
            String order = orders.get(i);
            Identity resident = Identity.resident(UUID.fromString(residents.get(i)));
            int score = 3 + i;
            await().atMost(DemoCounty.WAIT).until(() -> DemoCounty.as(resident).contentType(ContentType.JSON)
                    .body(Map.of("orderId", order, "score", score, "solved", true))
                    .post(RunningFeiyan.url(FeiyanService.FEEDBACK) + "/api/ratings").statusCode() == 201);
            await().atMost(DemoCounty.WAIT).until(() -> String.valueOf(score).equals(
                    query(FeiyanService.FEEDBACK, "select score from rating where order_id = ?", order)));
            await().atMost(DemoCounty.WAIT).untilAsserted(() -> DemoCounty.as(resident)
                    .get(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/orders/" + order).then().statusCode(200)
                    .body("status", equalTo("RATED")));
        }
    }

    private static String query(FeiyanService service, String sql, String parameter) {
        try {
            return DemoCounty.queryOne(service, sql, parameter);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
