package io.feiyan.team;

import static io.feiyan.testkit.EventProbe.keyed;
import static io.feiyan.testkit.EventProbe.payload;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.events.Channel;
import io.feiyan.events.MenuPublished;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Topics;
import io.feiyan.events.Urgency;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.feiyan.testkit.Published;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@FeiyanTest
class MenuTests {
    @InjectEventProbe
    EventProbe probe;

    @Test
    void givenCatalogueProjects_whenTheCentrePublishesTheMonthsMenu_thenMenuPublishedCarriesItKeyedByCountyAndMonth() {
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Opera", "category", "CULTURE", "aimedAt", List.of("EMPTY_NEST_ELDERLY")))
                .put("/api/projects/menu-opera").then().statusCode(200).body("aimedAt[0]", equalTo("EMPTY_NEST_ELDERLY"));

        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("projectCode", "menu-opera", "note", "asked for by many"))))
                .put("/api/menus/371399/2027-01")
                .then().statusCode(200)
                .body("month", equalTo("2027-01"))
                .body("items[0].projectCode", equalTo("menu-opera"));

        MenuPublished menu = payload(probe.await(Topics.CATALOGUE_MENUS, keyed("371399/2027-01"),
                Duration.ofSeconds(30)), MenuPublished.class);
        assertEquals(YearMonth.of(2027, 1), menu.month());
        assertEquals(List.of(new MenuPublished.Item("menu-opera", "asked for by many")), menu.items());
        // the published menu is public: read without a token
        given().get("/api/menus/371399/2027-01").then().statusCode(200).body("items[0].note", equalTo("asked for by many"));
    }

    @Test
    void givenLastMonthsDemand_theCentreDraftsEditsAndPublishesAMenu_andAPublishedVersionIsNeverChanged() {
        Auth.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Visits", "category", "ELDERLY_CARE"))
                .put("/api/projects/draft-visit").then().statusCode(200);
        Auth.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Repairs", "category", "DAILY_LIFE"))
                .put("/api/projects/draft-repair").then().statusCode(200);
        YearMonth last = YearMonth.of(2027, 4);
        Instant inLastMonth = last.atDay(10).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
        for (String village : List.of("371377101201", "371377101202", "371377102201")) {
            probe.publish(placed("draft-visit", village, inLastMonth));
        }
        probe.publish(placed("draft-repair", "371377101201", inLastMonth));
        probe.publish(placed("draft-visit", "371399101201", inLastMonth)); // another county
        probe.publish(placed(null, "371377102201", inLastMonth)); // a need in the resident's own words

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Auth.asAdmin()
                .post("/api/menus/371377/2027-05/draft").then().statusCode(200)
                .body("items.projectCode", contains("draft-visit", "draft-repair"))
                .body("items[0].note", equalTo("ordered 3 times in 2 towns last month")));
        // the need in the resident's own words may be on another partition, counted a moment later
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Auth.asAnalyst()
                .get("/api/menus/371377/2027-04/demand").then().statusCode(200)
                .body("find { it.townCode == '371377101' && it.projectCode == 'draft-visit' }.orders", equalTo(2))
                .body("find { it.townCode == '371377102' && it.projectCode == null }.category", equalTo("X")));

        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("projectCode", "draft-visit", "note", "winter visits"))))
                .put("/api/menus/371377/2027-05/draft").then().statusCode(200).body("version", equalTo(1));
        Auth.asAdmin().post("/api/menus/371377/2027-05/publish").then().statusCode(200)
                .body("version", equalTo(1)).body("items[0].note", equalTo("winter visits"));
        Auth.asAdmin().post("/api/menus/371377/2027-05/publish").then().statusCode(404);

        // changing the menu later makes version 2; version 1 stays as it was published
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("projectCode", "draft-visit", "note", "winter visits"),
                        Map.of("projectCode", "draft-repair", "note", "stoves before the cold"))))
                .put("/api/menus/371377/2027-05/draft").then().statusCode(200).body("version", equalTo(2));
        Auth.asAdmin().post("/api/menus/371377/2027-05/publish").then().statusCode(200).body("version", equalTo(2));
        List<MenuPublished> published = Published.about(probe, Topics.CATALOGUE_MENUS, "371377/2027-05").stream().map(r -> payload(r, MenuPublished.class)).toList();
        assertEquals(List.of(1, 2), published.stream().map(MenuPublished::version).toList());
        assertEquals(1, published.get(0).items().size());
    }

    private static OrderPlaced placed(String project, String village, Instant at) {
        return new OrderPlaced(UUID.randomUUID(), UUID.randomUUID(), project, "X", false, village, Urgency.ROUTINE,
                Channel.APP, null, null, null, at);
    }

    @Test
    void aMenuNamingAProjectNotInTheCatalogueIsRefused() {
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("projectCode", "no-such-project"))))
                .put("/api/menus/371399/2027-02")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/unknown-project"));
        given().get("/api/menus/371399/2027-02").then().statusCode(404);
    }

    @Test
    void aBadMonthIsRefusedNamingTheField() {
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("projectCode", "x"))))
                .put("/api/menus/371399/December")
                .then().statusCode(400)
                .body("field", equalTo("month"));
    }
}
