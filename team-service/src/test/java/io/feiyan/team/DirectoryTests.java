package io.feiyan.team;

import static io.feiyan.testkit.EventProbe.header;
import static io.feiyan.testkit.EventProbe.keyed;
import static io.feiyan.testkit.EventProbe.payload;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.events.CloudEvents;
import io.feiyan.events.ProjectUpdated;
import io.feiyan.events.TeamUpdated;
import io.feiyan.events.Tier;
import io.feiyan.events.Topics;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.feiyan.testkit.Published;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@FeiyanTest
class DirectoryTests {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @InjectEventProbe
    EventProbe probe;

    @Test
    void givenANewProjectAndTeam_whenSaved_thenBothArePublishedOnTheirCompactedTopics() {
        saveProject("dir-opera", "CULTURE");
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Test troupe", "tier", "COUNTY", "regionCode", "371322",
                        "projectCodes", List.of("dir-opera"), "capacity", 3))
                .put("/api/teams/dir-troupe")
                .then().statusCode(200)
                .body("tier", equalTo("COUNTY"))
                .body("projectCodes", hasItem("dir-opera"));

        ConsumerRecord<String, String> project = probe.await(Topics.CATALOGUE_PROJECTS, keyed("dir-opera"), WAIT);
        assertEquals(new ProjectUpdated("dir-opera", "Project dir-opera", "CULTURE", List.of(), true, 1, Tier.VILLAGE),
                payload(project, ProjectUpdated.class));

        ConsumerRecord<String, String> team = probe.await(Topics.TEAMS_DIRECTORY, keyed("dir-troupe"), WAIT);
        assertEquals(new TeamUpdated("dir-troupe", "Test troupe", Tier.COUNTY, "371322", List.of("dir-opera"), 3,
                true), payload(team, TeamUpdated.class));
        assertEquals("feiyan.team.updated.v1", header(team, CloudEvents.TYPE));
        assertEquals("/feiyan/team-service", header(team, CloudEvents.SOURCE));
        assertEquals("dir-troupe", header(team, CloudEvents.SUBJECT));
        assertEquals("1.0", header(team, CloudEvents.SPEC_VERSION));
    }

    @Test
    void aProjectSaysHowManyResidentsOneVisitServesAndWhereTheyGather_publishedWithIt() {
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Quilt washing", "category", "DAILY_LIFE", "perVisit", 12, "gathersAt", "TOWN"))
                .put("/api/projects/dir-quilts")
                .then().statusCode(200).body("perVisit", equalTo(12)).body("gathersAt", equalTo("TOWN"));

        ProjectUpdated published = payload(probe.await(Topics.CATALOGUE_PROJECTS, keyed("dir-quilts"), WAIT),
                ProjectUpdated.class);
        assertEquals(12, published.perVisit());
        assertEquals(Tier.TOWN, published.gathersAt());
    }

    @Test
    void aVisitServesFrom1To1000Residents_gatheredInAVillageOrATown() {
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Odd visit", "category", "CULTURE", "perVisit", 0, "gathersAt", "COUNTY"))
                .put("/api/projects/dir-odd-visit")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("perVisit", "gathersAt"))
                .body("errors.reason", contains("is from 1 to 1000", "is VILLAGE or TOWN"));
        Auth.asAdmin().get("/api/projects").then().body("code", not(hasItem("dir-odd-visit")));
    }

    @Test
    void givenASavedProject_whenSavedUnchanged_thenNothingNewIsPublished() {
        saveProject("dir-visit", "ELDERLY_CARE");
        saveProject("dir-visit", "ELDERLY_CARE");

        assertEquals(1, Published.about(probe, Topics.CATALOGUE_PROJECTS, "dir-visit").size());
    }

    @Test
    void theCountysSixCategoriesAreThere_aProjectNeedsOneOfThem_andTheCountyCanAddItsOwn() {
        Auth.asMemberOf("any-team").get("/api/categories").then().statusCode(200)
                .body("code", hasItems("EDUCATION", "CULTURE", "MEDICAL", "ELDERLY_CARE", "DAILY_LIFE", "LEGAL_AID"));
        Auth.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Farm help", "category", "FARMING"))
                .put("/api/projects/dir-harvest")
                .then().statusCode(422).body("type", equalTo("https://feiyan.io/problems/unknown-category"));

        Auth.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "农业 Farming"))
                .put("/api/categories/FARMING")
                .then().statusCode(200);
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Farm help", "category", "FARMING", "servedAt", "VILLAGE",
                        "aimedAt", List.of("SPECIAL_HARDSHIP")))
                .put("/api/projects/dir-harvest")
                .then().statusCode(200).body("servedAt", equalTo("VILLAGE"));
    }

    @Test
    void aTeamHasALeaderWhoIsAVolunteer() {
        String leader = Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "张队长", "phone", "13805393333", "villageCode", "371322107202"))
                .post("/api/volunteers").then().statusCode(201).extract().path("volunteerId");
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Led team", "tier", "VILLAGE", "regionCode", "371322107202", "leaderId", leader))
                .put("/api/teams/dir-led").then().statusCode(200).body("leaderId", equalTo(leader));
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Led team", "tier", "VILLAGE", "regionCode", "371322107202",
                        "leaderId", UUID.randomUUID().toString()))
                .put("/api/teams/dir-led").then().statusCode(422).body("field", equalTo("leaderId"));
    }

    @Test
    void aTeamOfferingAProjectNotInTheCatalogueIsRefused() {
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Nobody", "tier", "TOWN", "regionCode", "371322107", "projectCodes",
                        List.of("no-such-project")))
                .put("/api/teams/dir-nobody")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/unknown-project"))
                .body("field", equalTo("projectCodes"));
        Auth.asOperatorOf("371322").get("/api/teams/dir-nobody").then().statusCode(404);
    }

    @Test
    void aTeamWhoseRegionIsNotOfItsTierIsRefusedWithTheField() {
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Misplaced", "tier", "VILLAGE", "regionCode", "371322107"))
                .put("/api/teams/dir-misplaced")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://feiyan.io/problems/invalid-request"))
                .body("field", equalTo("regionCode"));
    }

    @Test
    void anUnknownTierIsRefusedNamingTheAllowedOnes() {
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Odd", "tier", "PROVINCE", "regionCode", "371322"))
                .put("/api/teams/dir-odd")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("tier"))
                .body("detail", equalTo("tier: 'PROVINCE' is not a valid value; one of VILLAGE, TOWN, COUNTY"));
    }

    private static void saveProject(String code, String category) {
        Auth.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Project " + code, "category", category))
                .put("/api/projects/" + code)
                .then().statusCode(200);
    }
}
