package io.feiyan.dispatch;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@FeiyanTest
class DashboardTests {
    @InjectEventProbe
    EventProbe probe;

    @Test
    void theDashboardShowsARegionsReviewQueueOpenAssignmentsAndUnservedCases() {
        Place place = new Place(probe, 501);
        place.project("visit");
        place.team("village", Tier.VILLAGE, 5, "visit");
        UUID assigned = place.order("visit", Urgency.ROUTINE);
        UUID inReview = place.freeTextNeed(UUID.randomUUID());
        place.project("rare");
        UUID unserved = place.order("rare", Urgency.ROUTINE);

        // the town institute's operator, asking for no region, sees their own
        await().atMost(Place.WAIT).untilAsserted(() -> Auth.operator("OP-501", place.town)
                .get("/api/dashboard").then().statusCode(200)
                .body("region", equalTo(place.town))
                .body("open.orderId", hasItem(assigned.toString()))
                .body("review.orderId", hasItem(inReview.toString()))
                .body("unserved.find { it.orderId == '" + unserved + "' }.unserved", equalTo(true))
                .body("counts.IN_REVIEW", equalTo(1))
                .body("recent.kind", hasItem("UNSERVED"))
                .body("teams.code", hasItem(place.code("village"))));
        Auth.operator("OP-501", place.town).queryParam("tier", "VILLAGE").get("/api/dashboard")
                .then().body("unserved.orderId", not(hasItem(unserved.toString())));
        // reviews are the town institute's (feiyan.dispatch.review.tier=TOWN): not in the village station's queue
        Auth.operator("OP-501-station", place.village).get("/api/dashboard")
                .then().body("review.orderId", not(hasItem(inReview.toString())));
        Auth.countyCentre().get("/api/cases/{id}", inReview).then().body("reviewQueue", equalTo(place.town));
    }

    @Test
    void thePageIsServedToAnyoneWithoutAToken_andTheRegionAndTierAreChecked() {
        given().get("/dashboard").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("src=\"/dashboard/dashboard.js\""))
                .body(containsString("href=\"/dashboard/dashboard.css\""))
                .body(containsString("data-issuer=\"https://feiyan.io/local\" data-client=\"feiyan-dashboard\""));
        // its script, which follows the stream, and its styles, beside it
        // asked again on every load: never a script of an earlier release under a new page
        given().get("/dashboard/dashboard.js").then().statusCode(200).body(containsString("/api/dashboard/stream"))
                .header("Cache-Control", containsString("max-age=0"));
        given().get("/dashboard/dashboard.css").then().statusCode(200).contentType(containsString("text/css"));
        // the sign-in and the markup it imports, which the platform serves on every service
        given().get("/feiyan/sign-in.js").then().statusCode(200).body(containsString("code_challenge_method: 'S256'"));
        given().get("/feiyan/ui.js").then().statusCode(200).body(containsString("export const html"));
        Auth.countyCentre().queryParam("region", "37").get("/api/dashboard")
                .then().statusCode(400).body("field", equalTo("region"));
        Auth.countyCentre().queryParam("tier", "PROVINCE").get("/api/dashboard")
                .then().statusCode(400).body("field", equalTo("tier"));
    }
}
