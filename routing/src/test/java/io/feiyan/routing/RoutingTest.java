package io.feiyan.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.feiyan.events.Tier;
import io.feiyan.routing.Routing.Move;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The routing rule, situation by situation: each row a case, the teams that could take it, and where the rule sends
 * it — the tiers it climbs (from→to and why), then its team, or "unserved".
 */
class RoutingTest {
    private static final String VILLAGE = "371322206201";
    private static final String NEIGHBOUR_VILLAGE = "371322206202";
    private static final String TOWN = "371322206";
    private static final String OTHER_TOWN = "371322107";
    private static final String COUNTY = "371322";
    private static final Instant EARLIER = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-30T09:00:00Z");

    static Stream<Arguments> situations() {
        return Stream.of(
                row("a team of the resident's own village with room takes it",
                        order(), List.of(village("V1", 0), town("T1", 0), county("C1", 0)),
                        "V1"),
                row("the village team full: up to the town",
                        order(), List.of(village("V1", 2), town("T1", 0), county("C1", 0)),
                        "VILLAGE→TOWN no team available · T1"),
                row("village and town full: up to the county",
                        order(), List.of(village("V1", 2), town("T1", 2), county("C1", 0)),
                        "VILLAGE→TOWN no team available · TOWN→COUNTY no team available · C1"),
                row("no team with room anywhere: climbs to the county and is unserved there",
                        order(), List.of(village("V1", 2), town("T1", 2), county("C1", 2)),
                        "VILLAGE→TOWN no team available · TOWN→COUNTY no team available · unserved"),
                row("no team at all: unserved at the county",
                        order(), List.of(),
                        "VILLAGE→TOWN no team available · TOWN→COUNTY no team available · unserved"),
                row("a team of a neighbouring village or another town is never chosen",
                        order(), List.of(team("VN", Tier.VILLAGE, NEIGHBOUR_VILLAGE, 0), team("TX", Tier.TOWN,
                                OTHER_TOWN, 0), county("C1", 0)),
                        "VILLAGE→TOWN no team available · TOWN→COUNTY no team available · C1"),
                row("an inactive team is never chosen",
                        order(), List.of(inactive(village("V1", 0)), town("T1", 0)),
                        "VILLAGE→TOWN no team available · T1"),
                row("a team that does not offer the project is never chosen",
                        order(), List.of(village("V1", 0, "opera"), town("T1", 0)),
                        "VILLAGE→TOWN no team available · T1"),
                row("a need in the resident's words goes to a team offering any project of its category",
                        order().projects("visit", "chat"), List.of(village("V1", 0, "chat"), town("T1", 0)),
                        "V1"),
                row("a team the case has passed by is never offered it again",
                        order().passedBy("V1"), List.of(village("V1", 0), village("V2", 1)),
                        "V2"),
                row("among teams with room the least loaded",
                        order(), List.of(village("V1", 1), village("V2", 0)),
                        "V2"),
                row("equally loaded: the team whose last order was longest ago",
                        order(), List.of(lastAssigned(village("V1", 0), LATER), lastAssigned(village("V2", 0), EARLIER)),
                        "V2"),
                row("equally loaded: a team never given an order before one that was",
                        order(), List.of(lastAssigned(village("V1", 0), EARLIER), lastAssigned(village("V2", 0), null)),
                        "V2"),
                row("equally loaded at the same moment: by code, so the choice is always the same",
                        order(), List.of(lastAssigned(village("V2", 0), EARLIER), lastAssigned(village("V1", 0), EARLIER)),
                        "V1"),
                row("a team full since it was read is passed over for the next",
                        order(), List.of(village("V1", 0).full(), village("V2", 1)),
                        "V2"),
                row("declined: the next team of the same tier",
                        order().declinedBy("V1"), List.of(village("V1", 0), village("V2", 1)),
                        "V2"),
                row("declined and no team of the tier left: up a tier, reason declined",
                        order().declinedBy("V1"), List.of(village("V1", 0), town("T1", 0)),
                        "VILLAGE→TOWN declined · T1"),
                row("declined at the village, the town full: declined, then no team available",
                        order().declinedBy("V1"), List.of(village("V1", 0), town("T1", 2), county("C1", 0)),
                        "VILLAGE→TOWN declined · TOWN→COUNTY no team available · C1"),
                row("declined at the county by its last team: unserved",
                        order().at(Tier.COUNTY).declinedBy("C1"), List.of(county("C1", 0)),
                        "unserved"),
                row("time to accept missed: up a tier at once, although another village team has room",
                        order().timedOutAt("V1"), List.of(village("V1", 0), village("V2", 0), town("T1", 0)),
                        "VILLAGE→TOWN timeout (V1 did not accept in time) · T1"),
                row("time to accept missed and the town full: timeout, then no team available",
                        order().timedOutAt("V1"), List.of(town("T1", 2), county("C1", 0)),
                        "VILLAGE→TOWN timeout (V1 did not accept in time) · TOWN→COUNTY no team available · C1"),
                row("time to accept missed at the county: the county's next team",
                        order().at(Tier.COUNTY).timedOutAt("C1"), List.of(county("C1", 0), county("C2", 1)),
                        "C2"),
                row("time to accept missed at the county, no team left: the team that let it pass is asked again",
                        order().at(Tier.COUNTY).timedOutAt("C1"), List.of(county("C1", 0)),
                        "C1 (asked again)"),
                row("time to accept missed, the town and county full: back to the lowest tier that let it pass",
                        order().timedOutAt("V1"), List.of(village("V1", 0), town("T1", 2), county("C1", 2)),
                        "VILLAGE→TOWN timeout (V1 did not accept in time) · TOWN→COUNTY no team available · V1 (asked again)"),
                row("passed by everywhere: asked again only of a team that did not decline it",
                        order().at(Tier.COUNTY).declinedBy("V1").timedOutAt("C1"),
                        List.of(village("V1", 0), county("C1", 0)),
                        "C1 (asked again)"),
                row("sent up by an operator, the town and county full: never back to the village team it left",
                        order().at(Tier.TOWN), List.of(village("V1", 0), town("T1", 2), county("C1", 2)),
                        "TOWN→COUNTY no team available · unserved"),
                row("asked again and let pass once more: the next that let it pass, with no climb said again",
                        order().passedBy("T1", "C1").timedOutAt("V1").askedAgainBefore(),
                        List.of(village("V1", 0), town("T1", 0), county("C1", 0)),
                        "V1 (asked again)"),
                row("asked again and let pass once more, a team never offered it has room now: that team",
                        order().passedBy("T1", "C1").timedOutAt("V1").askedAgainBefore(),
                        List.of(village("V1", 0), town("T1", 0), town("T2", 1), county("C1", 0)),
                        "T2"),
                row("declined by every team that could take it: unserved",
                        order().at(Tier.COUNTY).declinedBy("V1").declinedBy("C1"),
                        List.of(village("V1", 0), county("C1", 0)),
                        "unserved"),
                row("a case already at the town is not sent back down to the village",
                        order().at(Tier.TOWN), List.of(village("V1", 0), town("T1", 0)),
                        "T1"),
                row("an unserved case goes to the lowest tier with room, without climbing again",
                        order().unserved(), List.of(village("V1", 0), town("T1", 0), county("C1", 0)),
                        "V1"),
                row("an unserved case whose village is still full goes to the town",
                        order().unserved(), List.of(village("V1", 2), town("T1", 0)),
                        "T1"),
                row("an unserved case that no team can take yet stays unserved, nothing said again",
                        order().unserved(), List.of(village("V1", 2), town("T1", 2), county("C1", 2)),
                        "unserved"),
                row("an unserved case goes back to a team that only let its time to accept pass",
                        order().at(Tier.COUNTY).timedOutAt("C1").unserved().routedAgain(), List.of(county("C1", 0)),
                        "C1 (asked again)"),
                row("an unserved case never goes back to a team that declined it",
                        order().at(Tier.COUNTY).declinedBy("C1").unserved().routedAgain(), List.of(county("C1", 0)),
                        "unserved"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void routesAsTheRuleSays(String situation, Routing.Case c, List<Routing.Team> teams, String expected) {
        assertEquals(expected, describe(Routing.route(c, teams)));
    }

    /** Offered to several at once: the rows say the most teams offered, then the route, its teams joined by "+". */
    static Stream<Arguments> offersToSeveral() {
        return Stream.of(
                Arguments.of("every team of the tier with room, the least loaded first", 3,
                        order().build(), List.of(village("V2", 1), village("V1", 0), village("V3", 2), town("T1", 0)),
                        "V1+V2"),
                Arguments.of("no more teams than the county allows", 2,
                        order().build(), List.of(village("V1", 0), village("V2", 0), village("V3", 1)),
                        "V1+V2"),
                Arguments.of("only the tier the walk reaches: the village's one team, not the town's as well", 3,
                        order().build(), List.of(village("V1", 0), town("T1", 0), town("T2", 0)),
                        "V1"),
                Arguments.of("the village full: every team of the town", 3,
                        order().build(), List.of(village("V1", 2), town("T1", 0), town("T2", 1)),
                        "VILLAGE→TOWN no team available · T1+T2"),
                Arguments.of("never a team that passed the case by", 3,
                        order().declinedBy("V1").build(), List.of(village("V1", 0), village("V2", 0), village("V3", 0)),
                        "V2+V3"),
                Arguments.of("an unserved case: every team with room at the lowest tier that has one", 3,
                        order().unserved().build(), List.of(village("V1", 2), town("T1", 0), town("T2", 0)),
                        "T1+T2"),
                Arguments.of("a team asked again is asked alone", 3,
                        order().at(Tier.COUNTY).timedOutAt("C1").build(), List.of(county("C1", 0)),
                        "C1 (asked again)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("offersToSeveral")
    void offersToSeveralTeamsOfOneTier(String situation, int several, Routing.Case c, List<Routing.Team> teams,
            String expected) {
        assertEquals(expected, describe(Routing.route(c, teams, several)));
    }

    @Test
    void theLowestCapableTierIsWhereATeamServingTheResidentOffersTheProject_roomOrNot() {
        Set<String> visit = Set.of("visit");
        assertEquals(Tier.VILLAGE, Routing.lowestCapableTier(VILLAGE, visit, List.of(village("V1", 2), town("T1", 0))),
                "full");
        assertEquals(Tier.TOWN,
                Routing.lowestCapableTier(VILLAGE, visit, List.of(village("V1", 0, "opera"), town("T1", 0))));
        assertEquals(Tier.COUNTY, Routing.lowestCapableTier(VILLAGE, visit, List.of(inactive(village("V1", 0)),
                team("VN", Tier.VILLAGE, NEIGHBOUR_VILLAGE, 0), team("TX", Tier.TOWN, OTHER_TOWN, 0), county("C1", 2))));
        assertNull(Routing.lowestCapableTier(VILLAGE, visit, List.of()));
    }

    private static Arguments row(String situation, Order order, List<Routing.Team> teams, String expected) {
        return Arguments.of(situation, order.build(), teams, expected);
    }

    private static String describe(Routing.Route route) {
        List<String> steps = new ArrayList<>();
        for (Routing.Climb climb : route.climbs()) {
            steps.add(climb.from() + "→" + climb.to() + " " + climb.reason().name().toLowerCase().replace('_', ' ')
                    + (climb.note() == null ? "" : " (" + climb.note() + ")"));
        }
        steps.add((route.unserved() ? "unserved"
                : route.offers().stream().map(Routing.Team::code).collect(Collectors.joining("+")))
                + (route.askedAgain() ? " (asked again)" : ""));
        return String.join(" · ", steps);
    }

    /** A home visit (project "visit") for a resident of {@link #VILLAGE}, at the village tier, routed anew. */
    private static Order order() {
        return new Order();
    }

    private static final class Order {
        private Tier tier = Tier.VILLAGE;
        private Set<String> projects = Set.of("visit");
        private Set<String> passedBy = Set.of();
        private Set<String> declinedBy = Set.of();
        private boolean unserved;
        private Move move = Move.ROUTE;
        private String leftTeam;
        private boolean askedAgain;

        Order at(Tier tier) {
            this.tier = tier;
            return this;
        }

        Order projects(String... codes) {
            projects = Set.of(codes);
            return this;
        }

        Order passedBy(String... teams) {
            passedBy = Set.of(teams);
            return this;
        }

        Order unserved() {
            unserved = true;
            return this;
        }

        /** The team it is leaving had been asked again. */
        Order askedAgainBefore() {
            askedAgain = true;
            return this;
        }

        /** The team declined it (and is passed by). */
        Order declinedBy(String team) {
            declinedBy = Stream.concat(declinedBy.stream(), Stream.of(team)).collect(Collectors.toSet());
            return left(team, Move.DECLINED);
        }

        /** Routed again later (a team had room again), not just left by a team. */
        Order routedAgain() {
            move = Move.ROUTE;
            leftTeam = null;
            return this;
        }

        /** The team let its time to accept pass (and is passed by). */
        Order timedOutAt(String team) {
            return left(team, Move.TIMED_OUT);
        }

        private Order left(String team, Move how) {
            move = how;
            leftTeam = team;
            passedBy = Stream.concat(passedBy.stream(), Stream.of(team)).collect(Collectors.toSet());
            return this;
        }

        Routing.Case build() {
            return new Routing.Case(VILLAGE, tier, projects, passedBy, declinedBy, unserved, move, leftTeam,
                    askedAgain);
        }
    }

    /** A team of the resident's village, for home visits, room for two orders. */
    private static Routing.Team village(String code, long open, String... projects) {
        return team(code, Tier.VILLAGE, VILLAGE, open, projects);
    }

    private static Routing.Team lastAssigned(Routing.Team team, Instant at) {
        return new Routing.Team(team.code(), team.tier(), team.regionCode(), team.active(), team.projectCodes(),
                team.capacity(), team.openOrders(), at);
    }

    private static Routing.Team town(String code, long open) {
        return team(code, Tier.TOWN, TOWN, open);
    }

    private static Routing.Team county(String code, long open) {
        return team(code, Tier.COUNTY, COUNTY, open);
    }

    private static Routing.Team team(String code, Tier tier, String region, long open, String... projects) {
        return new Routing.Team(code, tier, region, true, projects.length == 0 ? Set.of("visit") : Set.of(projects), 2,
                open, null);
    }

    private static Routing.Team inactive(Routing.Team team) {
        return new Routing.Team(team.code(), team.tier(), team.regionCode(), false, team.projectCodes(),
                team.capacity(), team.openOrders(), team.lastAssigned());
    }
}
