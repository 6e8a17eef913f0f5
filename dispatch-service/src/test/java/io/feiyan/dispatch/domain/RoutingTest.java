package io.feiyan.dispatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.Tier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingTest {
    private static final String VILLAGE = "371322206201";

    @Test
    void aVillageTeamThatOffersTheProjectIsChosenFirst() {
        List<Team> teams = List.of(team("county", Tier.COUNTY, "371322", 5), team("town", Tier.TOWN, "371322206", 5),
                team("village", Tier.VILLAGE, VILLAGE, 5));

        assertEquals("village", Routing.choose(VILLAGE, "visit", teams, Map.of()).orElseThrow().code);
    }

    @Test
    void whatTheVillageCannotServeGoesToTheTownThenTheCounty() {
        List<Team> teams = List.of(team("county", Tier.COUNTY, "371322", 5), team("town", Tier.TOWN, "371322206", 5),
                team("other-village", Tier.VILLAGE, "371322206202", 5));

        assertEquals("town", Routing.choose(VILLAGE, "visit", teams, Map.of()).orElseThrow().code);
        assertEquals("county", Routing.choose(VILLAGE, "visit", teams, Map.of("town", 5L)).orElseThrow().code);
    }

    @Test
    void teamsOfAnotherTownOrWithoutTheProjectAreNeverChosen() {
        Team otherTown = team("other-town", Tier.TOWN, "371322107", 5);
        Team noProject = team("no-project", Tier.VILLAGE, VILLAGE, 5);
        noProject.projectCodes = List.of("opera");

        assertTrue(Routing.choose(VILLAGE, "visit", List.of(otherTown, noProject), Map.of()).isEmpty());
    }

    @Test
    void amongTeamsOfOneTierTheLeastLoadedWithRoomIsChosen() {
        List<Team> teams = List.of(team("a", Tier.TOWN, "371322206", 3), team("b", Tier.TOWN, "371322206", 3),
                team("c", Tier.TOWN, "371322206", 1));

        assertEquals("b", Routing.choose(VILLAGE, "visit", teams, Map.of("a", 2L, "b", 1L, "c", 1L)).orElseThrow().code);
    }

    @Test
    void anInactiveTeamIsNeverChosen() {
        Team resting = team("resting", Tier.VILLAGE, VILLAGE, 5);
        resting.active = false;

        assertTrue(Routing.choose(VILLAGE, "visit", List.of(resting), Map.of()).isEmpty());
    }

    private static Team team(String code, Tier tier, String region, int capacity) {
        Team team = new Team();
        team.code = code;
        team.tier = tier;
        team.regionCode = region;
        team.capacity = capacity;
        team.projectCodes = List.of("visit");
        team.active = true;
        return team;
    }
}
