package io.feiyan.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.HouseholdTag;
import io.feiyan.events.Tier;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.launcher.FeiyanSystem;
import io.feiyan.launcher.demo.CountyGenerator;
import io.feiyan.launcher.demo.CountyPlan;
import io.feiyan.servers.EmbeddedKeycloak;
import io.feiyan.servers.Identity;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The county generator, on the system every system test shares: the whole county at a smaller scale — the 13
 * towns, two villages a town and the demo villages, 8 residents a village — loaded twice through the APIs,
 * then counted in the services' databases. The generated county leaves the demo county's teams and routing as
 * they were, which the other system tests rely on; the full-scale plan is checked as data.
 */
@ExtendWith(RunningFeiyan.class)
class CountyGeneratorIT {
    private static final CountyPlan PLAN = DemoCounty.GENERATED;
    private static final Set<String> DEMO_VILLAGES = Set.of("371322206201", "371322107202", "371322107203");
    private static CountyGenerator.Result first;
    private static CountyGenerator.Result again;

    @BeforeAll
    static void loadTheCountyTwice() throws InterruptedException {
        DemoCounty.awaitLoaded();
        first = DemoCounty.generatedCounty();
        again = new CountyGenerator(PLAN, RunningFeiyan.system().tokens(), RunningFeiyan::url, System.out).load();
    }

    @Test
    void everyGeneratedVolunteerAndTeamLeadSignsInWithThePassword_asTheRegistrysVolunteer() {
        CountyPlan.Village village = PLAN.villages().stream().filter(v -> !DEMO_VILLAGES.contains(v.code()))
                .findFirst().orElseThrow();
        String volunteer = signIn("V-" + village.code() + "-2");
        String registryId = given().auth().oauth2(volunteer).get(RunningFeiyan.url(FeiyanService.TEAM) + "/api/me")
                .then().statusCode(200).body("roles", contains("volunteer")).body("region", equalTo(village.code()))
                .extract().path("volunteer");
        given().auth().oauth2(DemoCounty.token(Identity.admin("ADM-county-centre")))
                .get(RunningFeiyan.url(FeiyanService.TEAM) + "/api/volunteers/" + registryId).then().statusCode(200)
                .body("villageCode", equalTo(village.code())).body("teamCodes", contains(village.feiyanTeam()));

        String firstOfTheVillage = signIn("V-" + village.code() + "-1");
        given().auth().oauth2(firstOfTheVillage).get(RunningFeiyan.url(FeiyanService.TEAM) + "/api/me").then()
                .body("roles", hasItems("volunteer", "team-lead")).body("team", equalTo(village.feiyanTeam()));
        String institute = PLAN.towns().get(0).instituteTeam();
        given().auth().oauth2(signIn("L-" + institute)).get(RunningFeiyan.url(FeiyanService.TEAM) + "/api/me").then()
                .body("roles", hasItems("team-lead")).body("team", equalTo(institute));
    }

