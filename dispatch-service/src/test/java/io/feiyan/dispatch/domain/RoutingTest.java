package io.feiyan.dispatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.Tier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RoutingTest {
    private static final String VILLAGE = "371322206201";
    private static final Predicate<Team> VISITS = team -> team.offers("visit");

    @Test
    void aTeamOfTheResidentsOwnVillageIsChosenAtVillageTier() {
        List<Team> teams = List.of(team("other-village", Tier.VILLAGE, "371322206202", 5),
                team("village", Tier.VILLAGE, VILLAGE, 5));

        assertEquals("village", choose(Tier.VILLAGE, teams, Map.of(), Map.of(), Set.of()));
    }

    @Test
    void atTownTierATeamOfTheVillagesTownIsChosen_neverOneOfAnotherTown() {
        List<Team> teams = List.of(team("other-town", Tier.TOWN, "371322107", 5), team("town", Tier.TOWN, "371322206", 5));

        assertEquals("town", choose(Tier.TOWN, teams, Map.of(), Map.of(), Set.of()));
    }

    @Test
    void aFullTeamATeamWithoutTheProjectAnInactiveTeamOrOneTheOrderPassedByIsNeverChosen() {
        Team full = team("full", Tier.VILLAGE, VILLAGE, 1);
        Team noProject = team("no-project", Tier.VILLAGE, VILLAGE, 5);
        noProject.projectCodes = List.of("opera");
        Team resting = team("resting", Tier.VILLAGE, VILLAGE, 5);
        resting.active = false;
        Team declined = team("declined", Tier.VILLAGE, VILLAGE, 5);

        assertTrue(Routing.choose(Tier.VILLAGE, VILLAGE, VISITS, Set.of("declined"), new Routing.Teams(
                List.of(full, noProject, resting, declined), Map.of("full", 1L), Map.of())).isEmpty());
    }

    @Test
    void amongTeamsWithRoomTheLeastLoadedIsChosen() {
        List<Team> teams = List.of(team("a", Tier.TOWN, "371322206", 3), team("b", Tier.TOWN, "371322206", 3));

        assertEquals("b", choose(Tier.TOWN, teams, Map.of("a", 2L, "b", 1L), Map.of(), Set.of()));
    }

    @Test
    void equallyLoadedTeamsTakeTurns_theOneThatWaitedLongestGoesFirst() {
        List<Team> teams = List.of(team("a", Tier.VILLAGE, VILLAGE, 3), team("b", Tier.VILLAGE, VILLAGE, 3));
        Instant now = Instant.now();

        assertEquals("a", choose(Tier.VILLAGE, teams, Map.of(), Map.of(), Set.of()));
        assertEquals("b", choose(Tier.VILLAGE, teams, Map.of(), Map.of("a", now), Set.of()));
        assertEquals("a", choose(Tier.VILLAGE, teams, Map.of(), Map.of("a", now.minusSeconds(60), "b", now), Set.of()));
    }

    private static String choose(Tier tier, List<Team> teams, Map<String, Long> load, Map<String, Instant> last,
            Set<String> passedBy) {
        return Routing.choose(tier, VILLAGE, VISITS, passedBy, new Routing.Teams(teams, load, last)).orElseThrow().code;
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
