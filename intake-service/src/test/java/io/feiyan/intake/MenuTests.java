package io.feiyan.intake;

import static io.feiyan.intake.Fixtures.WAIT;
import static io.feiyan.intake.Fixtures.registerResident;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.feiyan.events.HouseholdTag;
import io.feiyan.events.MenuPublished;
import io.feiyan.events.ProjectUpdated;
import io.feiyan.events.TeamUpdated;
import io.feiyan.events.Tier;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@FeiyanTest
class MenuTests {
    private static final String COUNTY = "371388";
    private static final String VILLAGE = "371388101201";
    private static final YearMonth MONTH = YearMonth.of(2027, 3);

    @InjectEventProbe
    EventProbe probe;

    @Test
    void givenTheMonthsMenu_thenAVillageSeesWhatItsTeamsOfferByCategory_withWhatIsMeantForTheResidentMarked() {
        probe.publish(new ProjectUpdated("m-visit", "Home visit", "ELDERLY_CARE",
                List.of(HouseholdTag.EMPTY_NEST_ELDERLY), true));
        probe.publish(new ProjectUpdated("m-tutoring", "Homework help", "EDUCATION",
                List.of(HouseholdTag.LEFT_BEHIND_CHILD), true));
        probe.publish(new ProjectUpdated("m-opera", "Opera", "CULTURE", List.of(), true));
        probe.publish(new ProjectUpdated("m-legal", "Legal advice", "LEGAL_AID", List.of(), true));
        probe.publish(new TeamUpdated("m-village", "Village 飞燕", Tier.VILLAGE, VILLAGE, List.of("m-visit"), 5, true));
        probe.publish(new TeamUpdated("m-town", "Town institute", Tier.TOWN, "371388101",
                List.of("m-tutoring", "m-visit"), 5, true));
        probe.publish(new TeamUpdated("m-county", "County troupe", Tier.COUNTY, COUNTY, List.of("m-opera"), 5, true));
        // legal advice is on the menu, but no team serving this village offers it
        probe.publish(new MenuPublished(COUNTY, MONTH, 1, List.of(
                new MenuPublished.Item("m-opera", "by popular demand"),
                new MenuPublished.Item("m-visit", null), new MenuPublished.Item("m-tutoring", null),
                new MenuPublished.Item("m-legal", null)), Instant.now()));
        UUID grandma = registerResident(VILLAGE, HouseholdTag.EMPTY_NEST_ELDERLY);

        await().atMost(WAIT).untilAsserted(() -> Auth.resident(grandma)
                .queryParam("village", VILLAGE).queryParam("month", MONTH.toString())
                .queryParam("resident", grandma.toString())
                .get("/api/menu")
                .then().statusCode(200)
                .body("categories.category", contains("CULTURE", "EDUCATION", "ELDERLY_CARE"))
                .body("categories[0].projects[0].note", equalTo("by popular demand"))
                .body("categories[0].projects[0].servedBy", equalTo("COUNTY"))
                .body("categories[0].projects[0].forYourHousehold", equalTo(false))
                .body("categories[1].projects[0].forYourHousehold", equalTo(false))
                .body("categories[2].projects[0].projectCode", equalTo("m-visit"))
                .body("categories[2].projects[0].servedBy", equalTo("VILLAGE"))
                .body("categories[2].projects[0].forYourHousehold", equalTo(true)));

        // the menu is public; what is meant for a resident's household is for those who act for them
        given().queryParam("village", VILLAGE).queryParam("month", MONTH.toString()).get("/api/menu")
                .then().statusCode(200).body("categories.category", contains("CULTURE", "EDUCATION", "ELDERLY_CARE"));
        given().queryParam("village", VILLAGE).queryParam("month", MONTH.toString())
                .queryParam("resident", grandma.toString()).get("/api/menu")
                .then().statusCode(401);
        Auth.volunteerOf("371388101202").queryParam("village", VILLAGE).queryParam("month", MONTH.toString())
                .queryParam("resident", grandma.toString()).get("/api/menu")
                .then().statusCode(403).body("type", equalTo("https://feiyan.io/problems/forbidden"));
    }

    @Test
    void aMonthWithoutAMenuIs404NoMenu() {
        given().queryParam("village", VILLAGE).queryParam("month", "1999-01").get("/api/menu")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/no-menu"));
    }

    @Test
    void theVillageAndMonthAreChecked() {
        given().queryParam("village", "3713").get("/api/menu")
                .then().statusCode(400).body("field", equalTo("village"));
        given().queryParam("village", VILLAGE).queryParam("month", "March").get("/api/menu")
                .then().statusCode(400).body("field", equalTo("month"));
    }
}