    /** A password grant as a script would, with the demo password: the access token. */
    private static String signIn(String user) {
        FeiyanSystem system = RunningFeiyan.system();
        return given().formParams(Map.of("grant_type", "password", "client_id", EmbeddedKeycloak.SCRIPTS_CLIENT,
                        "client_secret", system.keycloak().secrets().scriptsSecret(), "username", user,
                        "password", system.keycloak().secrets().demoPassword()))
                .post(system.keycloak().issuer() + "/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }

    @Test
    void givenTheCounty_eachTownHasOneInstituteTeamAndEachVillageOneFeiyanTeam() throws SQLException {
        assertEquals(13, PLAN.towns().size());
        assertEquals(13, PLAN.towns().stream().map(CountyPlan.Town::code).distinct().count());
        for (CountyPlan.Town town : PLAN.towns()) {
            assertEquals("1", DemoCounty.queryOne(FeiyanService.TEAM,
                    "select count(*) from team where tier = 'TOWN' and active and region_code = ?", town.code()),
                    "one institute team in " + town.name());
            assertEquals("TOWN " + town.code(), DemoCounty.queryOne(FeiyanService.TEAM,
                    "select tier || ' ' || region_code from team where code = ?", town.instituteTeam()));
        }
        assertEquals(26, PLAN.villages().size());
        for (CountyPlan.Village village : PLAN.villages()) {
            assertEquals("1", DemoCounty.queryOne(FeiyanService.TEAM,
                    "select count(*) from team where tier = 'VILLAGE' and active and region_code = ?", village.code()),
                    "one 飞燕 team in " + village.name());
            assertEquals("VILLAGE " + village.code(), DemoCounty.queryOne(FeiyanService.TEAM,
                    "select tier || ' ' || region_code from team where code = ?", village.feiyanTeam()));
        }
    }

    @Test
    void givenTheCounty_theCatalogueHasTheReportsSixCategoriesAndTwelveProjectsInEach() throws SQLException {
        String projects = String.join(",", PLAN.projectCodes());
        assertEquals(72, PLAN.projectCodes().size());
        assertEquals("72", DemoCounty.queryOne(FeiyanService.TEAM,
                "select count(*) from project where active and code = any(string_to_array(?, ','))", projects));
        assertEquals("6", DemoCounty.queryOne(FeiyanService.TEAM, "select count(distinct category) from project "
                + "where code = any(string_to_array(?, ',')) and category in (select code from category)", projects));
        assertEquals("12 12", DemoCounty.queryOne(FeiyanService.TEAM, "select min(n) || ' ' || max(n) from "
                + "(select count(*) n from project where code = any(string_to_array(?, ',')) group by category) c",
                projects));
        // intake and dispatch keep copies of the catalogue from team-service's events
        for (FeiyanService copy : List.of(FeiyanService.INTAKE, FeiyanService.DISPATCH)) {
            await().atMost(DemoCounty.WAIT).until(() -> "72".equals(DemoCounty.queryOne(copy,
                    "select count(*) from project where code = any(string_to_array(?, ','))", projects)));
        }
    }

    @Test
    void givenTheCounty_seventeenCountyTeamsCoverTheSixCategories() throws SQLException {
        String countyTeams = String.join(",", PLAN.countyTeamCodes());
        assertEquals(17, PLAN.countyTeamCodes().size());
        assertEquals("17", DemoCounty.queryOne(FeiyanService.TEAM, "select count(*) from team where tier = 'COUNTY' "
                + "and active and region_code = '371322' and code = any(string_to_array(?, ','))", countyTeams));
        assertEquals("6", DemoCounty.queryOne(FeiyanService.TEAM, "select count(distinct p.category) from team t "
                + "join project p on p.code = any(t.project_codes) where t.code = any(string_to_array(?, ','))",
                countyTeams));
        // every project is offered by some team of the county
        assertEquals("0", DemoCounty.queryOne(FeiyanService.TEAM, "select count(*) from project p "
                + "where p.code = any(string_to_array(?, ',')) and not exists "
                + "(select 1 from team t where t.active and p.code = any(t.project_codes))",
                String.join(",", PLAN.projectCodes())));
    }

    @Test
    void givenTheCounty_dispatchAndIntakeKnowEveryTeam() {
        String teams = String.join(",", PLAN.teamCodes());
        assertEquals(17 + 13 + 26, PLAN.teamCodes().size());
        // the generator waited for dispatch; intake hears the same events
        for (FeiyanService copy : List.of(FeiyanService.DISPATCH, FeiyanService.INTAKE)) {
            await().atMost(DemoCounty.WAIT).until(() -> String.valueOf(PLAN.teamCodes().size()).equals(
                    DemoCounty.queryOne(copy, "select count(*) from team where code = any(string_to_array(?, ','))",
                            teams)));
        }
    }

    @Test
    void givenTheCounty_theDemoCountysTeamsAndRoutingAreAsTheyWere() throws SQLException {
        Map<String, String> demo = Map.of(
                "art-light-cavalry", "COUNTY 371322 culture-opera 20",
                "county-legal-aid", "COUNTY 371322 legal-consult 20",
                "quanyuan-institute", "TOWN 371322206 health-check,appliance-repair 10",
                "gaofengtou-institute", "TOWN 371322107 health-check,appliance-repair,homework-tutoring 10",
                "changbuling-feiyan", "VILLAGE 371322206201 elderly-visit 5",
                "caocun-feiyan", "VILLAGE 371322107202 elderly-visit,homework-tutoring 5",
                "lizhuang-feiyan", "VILLAGE 371322107203 elderly-visit 5");
        for (Map.Entry<String, String> team : demo.entrySet()) {
            assertEquals(team.getValue(), DemoCounty.queryOne(FeiyanService.DISPATCH, "select tier || ' ' || region_code "
                    + "|| ' ' || array_to_string(project_codes, ',') || ' ' || capacity from team where code = ?",
                    team.getKey()), team.getKey());
        }
        // only the art light cavalry offers opera, so Changbuling's opera still climbs to it
        assertEquals("art-light-cavalry", DemoCounty.queryOne(FeiyanService.DISPATCH,
                "select string_agg(code, ',') from team where active and ? = any(project_codes) "
                        + "and region_code in ('371322', '371322206', '371322206201')", "culture-opera"));
        // and no new team at county tier offers a demo project
        assertEquals("0", DemoCounty.queryOne(FeiyanService.DISPATCH, "select count(*) from team where active "
                + "and tier = 'COUNTY' and code not in ('art-light-cavalry', 'county-legal-aid') and project_codes && "
                + "string_to_array(?, ',')", String.join(",", CountyPlan.DEMO_PROJECTS.keySet())));
    }

    @Test
    void givenTheCounty_eachVillageHasTenFeiyanVolunteersOnADutyInTurn() throws SQLException {
        for (CountyPlan.Village village : PLAN.villages()) {
            String count = DemoCounty.queryOne(FeiyanService.TEAM, "select count(*) from volunteer where village_code = ? "
                    + "and team_codes = array['" + village.feiyanTeam() + "']", village.code());
            // the demo villages' volunteers are ten more than the ones other tests register there
            assertEquals("10", DemoCounty.queryOne(FeiyanService.TEAM, "select count(*) from volunteer "
                    + "where village_code = ? and name = any(string_to_array('" + PLAN.volunteers().stream()
                    .filter(v -> v.villageCode().equals(village.code())).map(CountyPlan.Volunteer::name)
                    .collect(Collectors.joining(",")) + "', ','))", village.code()), village.name());
            if (!DEMO_VILLAGES.contains(village.code())) {
                assertEquals("10", count, village.name());
            }
        }
        // a village's volunteers take a day each, in the order they joined, and then start again
        CountyPlan.Village village = PLAN.villages().stream().filter(v -> !DEMO_VILLAGES.contains(v.code()))
                .findFirst().orElseThrow();
        List<String> onDuty = new ArrayList<>();
        List<LocalDate> joined = new ArrayList<>();
        for (int day = 1; day <= 11; day++) {
            var duty = DemoCounty.as(Identity.operator("OP-county-1", "371322"))
                    .get(RunningFeiyan.url(FeiyanService.TEAM) + "/api/volunteers/on-duty?village=" + village.code()
                            + "&date=2027-01-" + String.format("%02d", day))
                    .then().statusCode(200).extract();
            onDuty.add(duty.path("volunteer.name"));
            joined.add(LocalDate.parse(duty.path("volunteer.joinedOn")));
        }
        assertEquals(PLAN.volunteers().stream().filter(v -> v.villageCode().equals(village.code()))
                .map(CountyPlan.Volunteer::name).collect(Collectors.toSet()), new HashSet<>(onDuty.subList(0, 10)));
        assertEquals(onDuty.get(0), onDuty.get(10), "after ten days the first is on duty again");
        for (int day = 1; day < 10; day++) {
            LocalDate next = joined.get(day - 1).plusDays(1);
            assertEquals(next.isAfter(LocalDate.of(2022, 2, 10)) ? LocalDate.of(2022, 2, 1) : next, joined.get(day));
        }
    }

    @Test
    void givenTheCounty_residentsAreRegisteredWithTheirHouseholdSituations() throws SQLException {
        // counted in the villages no other test registers residents in
        List<CountyPlan.Resident> ours = PLAN.residents().stream()
                .filter(r -> !DEMO_VILLAGES.contains(r.villageCode())).toList();
        String villages = PLAN.villages().stream().map(CountyPlan.Village::code)
                .filter(code -> !DEMO_VILLAGES.contains(code)).collect(Collectors.joining(","));
        assertEquals(23 * 8, ours.size());
        assertEquals(String.valueOf(ours.size()), DemoCounty.queryOne(FeiyanService.INTAKE,
                "select count(*) from resident where village_code = any(string_to_array(?, ','))", villages));
        for (HouseholdTag tag : HouseholdTag.values()) {
            long planned = ours.stream().filter(r -> r.householdTags().contains(tag)).count();
            assertEquals(String.valueOf(planned), DemoCounty.queryOne(FeiyanService.INTAKE, "select count(*) from resident "
                    + "where '" + tag + "' = any(household_tags) and village_code = any(string_to_array(?, ','))",
                    villages), tag.name());
        }
        assertEquals(String.valueOf(ours.stream().filter(r -> r.guardian() != null).count()),
                DemoCounty.queryOne(FeiyanService.INTAKE, "select count(*) from resident where guardian_name is not "
                        + "null and village_code = any(string_to_array(?, ','))", villages));
    }

    @Test
    void givenTheCountyLoaded_loadingItAgainAddsNothing() throws SQLException {
        assertEquals(PLAN.volunteers().size(), first.volunteersAdded(), "the first load registers every volunteer");
        assertEquals(PLAN.residents().size(), first.residentsAdded(), "and every resident");
        assertEquals(0, again.volunteersAdded());
        assertEquals(PLAN.volunteers().size(), again.volunteersThere());
        assertEquals(0, again.residentsAdded());
        assertEquals(PLAN.residents().size(), again.residentsThere());
        // the same menu again is not a new version
        assertEquals(first.menuVersion(), again.menuVersion());
        assertEquals(String.valueOf(first.menuVersion()), DemoCounty.queryOne(FeiyanService.TEAM,
                "select max(version) from menu where county_code = '371322' and status = 'PUBLISHED' and month = ?",
                first.menuMonth().toString()));
    }

    @Test
    void givenTheCounty_aVillageSeesOnTheMenuWhatItsOwnFeiyanTeamServes() {
        CountyPlan.Village village = PLAN.villages().stream().filter(v -> !DEMO_VILLAGES.contains(v.code()))
                .findFirst().orElseThrow();
        // elderly-visit is on every menu and every 飞燕 team offers it: intake has the team and the menu
        await().atMost(DemoCounty.WAIT).untilAsserted(() -> assertEquals("VILLAGE", io.restassured.RestAssured
                .get(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/menu?village=" + village.code()
                        + "&month=" + first.menuMonth())
                .then().statusCode(200).extract()
                .path("categories.projects.flatten().find { it.projectCode == 'elderly-visit' }.servedBy")));
    }

    @Test
    void givenTheFullScalePlan_itIsTheReportsCountyWithResidentsInRealisticProportions() {
        CountyPlan full = CountyPlan.of(1);
        assertEquals(13, full.towns().size());
        assertEquals(660, full.villages().size());
        assertEquals(6600, full.volunteers().size());
        assertEquals(660 * CountyPlan.DEFAULT_RESIDENTS_PER_VILLAGE, full.residents().size());
        assertEquals(660 + 13 + 17, full.teamCodes().size());
        assertEquals(660 + 13 + 17, new HashSet<>(full.teamCodes()).size());
        assertEquals(full.residents().size(), full.residents().stream().map(CountyPlan.Resident::idNumber).distinct()
                .count(), "one ID number a resident");
        // the demo villages keep their codes and teams, so the README and the demo users' tokens still work
        Map<String, String> teamOf = full.villages().stream()
                .collect(Collectors.toMap(CountyPlan.Village::code, CountyPlan.Village::feiyanTeam));
        assertEquals("changbuling-feiyan", teamOf.get("371322206201"));
        assertEquals("caocun-feiyan", teamOf.get("371322107202"));
        assertEquals("lizhuang-feiyan", teamOf.get("371322107203"));
        assertTrue(full.newTeams().stream().noneMatch(t -> CountyPlan.DEMO_TEAMS.containsKey(t.code())
                || CountyPlan.DEMO_TEAMS.containsValue(t.regionCode()) && t.tier() != Tier.COUNTY),
                "no second team in a demo town or village");
        // mostly the elderly, many with their children away; left-behind children; disability, illness, hardship
        Map<HouseholdTag, Long> by = full.residentsBySituation();
        double all = full.residents().size();
        assertBetween(0.35, 0.50, by.get(HouseholdTag.EMPTY_NEST_ELDERLY) / all, "empty-nest elderly");
        assertBetween(0.12, 0.25, by.get(HouseholdTag.LEFT_BEHIND_CHILD) / all, "left-behind children");
        assertBetween(0.15, 0.30, by.get(HouseholdTag.CHRONIC_ILLNESS) / all, "chronic illness");
        assertBetween(0.05, 0.15, by.get(HouseholdTag.DISABILITY) / all, "disability");
        assertBetween(0.05, 0.12, by.get(HouseholdTag.SPECIAL_HARDSHIP) / all, "special hardship");
        // the same seed, the same county
        CountyPlan twin = CountyPlan.of(1);
        assertEquals(full.residents(), twin.residents());
        assertEquals(full.volunteers(), twin.volunteers());
        assertEquals(full.newTeams(), twin.newTeams());
    }

    private static void assertBetween(double low, double high, double share, String what) {
        assertTrue(share >= low && share <= high, what + ": " + share + " of residents, not " + low + " to " + high);
    }
}
