package io.feiyan.team;

import static io.feiyan.embedded.EventProbe.keyed;
import static io.feiyan.embedded.EventProbe.payload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.embedded.EventProbe;
import io.feiyan.events.MenuPublished;
import io.feiyan.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MenuTests {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void givenCatalogueProjects_whenTheCentrePublishesTheMonthsMenu_thenMenuPublishedCarriesItKeyedByCountyAndMonth() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Opera", "category", "CULTURE", "aimedAt", List.of("EMPTY_NEST_ELDERLY")))
                .put("/api/projects/menu-opera").then().statusCode(200).body("aimedAt[0]", equalTo("EMPTY_NEST_ELDERLY"));

        given().contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("projectCode", "menu-opera", "note", "asked for by many"))))
                .put("/api/menus/371399/2027-01")
                .then().statusCode(200)
                .body("month", equalTo("2027-01"))
                .body("items[0].projectCode", equalTo("menu-opera"));

        try (EventProbe probe = new EventProbe(kafka)) {
            MenuPublished menu = payload(probe.await(Topics.CATALOGUE_MENUS, keyed("371399/2027-01"),
                    Duration.ofSeconds(30)), MenuPublished.class);
            assertEquals(YearMonth.of(2027, 1), menu.month());
            assertEquals(List.of(new MenuPublished.Item("menu-opera", "asked for by many")), menu.items());
        }
        given().get("/api/menus/371399/2027-01").then().statusCode(200).body("items[0].note", equalTo("asked for by many"));
    }

    @Test
    void aMenuNamingAProjectNotInTheCatalogueIsRefused() {
        given().contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("projectCode", "no-such-project"))))
                .put("/api/menus/371399/2027-02")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/unknown-project"));
        given().get("/api/menus/371399/2027-02").then().statusCode(404);
    }

    @Test
    void aBadMonthIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("projectCode", "x"))))
                .put("/api/menus/371399/December")
                .then().statusCode(400)
                .body("field", equalTo("month"));
    }
}
