package io.feiyan.team;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.Channel;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Urgency;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may do what (#7): no token is 401; a wrong role, region or team is 403, and nothing changes. */
@FeiyanTest
class AccessTests {
    private static final String FORBIDDEN = "https://feiyan.io/problems/forbidden";
    private static final String PROBLEM = "application/problem+json";

    @InjectEventProbe
    EventProbe probe;

    @Test
    void givenNoToken_aWriteAndAReadAreRefusedWith401_andNothingIsSaved() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Anonymous"))
                .put("/api/categories/ACCESS_ANONYMOUS")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://feiyan.io/problems/unauthorized"));
        given().get("/api/teams").then().statusCode(401).contentType(PROBLEM);
        given().get("/api/volunteers/{id}", UUID.randomUUID()).then().statusCode(401);

        Auth.asAdmin().get("/api/categories").then().statusCode(200).body("code", not(hasItem("ACCESS_ANONYMOUS")));
    }

    @Test
    void givenTheCatalogueAndATeam_aTeamLeadAndAnOperatorCannotChangeThem_andTheyStayAsTheyWere() {
        Auth.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Before"))
                .put("/api/categories/ACCESS_CAT").then().statusCode(200);
        Auth.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Visits before", "category", "ACCESS_CAT"))
                .put("/api/projects/access-visit").then().statusCode(200);
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Team before", "tier", "TOWN", "regionCode", "371322104", "capacity", 2))
                .put("/api/teams/access-team").then().statusCode(200);

        for (RequestSpecification notAdmin : List.of(Auth.lead("access-team"), Auth.asOperatorOf("371322"))) {
            notAdmin.contentType(ContentType.JSON).body(Map.of("name", "After"))
                    .put("/api/categories/ACCESS_CAT")
                    .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN));
        }
        Auth.asOperatorOf("371322").contentType(ContentType.JSON)
                .body(Map.of("name", "Visits after", "category", "ACCESS_CAT", "active", false))
                .put("/api/projects/access-visit").then().statusCode(403).body("type", equalTo(FORBIDDEN));
        Auth.lead("access-team").contentType(ContentType.JSON)
                .body(Map.of("name", "Team after", "tier", "TOWN", "regionCode", "371322104", "capacity", 50))
                .put("/api/teams/access-team").then().statusCode(403).body("type", equalTo(FORBIDDEN));

        // every signed-in caller reads the catalogue and the teams, and sees them unchanged
        Auth.lead("access-team").get("/api/categories").then().statusCode(200)
                .body("find { it.code == 'ACCESS_CAT' }.name", equalTo("Before"));
        Auth.asOperatorOf("371322").get("/api/projects").then().statusCode(200)
                .body("find { it.code == 'access-visit' }.name", equalTo("Visits before"))
                .body("find { it.code == 'access-visit' }.active", equalTo(true));
        Auth.asMemberOf("another-team").get("/api/teams/access-team").then().statusCode(200)
                .body("name", equalTo("Team before")).body("capacity", equalTo(2));
    }

    @Test
    void givenAPublishedMenu_anOperatorCannotPublishDraftOrEditIt_andAnyoneMayReadIt() {
        Auth.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Menu visits", "category", "ELDERLY_CARE"))
                .put("/api/projects/access-menu-visit").then().statusCode(200);
        String menu = "/api/menus/371366/2027-03";
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("projectCode", "access-menu-visit", "note", "as published"))))
                .put(menu).then().statusCode(200).body("version", equalTo(1));

        Map<String, Object> otherItems = Map.of("items", List.of(Map.of("projectCode", "access-menu-visit",
                "note", "changed")));
        Auth.asOperatorOf("371366").contentType(ContentType.JSON).body(otherItems).put(menu).then().statusCode(403);
        Auth.asOperatorOf("371366").post(menu + "/draft").then().statusCode(403);
        Auth.lead("access-team").contentType(ContentType.JSON).body(otherItems).put(menu + "/draft")
                .then().statusCode(403);
        Auth.asOperatorOf("371366").post(menu + "/publish").then().statusCode(403);
        Auth.asOperatorOf("371366").get(menu + "/draft").then().statusCode(403);
        given().get(menu + "/draft").then().statusCode(401);

        // the published menu is the public one: read without a token, still version 1 as published
        given().get(menu).then().statusCode(200)
                .body("version", equalTo(1))
                .body("items.note", contains("as published"));
        Auth.asAdmin().get(menu + "/draft").then().statusCode(404);
    }

    @Test
    void givenAVolunteerOfOneTown_anOperatorOfAnotherTownCannotSeeThemNorRegisterOneThere() {
        String village = "371322105201";
        String volunteer = Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "孙兰", "phone", "13805395555", "villageCode", village))
                .post("/api/volunteers").then().statusCode(201).extract().path("volunteerId");

        Auth.asOperatorOf("371322106").get("/api/volunteers/{id}", volunteer)
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN));
        Auth.asOperatorOf("371322106").get("/api/volunteers/{id}/hours", volunteer).then().statusCode(403);
        Auth.asOperatorOf("371322106").get("/api/volunteers/{id}/record", volunteer).then().statusCode(403);
        Auth.asOperatorOf("371322106").queryParam("village", village).get("/api/volunteers").then().statusCode(403);
        Auth.asOperatorOf("371322106").get("/api/volunteers").then().statusCode(200)
                .body("volunteerId", not(hasItem(volunteer)));

        Auth.asOperatorOf("371322106").contentType(ContentType.JSON)
                .body(Map.of("name", "越权登记", "phone", "13805396666", "villageCode", village))
                .post("/api/volunteers").then().statusCode(403).body("type", equalTo(FORBIDDEN));
        // who is calling is asked first: a body that is also wrong is still not theirs to send
        Auth.asOperatorOf("371322106").contentType(ContentType.JSON)
                .body(Map.of("name", " ", "phone", "123", "villageCode", village))
                .post("/api/volunteers").then().statusCode(403).body("type", equalTo(FORBIDDEN));
        Auth.asAdmin().queryParam("village", village).get("/api/volunteers").then().statusCode(200)
                .body("name", not(hasItem("越权登记")));

        // the operator of the volunteer's own town sees them
        Auth.asOperatorOf("371322105").get("/api/volunteers/{id}", volunteer).then().statusCode(200)
                .body("phone", equalTo("13805395555"));
        Auth.asOperatorOf("371322105").get("/api/volunteers").then().statusCode(200)
                .body("volunteerId", hasItem(volunteer));
    }

    @Test
    void givenTwoTeams_aMemberOfOneCannotSeeTheOthersHoursOrVolunteers() {
        for (String team : List.of("access-a", "access-b")) {
            Auth.asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("name", "Team " + team, "tier", "VILLAGE", "regionCode", "371322105202"))
                    .put("/api/teams/" + team).then().statusCode(200);
        }
        String ofB = Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "周敏", "phone", "13805397777", "villageCode", "371322105202",
                        "teamCodes", List.of("access-b")))
                .post("/api/volunteers").then().statusCode(201).extract().path("volunteerId");

        Auth.asMemberOf("access-a").get("/api/teams/access-b/hours").then().statusCode(403)
                .body("type", equalTo(FORBIDDEN));
        Auth.asMemberOf("access-a").queryParam("team", "access-b").get("/api/volunteers").then().statusCode(403);
        Auth.asMemberOf("access-a").get("/api/volunteers/{id}", ofB).then().statusCode(403);
        Auth.asMemberOf("access-a").get("/api/volunteers").then().statusCode(403);

        Auth.asMemberOf("access-a").get("/api/teams/access-a/hours").then().statusCode(200)
                .body("teamCode", equalTo("access-a"));
        Auth.asMemberOf("access-b").get("/api/teams/access-b/hours").then().statusCode(200);
        Auth.lead("access-b").get("/api/volunteers/{id}", ofB).then().statusCode(200).body("name", equalTo("周敏"));
        Auth.asMemberOf("access-b").queryParam("team", "access-b").get("/api/volunteers").then().statusCode(200)
                .body("volunteerId", contains(ofB));
    }

    @Test
    void aVillageVolunteerSeesTheirOwnVillagesDutyAndVolunteers_notAnothers() {
        String village = "371322105203";
        Auth.asOperatorOf("371322105").contentType(ContentType.JSON)
                .body(Map.of("name", "钱芳", "phone", "13805398888", "villageCode", village))
                .post("/api/volunteers").then().statusCode(201);

        Auth.asVolunteerOf(village).queryParam("village", village).get("/api/volunteers/on-duty")
                .then().statusCode(200).body("volunteer.name", equalTo("钱芳"));
        Auth.asVolunteerOf(village).get("/api/volunteers").then().statusCode(200).body("name", contains("钱芳"));
        Auth.asVolunteerOf("371322105204").queryParam("village", village).get("/api/volunteers/on-duty")
                .then().statusCode(403);
        Auth.asVolunteerOf("371322105204").queryParam("village", village).get("/api/volunteers")
                .then().statusCode(403);
        // a volunteer registers no one
        Auth.asVolunteerOf(village).contentType(ContentType.JSON)
                .body(Map.of("name", "自荐", "phone", "13805399999", "villageCode", village))
                .post("/api/volunteers").then().statusCode(403);
    }

    @Test
    void theAnalystReadsTheDemandCountsOnly_andNeitherVolunteersNorTeamHours() {
        YearMonth month = YearMonth.of(2027, 7);
        probe.publish(new OrderPlaced(UUID.randomUUID(), UUID.randomUUID(), null, "ELDERLY_CARE", false,
                "371366101201", Urgency.ROUTINE, Channel.APP, null, null, null,
                month.atDay(5).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Auth.asAnalyst()
                .get("/api/menus/371366/{month}/demand", month.toString()).then().statusCode(200)
                .body("find { it.townCode == '371366101' }.orders", equalTo(1)));
        List<Map<String, Object>> demand = Auth.asAnalyst().get("/api/menus/371366/{month}/demand", month.toString())
                .then().extract().jsonPath().getList("");
        assertFalse(demand.isEmpty());
        for (Map<String, Object> line : demand) {
            assertTrue(Set.of("townCode", "projectCode", "category", "orders").containsAll(line.keySet()),
                    "counts by town, project and category only: " + line.keySet());
        }

        Auth.asAnalyst().get("/api/volunteers").then().statusCode(403);
        Auth.asAnalyst().queryParam("village", "371366101201").get("/api/volunteers").then().statusCode(403);
        Auth.asAnalyst().get("/api/volunteers/{id}", UUID.randomUUID()).then().statusCode(403);
        Auth.asAnalyst().get("/api/teams/access-a/hours").then().statusCode(403);
        Auth.asAnalyst().post("/api/menus/371366/2027-08/draft").then().statusCode(403);
        Auth.asOperatorOf("371366").get("/api/menus/371366/{month}/demand", month.toString()).then().statusCode(403);
    }
}
